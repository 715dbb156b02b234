import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// The same *.int.test.ts files run once per database driver; see test/support/database.ts.
const integrationTests = ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'];

// Each PGlite worker runs a whole PostgreSQL in wasm and is CPU-bound: more workers than
// cores only adds contention. Two on the 2-core machines we develop and run CI on.
const maxWorkers = Math.min(4, Math.max(2, availableParallelism()));

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'unit',
      include: ['src/**/*.test.ts'],
      exclude: [...configDefaults.exclude, '**/*.int.test.ts', '**/*.e2e.test.ts'],
    },
  },
  {
    extends: true,
    test: {
      name: 'pglite',
      include: integrationTests,
      env: { KLYNGE_TEST_DB: 'pglite' },
      globalSetup: ['test/support/global-setup-pglite.ts'],
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  },
];

// PostgreSQL runs only where a server is given; locally the PGlite run covers the same files.
if (process.env.DATABASE_URL) {
  projects.push({
    extends: true,
    test: {
      name: 'postgres',
      include: integrationTests,
      env: { KLYNGE_TEST_DB: 'postgres' },
      globalSetup: ['test/support/global-setup-postgres.ts'],
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  });
}

projects.push({
  extends: true,
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.test.ts'],
    // Browser tests start the app on a clone of a template that holds the demo data: on
    // PostgreSQL when DATABASE_URL names a server, else on PGlite.
    env: { KLYNGE_TEST_DB: process.env.DATABASE_URL ? 'postgres' : 'pglite' },
    globalSetup: ['test/support/global-setup-e2e.ts'],
    // One chromium at a time: two would starve each other (and the app) on two cores.
    fileParallelism: !!process.env.DATABASE_URL,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers,
    projects,
  },
});
