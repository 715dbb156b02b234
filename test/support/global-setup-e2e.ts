import type { TestProject } from 'vitest/node';
import { seedDemo } from '../../src/domain/demo/seed.ts';
import { buildPgliteTemplate } from './global-setup-pglite.ts';
import { buildPostgresTemplate } from './global-setup-postgres.ts';

/**
 * Browser tests run the app on the demo data: it is seeded once into the run's template, and
 * each test file starts from its own copy (seeding per file cost ~20 s each). With DATABASE_URL
 * (CI) the template is a PostgreSQL database: the app's queries then run in the server's own
 * process, on the other core, instead of in PGlite inside the test process.
 */
export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return process.env.DATABASE_URL
    ? buildPostgresTemplate(project, seedDemo)
    : buildPgliteTemplate(project, seedDemo);
}
