import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import { createSecretBox, type SecretBox } from './domain/accounts/secret-box.ts';
import { countJobs } from './domain/jobs/overview.ts';
import { createRelyingParty, type RelyingParty } from './identity/relying-party.ts';
import { registerJobHandlers } from './jobs/handlers.ts';
import { createJobQueue, type JobQueue } from './jobs/queue.ts';
import type { Logger } from './logger.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createRateLimiters, type RateLimiters } from './rate-limits.ts';

/** Everything the app needs from outside, passed down explicitly; tests build their own. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  logger: Logger;
  mailer: Mailer;
  /** The durable job queue in the database: mail sent after the response, survey sends, web delivery loads. */
  jobs: JobQueue;
  clock: () => Date;
  /** Request durations and loaded rows for Prometheus (served on METRICS_PORT when set). */
  metrics: Metrics;
  /** The OpenID Connect identity providers (MitID Erhverv through NemLog-in, staff providers). */
  identityProviders: RelyingParty;
  /** Login and API-delivery limits are counted in the database, shared by every instance. */
  limiters: RateLimiters;
  /** Seals the TOTP secrets at rest. */
  secrets: SecretBox;
}

export function createDeps(
  config: Config,
  database: Database,
  logger: Logger,
  overrides: Partial<Pick<Deps, 'mailer' | 'clock'>> = {},
): Deps {
  const clock = overrides.clock ?? (() => new Date());
  const metrics = createMetrics();
  metrics.countJobsFrom(() => countJobs(database.db));
  const deps: Deps = {
    config,
    database,
    db: database.db,
    logger,
    mailer: overrides.mailer ?? createMailer(config, logger),
    jobs: createJobQueue(database, logger, config.jobs, {
      attemptFailed: (kind) => metrics.jobFailures.inc({ kind }),
    }),
    clock,
    metrics,
    // Production refuses http issuers (src/config.ts); development and tests run providers locally.
    identityProviders: createRelyingParty(config.oidcProviders, {
      clock,
      allowHttp: config.env !== 'production',
    }),
    limiters: createRateLimiters(config, database.db),
    secrets: createSecretBox(config.secretsKey, config.previousSecretsKeys, (keyId) =>
      logger.error(
        { keyId },
        'a stored TOTP secret cannot be opened: SECRETS_KEY does not match the key it was sealed with',
      ),
    ),
  };
  registerJobHandlers(deps);
  return deps;
}
