import type { TestProject } from 'vitest/node';
import { seedDemo } from '../../src/domain/demo/seed.ts';
import { buildPgliteTemplate } from './global-setup-pglite.ts';

/**
 * Browser tests run the app on the demo data: it is seeded once into the run's template, and
 * each test file starts from its own copy (seeding per file cost ~20 s each).
 */
export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return buildPgliteTemplate(project, seedDemo);
}
