import { setTimeout as sleep } from 'node:timers/promises';
import { type SQL, sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss, type Db as QueueDb } from 'pg-boss';
import type { Config } from '../config.ts';
import { type Database, queryRows } from '../db/client.ts';
import {
  JOB_KINDS,
  type JobEnqueuer,
  type JobKind,
  type JobRetrier,
  SCHEDULED_JOB_KINDS,
} from '../domain/jobs/kinds.ts';
import type { Logger } from '../logger.ts';
import { SCHEDULE_TIME_ZONE, SCHEDULED_JOBS } from './schedules.ts';

/** Runs one job; throwing fails this attempt, and the queue tries again later (with backoff). */
export type JobHandler = (data: unknown) => Promise<void>;

/**
 * A durable job queue in the database (pg-boss): a job enqueued survives a restart, runs once
 * across every instance (SKIP LOCKED), is retried with doubling waits and ends failed with its
 * error when it keeps failing. Each instance works the kinds it has handlers for.
 */
export interface JobQueue extends JobEnqueuer, JobRetrier {
  /** The code that runs jobs of `kind` in this process; register before `start`. */
  handle(kind: JobKind, handler: JobHandler): void;
  /** Starts (once) the queue and this process's workers; `enqueue` starts it too. */
  start(): Promise<void>;
  /**
   * Resolves once no job is queued, retrying or running (tests, `klynge` commands). Only
   * meaningful where this process works every kind.
   */
  idle(): Promise<void>;
  /** Takes no new job, waits for the running ones (up to `timeoutMs`), then stops. */
  stop(timeoutMs?: number): Promise<void>;
}

/** pg-boss's connection: PGlite's own adapter, or our pool (the pg driver pg-boss itself uses). */
function queueDbOf(database: Database): QueueDb {
  const raw = database.raw;
  if (raw.driver === 'pglite') return fromPglite(raw.client);
  return { executeSql: (text, values) => raw.pool.query(text, values) };
}

const IDLE_CHECK_MS = 25;
/**
 * Kinds whose jobs may run long (a delivery load of a gigabyte takes many minutes): their worker
 * beats every few seconds instead of a fixed time limit, and a job whose beat stops (its process
 * died) is retried once the queue's supervisor sees it (JOB_SUPERVISE_SECONDS).
 */
const LONG_RUNNING: Partial<Record<JobKind, { heartbeatSeconds: number; expireInSeconds: number }>> = {
  'delivery-load': { heartbeatSeconds: 10, expireInSeconds: 6 * 3600 },
};
/** Done jobs are kept this long for the admin page's counts, failed ones as long. */
const KEEP_SECONDS = 7 * 24 * 3600;

export function createJobQueue(
  database: Database,
  logger: Logger,
  settings: Config['jobs'],
  hooks: { attemptFailed?: (kind: JobKind) => void } = {},
): JobQueue {
  const handlers = new Map<JobKind, JobHandler>();
  const workers = new Map<JobKind, string>();
  let started: Promise<PgBoss> | undefined;
  let stopping = false;

  const queueOptions = {
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    deleteAfterSeconds: KEEP_SECONDS,
    // A job that has run this long is taken as lost (its process died) and retried.
    expireInSeconds: 15 * 60,
  };

  const work = async (boss: PgBoss, kind: JobKind, handler: JobHandler) => {
    const id = await boss.work<Record<string, unknown>>(
      kind,
      { pollingIntervalSeconds: settings.pollSeconds, batchSize: 1 },
      async ([job]) => {
        if (!job) return;
        try {
          await handler(job.data);
        } catch (err) {
          logger.warn({ err, kind, job: job.id }, 'job failed; the queue retries it or marks it failed');
          hooks.attemptFailed?.(kind);
          throw err;
        }
      },
    );
    workers.set(kind, id);
  };

  /**
   * Starts pg-boss. Two instances starting together on a fresh database both create its schema,
   * and the one that loses that race gets a unique violation: it tries again once the schema is there.
   */
  const startBoss = async (): Promise<PgBoss> => {
    for (let attempt = 1; ; attempt++) {
      const boss = new PgBoss({
        db: queueDbOf(database),
        backend: database.driver === 'pglite' ? 'pglite' : 'postgres',
        schema: 'pgboss',
        // This instance's share of the clock that queues scheduled jobs: pg-boss lets one instance
        // at a time queue each occurrence, so every instance may run it.
        schedule: settings.clock,
        superviseIntervalSeconds: settings.superviseSeconds,
        monitorIntervalSeconds: settings.superviseSeconds,
      });
      boss.on('error', (err) => logger.error({ err }, 'job queue error'));
      try {
        await boss.start();
        return boss;
      } catch (err) {
        const raced = (err as { code?: unknown }).code === '23505';
        if (!raced || attempt >= 3) throw err;
        logger.info({ attempt }, 'another instance is creating the job queue schema; starting again');
        await boss.stop({ graceful: false }).catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  };

  const begin = async (): Promise<PgBoss> => {
    const boss = await startBoss();
    for (const kind of JOB_KINDS) {
      const options = { ...queueOptions, ...LONG_RUNNING[kind] };
      await boss.createQueue(kind, options);
      await boss.updateQueue(kind, options);
      const handler = handlers.get(kind);
      if (handler) await work(boss, kind, handler);
    }
    // One schedule per kind, written (or rewritten, when a cron changed) by every instance at start.
    for (const kind of SCHEDULED_JOB_KINDS)
      await boss.schedule(kind, SCHEDULED_JOBS[kind].cron, {}, { tz: SCHEDULE_TIME_ZONE });
    return boss;
  };

  const boss = () => {
    if (stopping) throw new Error('the job queue is stopping');
    started ??= begin();
    return started;
  };

  return {
    handle(kind, handler) {
      if (started) throw new Error(`register the ${kind} job handler before the queue starts`);
      handlers.set(kind, handler);
    },
    async start() {
      await boss();
    },
    async enqueue(kind, data) {
      const queue = await boss();
      const id = await queue.send(kind, data);
      if (!id) throw new Error(`the ${kind} job was not queued`);
      // This process's worker looks at once instead of at its next poll.
      const worker = workers.get(kind);
      if (worker) queue.notifyWorker(worker);
      return id;
    },
    async retry(tx, kind, id) {
      const queue = await boss();
      // In the caller's transaction, so the retry and its audit entry commit together.
      const inTx = {
        execute: async (q: unknown) => (await tx.execute(q as SQL)) as unknown as { rows: unknown[] },
      };
      const result = (await queue.retry(kind, id, { db: fromDrizzle(inTx, sql) })) as { affected?: number };
      if (!result.affected) return false;
      const worker = workers.get(kind);
      if (worker) setImmediate(() => queue.notifyWorker(worker));
      return true;
    },
    async idle() {
      if (!started) return;
      await started;
      for (;;) {
        const [row] = await queryRows<{ pending: number }>(
          database.db,
          sql`select count(*)::int as pending from pgboss.job
              where state in ('created', 'retry', 'active')`,
        );
        if ((row?.pending ?? 0) === 0) return;
        await sleep(IDLE_CHECK_MS);
      }
    },
    async stop(timeoutMs = 30_000) {
      if (!started || stopping) return;
      stopping = true;
      const queue = await started;
      await queue.stop({ graceful: true, close: false, timeout: timeoutMs });
    },
  };
}
