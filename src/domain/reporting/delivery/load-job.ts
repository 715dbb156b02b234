import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Db } from '../../../db/client.ts';
import { deliveryLoadChunks, deliveryLoads } from '../../../db/schema/index.ts';
import type { Logger } from '../../../logger.ts';
import { loadCurrentUser } from '../../accounts/queries.ts';
import type { Caller } from '../../caller.ts';
import type { DeliveryJob } from './jobs.ts';
import type { DeliveryFile, Progress } from './load.ts';
import { type DeliveryRequest, submitDelivery } from './submit.ts';

/** How often a running load writes its progress for the progress page (any instance reads it). */
const PROGRESS_EVERY_MS = 500;

const jobData = z.object({ loadId: z.uuid() });

export interface LoadJobDeps {
  database: Database;
  logger: Logger;
  clock: () => Date;
  timings?: DeliveryRequest['timings'];
  onLoaded?: DeliveryRequest['onLoaded'];
}

type Claimed = Pick<DeliveryJob, 'id' | 'startedBy' | 'files' | 'totalBytes'> & { attempt: number };

/**
 * Takes the load for this run: a queued one, or one left running by a run whose process died
 * (its transaction rolled back with it, so nothing of it was written). A done or failed load is
 * left alone, so a job run twice loads its delivery once. Each run gets its own attempt number,
 * and only the latest may finish the load.
 */
async function claim(db: Db, loadId: string): Promise<Claimed | undefined> {
  const [row] = await db
    .update(deliveryLoads)
    .set({
      state: 'running',
      attempt: sql`${deliveryLoads.attempt} + 1`,
      phase: 'reading',
      file: null,
      bytesRead: 0,
    })
    .where(and(eq(deliveryLoads.id, loadId), sql`${deliveryLoads.state} in ('queued', 'running')`))
    .returning();
  return row
    ? {
        id: row.id,
        startedBy: row.startedBy,
        files: row.files as DeliveryJob['files'],
        totalBytes: row.totalBytes,
        attempt: row.attempt,
      }
    : undefined;
}

/** Writes the stored files of a load into `dir`, a piece at a time, as the files the import reads. */
async function restoreFiles(db: Db, load: Claimed, dir: string): Promise<DeliveryFile[]> {
  const files: DeliveryFile[] = [];
  for (const [index, file] of load.files.entries()) {
    const path = join(dir, `file-${index + 1}`);
    const out = createWriteStream(path);
    for (let seq = 0; ; seq++) {
      const [piece] = await db
        .select({ bytes: deliveryLoadChunks.bytes })
        .from(deliveryLoadChunks)
        .where(
          and(
            eq(deliveryLoadChunks.loadId, load.id),
            eq(deliveryLoadChunks.fileIndex, index),
            eq(deliveryLoadChunks.seq, seq),
          ),
        );
      if (!piece) break;
      if (!out.write(piece.bytes)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    files.push({ name: file.name, path, open: () => createReadStream(path) });
  }
  return files;
}

/**
 * The progress of a running load, kept in memory as the import reports it and written to its row
 * every PROGRESS_EVERY_MS (one write at a time, never awaited by the import: on PGlite it waits
 * for the load's transaction). `stop` waits for the last write.
 */
function progressRecorder(db: Db, load: Claimed) {
  const state = { phase: 'reading' as DeliveryJob['phase'], file: null as string | null, bytesRead: 0 };
  const sizes = load.files.map((f) => f.bytes);
  const before = (file: string) => {
    const i = load.files.findIndex((f) => f.name === file.split('#')[0]);
    return sizes.slice(0, Math.max(i, 0)).reduce((a, b) => a + b, 0);
  };
  let dirty = false;
  let writing: Promise<void> | undefined;
  const flush = () => {
    if (writing || !dirty) return;
    dirty = false;
    writing = db
      .update(deliveryLoads)
      .set({ ...state })
      .where(
        and(
          eq(deliveryLoads.id, load.id),
          eq(deliveryLoads.attempt, load.attempt),
          eq(deliveryLoads.state, 'running'),
        ),
      )
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        writing = undefined;
      });
  };
  const timer = setInterval(flush, PROGRESS_EVERY_MS);
  const progress: Progress = (e) => {
    dirty = true;
    if (e.phase === 'bytes') {
      state.file = e.file;
      state.bytesRead = Math.max(state.bytesRead, before(e.file) + e.bytes);
    } else {
      state.phase = e.phase;
      if (e.phase === 'reading') {
        state.file = e.file;
        state.bytesRead = Math.max(state.bytesRead, before(e.file));
      } else state.bytesRead = load.totalBytes;
    }
  };
  return {
    progress,
    async stop() {
      clearInterval(timer);
      await writing;
    },
  };
}

