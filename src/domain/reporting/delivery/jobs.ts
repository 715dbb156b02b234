import { createReadStream } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { withActor } from '../../../db/actor.ts';
import type { Database, Db, Tx } from '../../../db/client.ts';
import { deliveryLoadChunks, deliveryLoads } from '../../../db/schema/index.ts';
import type { Caller } from '../../caller.ts';
import { forbidden } from '../../errors.ts';
import { isUuid } from '../../ids.ts';
import type { JobEnqueuer } from '../../jobs/kinds.ts';
import { deliveryRights } from '../policy.ts';

/** What a delivery loaded by the job queue is doing, for its progress page (from the database). */
export interface DeliveryJob {
  id: string;
  /** Who started it (the principal's id): only they see its progress. */
  startedBy: string;
  files: { name: string; bytes: number }[];
  totalBytes: number;
  state: 'queued' | 'running' | 'done' | 'failed';
  phase: 'reading' | 'checking' | 'writing';
  /** The file being read and how far: bytes of the files before it plus this one's bytes read. */
  file: string | null;
  bytesRead: number;
  /** The delivery log entry, once the delivery is loaded or rejected. */
  deliveryId: string | null;
  finishedAt: Date | null;
}

/** An uploaded file waiting on disk (the request's temporary directory) to be stored with its load. */
export interface UploadedDeliveryFile {
  name: string;
  path: string;
  bytes: number;
}

/** The size of the pieces a file is stored in: large enough for few rows, small enough for memory. */
export const CHUNK_BYTES = 1024 * 1024;

/** Stores a file's bytes as numbered pieces of its load, read from disk a piece at a time. */
async function storeFile(tx: Tx, loadId: string, index: number, path: string) {
  let seq = 0;
  for await (const piece of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    await tx
      .insert(deliveryLoadChunks)
      .values({ loadId, fileIndex: index, seq: seq++, bytes: piece as Buffer });
  }
}

const toJob = (row: typeof deliveryLoads.$inferSelect): DeliveryJob => ({
  id: row.id,
  startedBy: row.startedBy,
  files: row.files as DeliveryJob['files'],
  totalBytes: row.totalBytes,
  state: row.state,
  phase: row.phase,
  file: row.file,
  bytesRead: row.bytesRead,
  deliveryId: row.deliveryId,
  finishedAt: row.finishedAt,
});

/**
 * Queues the loading of a delivery uploaded by a person: its files are stored in the database with
 * the load (so any instance can load them, and a restart loses nothing), then a `delivery-load` job
 * runs it (load-job.ts) with the uploader's rights as they are then. Refused at once when the
 * caller may not deliver, before anything is stored. A large file thus does not hold a request
 * open for minutes behind a proxy's time-out, and the uploader sees how far it has come.
 */
export async function queueDeliveryLoad(
  database: Database,
  queue: JobEnqueuer,
  caller: Caller,
  files: UploadedDeliveryFile[],
): Promise<DeliveryJob> {
  deliveryRights(caller.principal);
  // The job acts as the uploader again, so only a person's upload can be queued (not a token's).
  if (!isUuid(caller.principal.userId)) throw forbidden('queue a delivery');
  const row = await withActor(database.db, caller.actor, async (tx) => {
    const [load] = await tx
      .insert(deliveryLoads)
      .values({
        startedBy: caller.principal.userId,
        files: files.map((f) => ({ name: f.name, bytes: f.bytes })),
        totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
      })
      .returning();
    if (!load) throw new Error('the delivery load was not stored');
    for (const [index, f] of files.entries()) await storeFile(tx, load.id, index, f.path);
    return load;
  });
  try {
    await queue.enqueue('delivery-load', { loadId: row.id });
  } catch (err) {
    await database.db
      .update(deliveryLoads)
      .set({ state: 'failed', error: `not queued: ${String(err)}`, finishedAt: sql`now()` })
      .where(eq(deliveryLoads.id, row.id));
    throw err;
  }
  return toJob(row);
}

/** The caller's own delivery load, as it stands in the database; another's is as unknown as none. */
export async function deliveryLoadOf(db: Db, caller: Caller, id: string): Promise<DeliveryJob | undefined> {
  if (!isUuid(id) || !isUuid(caller.principal.userId)) return undefined;
  const [row] = await db
    .select()
    .from(deliveryLoads)
    .where(and(eq(deliveryLoads.id, id), eq(deliveryLoads.startedBy, caller.principal.userId)));
  return row ? toJob(row) : undefined;
}
