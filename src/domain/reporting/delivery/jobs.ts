import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/client.ts';
import type { Logger } from '../../../logger.ts';
import type { Caller } from '../../caller.ts';
import { deliveryRights } from '../policy.ts';
import type { Timings } from './load.ts';
import { type DeliveryRequest, submitDelivery } from './submit.ts';

/** What a delivery loaded in the background is doing, for its progress page. */
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

export type JobRequest = Omit<DeliveryRequest, 'progress' | 'timings'>;

export interface DeliveryJobs {
  /**
   * Starts loading the caller's delivery in the background and returns at once; refused at once
   * (after `cleanup`) when the caller may not deliver. `cleanup` runs when the job has ended,
   * whatever the outcome (e.g. removing the uploaded files).
   */
  start(caller: Caller, req: JobRequest, sizes: number[], cleanup: () => Promise<void>): Promise<DeliveryJob>;
  /** The caller's own job; another's is as unknown as one that never was. */
  get(caller: Caller, id: string): DeliveryJob | undefined;
  /** Resolves when no delivery is queued or loading (tests; shutting down). */
  idle(): Promise<void>;
}

/** At most this many deliveries load at a time; more wait their turn. */
const CONCURRENT = 2;
/** An ended job's progress page answers (and redirects to its result) this long. */
const KEEP_MS = 60 * 60 * 1000;

/**
 * Deliveries uploaded through the web are loaded in the background, so a large file does not hold
 * a request open for minutes behind a proxy's time-out, and the uploader sees how far it has come.
 * The jobs live in this process's memory: a restart loses a loading job's progress page (and its
 * transaction rolls back, so nothing of it is written), never its data.
 */
export function createDeliveryJobs(
  database: Database,
  logger: Logger,
  opts: { timings?: Timings | undefined } = {},
): DeliveryJobs {
  const jobs = new Map<string, DeliveryJob>();
  const waiting: (() => void)[] = [];
  let running = 0;
  let idleWaiters: (() => void)[] = [];

  const forget = () => {
    const cutoff = Date.now() - KEEP_MS;
    for (const [id, job] of jobs) if (job.finishedAt && job.finishedAt.getTime() < cutoff) jobs.delete(id);
  };
  /** Takes a slot at once if one is free, else waits for one handed over by `release`. */
  const turn = (job: DeliveryJob): Promise<void> | undefined => {
    if (running < CONCURRENT) {
      running++;
      job.state = 'running';
      return undefined;
    }
    return new Promise<void>((resolve) =>
      waiting.push(() => {
        job.state = 'running';
        resolve();
      }),
    );
  };
  const release = () => {
    const next = waiting.shift();
    if (next) return next();
    running--;
    if (running === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };

  const run = async (
    job: DeliveryJob,
    caller: Caller,
    req: JobRequest,
    sizes: number[],
    cleanup: () => Promise<void>,
  ) => {
    const before = (file: string) => {
      const i = req.files.findIndex((f) => f.name === file.split('#')[0]);
      return sizes.slice(0, Math.max(i, 0)).reduce((a, b) => a + b, 0);
    };
    await turn(job);
    try {
      const outcome = await submitDelivery(database, caller, {
        ...req,
        timings: opts.timings,
        progress: (e) => {
          if (e.phase === 'bytes') {
            job.file = e.file;
            job.bytesRead = Math.max(job.bytesRead, before(e.file) + e.bytes);
          } else {
            job.phase = e.phase;
            if (e.phase === 'reading') {
              job.file = e.file;
              job.bytesRead = Math.max(job.bytesRead, before(e.file));
            } else job.bytesRead = job.totalBytes;
          }
        },
      });
      job.deliveryId = outcome.deliveryId;
      job.state = 'done';
    } catch (err) {
      logger.error({ err, job: job.id }, 'background delivery failed');
      job.state = 'failed';
    } finally {
      await cleanup().catch((err) => logger.warn({ err, job: job.id }, 'could not remove uploaded files'));
      job.finishedAt = new Date();
      release();
    }
  };

  return {
    async start(caller, req, sizes, cleanup) {
      try {
        deliveryRights(caller.principal);
      } catch (err) {
        await cleanup();
        throw err;
      }
      forget();
      const job: DeliveryJob = {
        id: randomUUID(),
        startedBy: caller.principal.userId,
        files: req.files.map((f, i) => ({ name: f.name, bytes: sizes[i] ?? 0 })),
        totalBytes: sizes.reduce((a, b) => a + b, 0),
        state: 'queued',
        phase: 'reading',
        file: null,
        bytesRead: 0,
        deliveryId: null,
        finishedAt: null,
      };
      jobs.set(job.id, job);
      void run(job, caller, req, sizes, cleanup);
      return job;
    },
    get: (caller, id) => {
      const job = jobs.get(id);
      return job?.startedBy === caller.principal.userId ? job : undefined;
    },
    idle: () =>
      running === 0 && waiting.length === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => idleWaiters.push(resolve)),
  };
}
