import { randomBytes } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { inject } from 'vitest';
import { type Database, type Driver, openDatabase } from '../../src/db/client.ts';
import { databaseUrlFor, quoteIdentifier, withServer } from './postgres-server.ts';
import './provided-context.ts';

/**
 * Which database this vitest project runs the integration tests on. The same *.int.test.ts files
 * run once per driver, so a test that needs to know asks here instead of reading the environment.
 */
export function testDriver(): Driver {
  const driver = process.env.KLYNGE_TEST_DB;
  if (driver === 'pglite' || driver === 'postgres') return driver;
  throw new Error(
    `KLYNGE_TEST_DB is ${driver ?? 'not set'}: run integration tests through the pglite or postgres vitest project`,
  );
}

/**
 * A migrated database of its own for the calling test file, cloned from the run's template, so
 * files can run in parallel without seeing each other's rows. Create it in `beforeAll` and close it
 * in `afterAll`; on PostgreSQL `close()` also drops the database.
 */
export async function createTestDatabase(): Promise<Database> {
  return testDriver() === 'pglite' ? clonePgliteTemplate() : clonePostgresTemplate();
}

async function clonePgliteTemplate(): Promise<Database> {
  const templatePath = inject('pgliteTemplatePath');
  if (!templatePath) throw new Error('no PGlite template: add global-setup-pglite.ts to the project');
  // A file-backed blob: reading the 40 MB dump into a Buffer first costs ~0.4 s per database.
  const database = await openDatabase({ loadDataDir: await openAsBlob(templatePath) });
  return { ...database, close: closeOnce(database.close) };
}

async function clonePostgresTemplate(): Promise<Database> {
  const template = inject('postgresTemplate');
  if (!template) throw new Error('no PostgreSQL template: add global-setup-postgres.ts to the project');
  const name = `${template.databasePrefix}${randomBytes(6).toString('hex')}`;
  await withServer(template.databaseUrl, (client) =>
    client.query(
      `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template.templateName)}`,
    ),
  );
  const database = await openDatabase({
    databaseUrl: databaseUrlFor(template.databaseUrl, name),
    poolSize: 5,
  });
  return {
    ...database,
    close: closeOnce(async () => {
      await database.close();
      await dropDatabase(template.databaseUrl, name);
    }),
  };
}

/**
 * Drops a test database. An autovacuum worker (owned by the superuser, which the test role may
 * not signal) can hold it for a moment: retry briefly, then leave it to the run's teardown sweep
 * rather than fail a test that passed.
 */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withServer(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
      );
      return;
    } catch (err) {
      if (attempt >= 10) {
        process.stderr.write(
          `test database ${name} not dropped (${(err as Error).message}); the teardown sweep drops it\n`,
        );
        return;
      }
      await new Promise((r) => setTimeout(r, 300 * attempt));
    }
  }
}

/** Lets a test close its database early while `afterAll` still closes it unconditionally. */
function closeOnce(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}