/** Raised in a load's transaction when a later run has taken the load over: this one rolls back. */
class Superseded extends Error {}

/** Ends the load as done with its delivery log entry, if this run still owns it; its files go. */
const FINISH_SQL = `
  with done as (
    update delivery_loads set state = 'done', delivery_id = $2, phase = 'writing', bytes_read = total_bytes,
                              finished_at = now()
    where id = $1 and attempt = $3 returning id
  ), removed as (
    delete from delivery_load_chunks where load_id in (select id from done)
  )
  select id from done`;

/** Ends the load of a rejected delivery as done with its log entry (if this run owns it); its files go. */
async function finishRejected(db: Db, load: Claimed, deliveryId: string) {
  await db.transaction(async (tx) => {
    const done = await tx
      .update(deliveryLoads)
      .set({ state: 'done', deliveryId, bytesRead: load.totalBytes, finishedAt: sql`now()` })
      .where(and(eq(deliveryLoads.id, load.id), eq(deliveryLoads.attempt, load.attempt)))
      .returning({ id: deliveryLoads.id });
    if (done.length > 0) await tx.delete(deliveryLoadChunks).where(eq(deliveryLoadChunks.loadId, load.id));
  });
}

/** The uploader as the load's caller: with their rights as they are now (a removed member may not load). */
async function uploaderCaller(db: Db, load: Claimed): Promise<Caller | undefined> {
  const user = await loadCurrentUser(db, load.startedBy);
  if (!user) return undefined;
  return {
    principal: user,
    actor: { userId: user.userId, label: user.email, requestId: `delivery-load:${load.id}` },
  };
}

/**
 * The `delivery-load` job: loads a queued delivery in one transaction, as its uploader, and marks
 * it done in that same transaction (a rejected one just after its log entry). A load that fails
 * is marked failed with its files kept; a run cut off by a restart is run again by the queue (its
 * worker's heartbeat stops) and starts from the stored files.
 */
export async function runDeliveryLoad(deps: LoadJobDeps, data: unknown): Promise<void> {
  const { database, logger } = deps;
  const db = database.db;
  const load = await claim(db, jobData.parse(data).loadId);
  if (!load) return;
  const owned = and(eq(deliveryLoads.id, load.id), eq(deliveryLoads.attempt, load.attempt));
  const fail = (error: string) =>
    db.update(deliveryLoads).set({ state: 'failed', error, finishedAt: sql`now()` }).where(owned);
  const caller = await uploaderCaller(db, load);
  if (!caller) return void (await fail('the uploader has no active account'));
  const dir = await mkdtemp(join(tmpdir(), 'klynge-load-'));
  const recorder = progressRecorder(db, load);
  try {
    const files = await restoreFiles(db, load, dir);
    const outcome = await submitDelivery(database, caller, {
      channel: 'web',
      files,
      now: deps.clock,
      progress: recorder.progress,
      timings: deps.timings,
      onLoaded: deps.onLoaded,
      onLogged: async (session, deliveryId) => {
        // Not finished: a later run owns the load, and this one's delivery must not be written.
        const finished = await session.query(FINISH_SQL, [load.id, deliveryId, load.attempt]);
        if (finished.length === 0) throw new Superseded();
      },
    });
    await recorder.stop();
    // A rejected delivery wrote nothing but its log entry; the load ends with it.
    if (!outcome.ok) await finishRejected(db, load, outcome.deliveryId);
  } catch (err) {
    await recorder.stop();
    if (err instanceof Superseded) return;
    logger.error({ err, load: load.id }, 'queued delivery load failed; its files are kept');
    await fail(err instanceof Error ? err.message : String(err));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
