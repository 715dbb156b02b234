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

/** One run of every retention rule (the scheduled job and `klynge retention` alike). */
export function runRetention(deps: RetentionDeps) {
  return applyRetention(deps.db, { now: deps.clock(), sessionIdleMinutes: deps.config.sessionIdleMinutes });
}
