import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type Database, migrateDatabase, openDatabase } from '../../src/db/client.ts';
import './provided-context.ts';

/**
 * Builds one migrated PGlite database per test run and hands its dump to the test files: a fresh
 * initdb plus migrations costs 7-10 s, loading the dump about 1.5 s per file.
 */
export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return buildPgliteTemplate(project);
}

/**
 * The template of a run: migrated, then given `fill` (the browser tests' setup loads the demo
 * data once here instead of once per test file).
 */
export async function buildPgliteTemplate(
  project: TestProject,
  fill?: (database: Database) => Promise<unknown>,
): Promise<() => Promise<void>> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'klynge-pglite-template-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  try {
    const templatePath = join(dir, 'template.tar');
    const database = await openDatabase({ dataDir: join(dir, 'pgdata') });
    try {
      await migrateDatabase(database);
      await fill?.(database);
      if (database.raw.driver !== 'pglite') throw new Error('expected a PGlite database');
      // Uncompressed: gzip would make every test file pay for decompression.
      const dump = await database.raw.client.dumpDataDir('none');
      await writeFile(templatePath, new Uint8Array(await dump.arrayBuffer()));
    } finally {
      await database.close();
    }
    // Only the dump is read by the tests.
    await rm(join(dir, 'pgdata'), { recursive: true, force: true });
    project.provide('pgliteTemplatePath', templatePath);
  } catch (error) {
    // Vitest runs no teardown for a setup that threw.
    await removeDir();
    throw error;
  }
  console.log(`[${project.name}] PGlite template built in ${Math.round(performance.now() - started)} ms`);
  return removeDir;
}
