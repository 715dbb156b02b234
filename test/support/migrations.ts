import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { inject } from 'vitest';
import { type Database, migrationsFolder, openDatabase } from '../../src/db/client.ts';
import { dropDatabase, testDriver } from './database.ts';
import { databaseUrlFor, quoteIdentifier, withServer } from './postgres-server.ts';
import './provided-context.ts';

/** An empty database of the run's driver (no migrations), for tests of a migration itself. */
export async function createEmptyTestDatabase(): Promise<Database> {
  if (testDriver() === 'pglite') return openDatabase({});
  const template = inject('postgresTemplate');
  if (!template) throw new Error('no PostgreSQL server: add global-setup-postgres.ts to the project');
  const name = `${template.databasePrefix}${randomBytes(6).toString('hex')}`;
  await withServer(template.databaseUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdentifier(name)}`),
  );
  const database = await openDatabase({
    databaseUrl: databaseUrlFor(template.databaseUrl, name),
    poolSize: 2,
  });
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropDatabase(template.databaseUrl, name);
    },
  };
}

/**
 * Applies the repository's migrations up to and including `lastTag` (e.g. '0028_import_sort_memory'),
 * as on a server deployed at that version; migrateDatabase then applies the rest.
 */
export async function migrateUpTo(database: Database, lastTag: string): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'klynge-migrations-'));
  try {
    const journal = JSON.parse(await readFile(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    const last = journal.entries.findIndex((e) => e.tag === lastTag);
    if (last < 0) throw new Error(`no migration ${lastTag}`);
    const entries = journal.entries.slice(0, last + 1);
    for (const e of entries) await cp(join(migrationsFolder, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
    await cp(join(migrationsFolder, 'meta'), join(folder, 'meta'), { recursive: true });
    await writeFile(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    if (database.raw.driver === 'pglite')
      await migratePglite(database.db as never, { migrationsFolder: folder });
    else await migratePg(drizzlePg(database.raw.pool), { migrationsFolder: folder });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
