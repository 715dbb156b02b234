import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { JobEnqueuer } from '../domain/jobs/kinds.ts';
import { createJobQueue } from '../jobs/queue.ts';
import { createLogger } from '../logger.ts';

/**
 * Runs a command's `work` with the job queue to hand mails to (the server's queue sends them),
 * and stops the queue afterwards. Logs go to stderr: stdout carries the command's summary.
 */
export async function withJobQueue<T>(
  database: Database,
  work: (jobs: JobEnqueuer) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const jobs = createJobQueue(database, createLogger(config, process.stderr), config.jobs);
  try {
    return await work(jobs);
  } finally {
    await jobs.stop();
  }
}
