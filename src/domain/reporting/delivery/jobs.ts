import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/client.ts';
import type { Logger } from '../../../logger.ts';
import type { Caller } from '../../caller.ts';
import { deliveryRights } from '../policy.ts';
import type { Progress, Timings } from './load.ts';
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
 * Turns to load: at most CONCURRENT at a time, the rest in the order they came. `take` calls
 * `onTurn` at once when a turn is free (and returns nothing to wait for), else when one is handed
 * over by `release`.
 */
class LoadingTurns {
  private running = 0;
  private waiting: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];

  take(onTurn: () => void): Promise<void> | undefined {
    if (this.running < CONCURRENT) {
      this.running++;
      onTurn();
      return undefined;
    }
    return new Promise<void>((resolve) =>
      this.waiting.push(() => {
        onTurn();
        resolve();
      }),
    );
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) {
      next();
      return;
    }
    this.running--;
    if (this.running === 0) {
      for (const resolve of this.idleWaiters) resolve();
      this.idleWaiters = [];
    }
  }

  idle(): Promise<void> {
    return this.running === 0 && this.waiting.length === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }
}

/**
 * The progress of a loading delivery, kept on its job: the phase, the file being read and the
 * bytes read of all files (those before it whole, this one as far as it has come).
 */
function progressOf(job: DeliveryJob, files: { name: string }[], sizes: number[]): Progress {
  const before = (file: string) => {
    const i = files.findIndex((f) => f.name === file.split('#')[0]);
    return sizes.slice(0, Math.max(i, 0)).reduce((a, b) => a + b, 0);
  };
  return (e) => {
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
  };
}

const newJob = (caller: Caller, req: JobRequest, sizes: number[]): DeliveryJob => ({
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
});

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
  const turns = new LoadingTurns();

  const forget = () => {
    const cutoff = Date.now() - KEEP_MS;
    for (const [id, job] of jobs) if (job.finishedAt && job.finishedAt.getTime() < cutoff) jobs.delete(id);
  };

  const run = async (
    job: DeliveryJob,
    caller: Caller,
    req: JobRequest,
    sizes: number[],
    cleanup: () => Promise<void>,
  ) => {
    await turns.take(() => {
      job.state = 'running';
    });
    try {
      const progress = progressOf(job, req.files, sizes);
      const outcome = await submitDelivery(database, caller, { ...req, timings: opts.timings, progress });
      job.deliveryId = outcome.deliveryId;
      job.state = 'done';
    } catch (err) {
      logger.error({ err, job: job.id }, 'background delivery failed');
      job.state = 'failed';
    } finally {
      await cleanup().catch((err) => logger.warn({ err, job: job.id }, 'could not remove uploaded files'));
      job.finishedAt = new Date();
      turns.release();
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
      const job = newJob(caller, req, sizes);
      jobs.set(job.id, job);
      void run(job, caller, req, sizes, cleanup);
      return job;
    },
    get: (caller, id) => {
      const job = jobs.get(id);
      return job?.startedBy === caller.principal.userId ? job : undefined;
    },
    idle: () => turns.idle(),
  };
}
