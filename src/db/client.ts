import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The one database type the domain sees, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export type Driver = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  driver: Driver;
  /** Where the data lives, for logs: a directory or a URL without its password. */
  location: string;
  close(): Promise<void>;
  /** The raw client, for bulk paths (COPY) that Drizzle does not cover. */
  raw: { driver: 'pglite'; client: PGlite } | { driver: 'postgres'; pool: pg.Pool };
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export const pgliteExtensions = { pg_trgm };

// Dates stay strings ('YYYY-MM-DD') on both drivers, so a date never shifts with the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => (v === null ? null : Number(v)));

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** PGlite only: start from a dump of a data directory (test templates). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it. Queries report their own errors.
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const url = new URL(opts.databaseUrl);
    url.password = '';
    return {
      db,
      driver: 'postgres',
      location: url.toString(),
      raw: { driver: 'postgres', pool },
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  let location = 'memory';
  if (opts.loadDataDir) {
    client = await PGlite.create({ loadDataDir: opts.loadDataDir, extensions: pgliteExtensions });
  } else if (opts.dataDir) {
    location = resolve(opts.dataDir);
    await mkdir(location, { recursive: true });
    client = await PGlite.create(location, { extensions: pgliteExtensions });
  } else {
    client = await PGlite.create({ extensions: pgliteExtensions });
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, driver: 'pglite', location, raw: { driver: 'pglite', client }, close: () => client.close() };
}

/** Runs the SQL migrations in src/db/migrations; the same files on PGlite and PostgreSQL. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.raw.driver === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  // Several processes may start at once (app instances, test workers): serialise migrations.
  const client = await database.raw.pool.connect();
  try {
    await client.query('select pg_advisory_lock(724001)');
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock(724001)').catch(() => undefined);
    client.release();
  }
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Rows of a raw SQL query, typed by the caller; both drivers return `{ rows }`. */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
