import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { applyRetention } from '../domain/personal-data/retention.ts';
import type { Logger } from '../logger.ts';

interface RetentionDeps {
  config: Pick<Config, 'sessionIdleMinutes'>;
  db: Db;
  logger: Logger;
  clock: () => Date;
}

/** How often the server removes personal data past its retention period, and how soon after start. */
const EVERY_MS = 24 * 60 * 60_000;
const FIRST_AFTER_MS = 60_000;

/** One run of every retention rule (the server's timer and `klynge retention` alike). */
export function runRetention(deps: RetentionDeps) {
  return applyRetention(deps.db, { now: deps.clock(), sessionIdleMinutes: deps.config.sessionIdleMinutes });
}

/**
 * Runs the retention rules in the server: a minute after start, then daily. Errors are logged,
 * never thrown; the timer does not keep the process alive. Returns the function that stops it.
 */
export function startRetentionTimer(deps: RetentionDeps): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      deps.logger.info(
        { retention: await runRetention(deps) },
        'personal data past its retention period removed',
      );
    } catch (err) {
      deps.logger.error({ err }, 'retention run failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), FIRST_AFTER_MS).unref();
  const daily = setInterval(() => void run(), EVERY_MS).unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
