import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Actor } from '../db/actor.ts';
import type { Database } from '../db/client.ts';

/**
 * A transaction on the raw driver for bulk work: COPY into staging tables and set-based SQL.
 * Drizzle has no COPY, and one INSERT per row is far too slow for a million rows.
 */
export interface BulkSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters. */
  exec(text: string): Promise<void>;
  /** Loads rows already in COPY text format (tab-separated, \N for null, one row per line). */
  copyIn(table: string, columns: readonly string[], text: string): Promise<void>;
  /** Runs one statement and returns the number of rows it inserted, updated or deleted. */
  execCount(text: string, params?: unknown[]): Promise<number>;
  /**
   * Streams bytes into a `COPY ... FROM STDIN` statement and returns the rows copied. Only on
   * PostgreSQL: PGlite takes COPY input as one blob in memory, so it has no streaming COPY and
   * callers use their row-by-row path there.
   */
  copyStream?: (copySql: string, source: AsyncIterable<Buffer | Uint8Array>) => Promise<number>;
}

/** Ends the transaction without committing; the caller gets `value` back. */
export class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

const actorSql =
  "select set_config('klynge.actor', $1, true), set_config('klynge.actor_id', $2, true), set_config('klynge.request_id', $3, true)";
const actorParams = (a: Actor) => [a.label, a.userId ?? '', a.requestId ?? ''];

/** Runs `work` in one transaction with the audit actor set; a thrown Rollback returns its value. */
export async function withBulkSession<T>(
  database: Database,
  actor: Actor,
  work: (s: BulkSession) => Promise<T>,
): Promise<T> {
  try {
    return database.raw.driver === 'pglite'
      ? await pgliteSession(database.raw.client, actor, work)
      : await pgSession(database.raw.pool, actor, work);
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw err;
  }
}

async function pgliteSession<T>(
  client: Extract<Database['raw'], { driver: 'pglite' }>['client'],
  actor: Actor,
  work: (s: BulkSession) => Promise<T>,
): Promise<T> {
  return client.transaction(async (tx) => {
    await tx.query(actorSql, actorParams(actor));
    return work({
      query: async (text, params) => (await tx.query(text, params as never[])).rows as never,
      exec: async (text) => {
        await tx.exec(text);
      },
      copyIn: async (table, columns, text) => {
        await tx.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
          blob: new Blob([text]),
        });
      },
      execCount: async (text, params) => (await tx.query(text, params as never[])).affectedRows ?? 0,
    });
  });
}

async function pgSession<T>(
  pool: Extract<Database['raw'], { driver: 'postgres' }>['pool'],
  actor: Actor,
  work: (s: BulkSession) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(actorSql, actorParams(actor));
    const result = await work({
      query: async (text, params) => (await client.query(text, params as unknown[])).rows,
      exec: async (text) => {
        await client.query(text);
      },
      copyIn: async (table, columns, text) => {
        const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
        await pipeline(Readable.from([text]), stream);
      },
      execCount: async (text, params) => (await client.query(text, params as unknown[])).rowCount ?? 0,
      copyStream: async (copySql, source) => {
        const stream = client.query(copyFrom(copySql));
        await pipeline(Readable.from(source, { objectMode: false }), stream);
        return stream.rowCount;
      },
    });
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** One value in COPY text format. */
export function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
