/**
 * The benchmarks' database: a fresh database of its own on the PostgreSQL server of
 * DATABASE_URL, dropped at the end, or an in-memory PGlite without it.
 */
import type pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.ts';
import { databaseUrlFor, quoteIdentifier, withServer } from '../test/support/postgres-server.ts';

export interface BenchDatabase {
  database: Database;
  description: string;
  drop(): Promise<void>;
}

/** A fresh, empty database: its own database on the PostgreSQL server, or PGlite. */
export async function benchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  if (!serverUrl) {
    const database = await openDatabase({});
    return { database, description: 'PGlite (embedded, in memory)', drop: () => database.close() };
  }
  const name = `klynge_bench_${process.pid}`;
  await withServer(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  });
  const database = await openDatabase({ databaseUrl: databaseUrlFor(serverUrl, name), poolSize: 10 });
  const version = await withServer(serverUrl, (c: pg.Client) =>
    c.query<{ v: string }>(`select current_setting('server_version') as v`),
  );
  const host = new URL(serverUrl);
  return {
    database,
    description: `PostgreSQL ${version.rows[0]?.v ?? '?'} at ${host.hostname}:${host.port} (database ${name}, dropped afterwards)`,
    drop: async () => {
      await database.close();
      await withServer(serverUrl, (c) =>
        c.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}
