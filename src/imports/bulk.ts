import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
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
  /**
   * Streams a file, from byte `from` to its end, into a `COPY ... FROM STDIN` statement and returns
   * the rows copied; `observe` sees each chunk first. Only on PostgreSQL. Unlike `copyStream`, the
   * bytes go through a few read buffers that are reused once the socket has sent them, so memory
   * does not grow with the file: a stream allocates a new buffer per chunk, and the spent ones
   * wait for a garbage collection that a COPY (which allocates next to nothing on the JS heap)
   * hardly triggers; tens of MB of them piled up for a million-row file.
   */
  copyFile?: (
    copySql: string,
    path: string,
    from: number,
    observe: (chunk: Buffer) => void,
  ) => Promise<number>;
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
      copyFile: (copySql, path, from, observe) =>
        copyFileIn(client.query(copyFrom(copySql)), path, from, observe),
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

const READ_BUFFERS = 8;
const READ_SIZE = 64 * 1024;

type CopyStream = ReturnType<typeof copyFrom>;

/** See BulkSession.copyFile. */
async function copyFileIn(
  stream: CopyStream,
  path: string,
  from: number,
  observe: (chunk: Buffer) => void,
): Promise<number> {
  const free: Buffer[] = Array.from({ length: READ_BUFFERS }, () => Buffer.allocUnsafeSlow(READ_SIZE));
  const owners = new Map<ArrayBufferLike, Buffer>(free.map((b) => [b.buffer, b]));
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const release = (chunk: Buffer) => {
    const owner = owners.get(chunk.buffer);
    if (owner) free.push(owner);
    wake?.();
  };
  // pg-copy-streams writes each chunk to the socket without a callback; with one, a buffer goes
  // back to the pool only once the socket is done with it.
  const internals = stream as unknown as {
    flushChunk(chunk: Buffer): boolean;
    connection: { stream: NodeJS.WritableStream };
  };
  internals.flushChunk = (chunk: Buffer) => {
    const socket = internals.connection.stream;
    const length = Buffer.from([0x64, 0, 0, 0, 0]); // CopyData
    length.writeUInt32BE(chunk.length + 4, 1);
    socket.write(length);
    return socket.write(chunk, () => release(chunk));
  };
  const done = finished(stream);
  done.catch((err) => {
    failure = err ?? new Error('COPY failed');
    wake?.();
  });
  const handle = await open(path, 'r');
  try {
    let position = from;
    for (;;) {
      while (free.length === 0 && !failure) await new Promise<void>((r) => (wake = r));
      wake = null;
      if (failure) throw failure;
      const buffer = free.pop() as Buffer;
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const chunk = buffer.subarray(0, bytesRead);
      observe(chunk);
      stream.write(chunk);
    }
    stream.end();
    await done;
    return stream.rowCount;
  } catch (err) {
    if (!stream.destroyed) stream.destroy(err as Error);
    await done.catch(() => undefined);
    throw err;
  } finally {
    await handle.close();
  }
}

/** One value in COPY text format. */
export function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
