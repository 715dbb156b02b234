import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import { createDeliveryJobs, type DeliveryJobs } from './domain/reporting/delivery/jobs.ts';
import { createRelyingParty, type RelyingParty } from './identity/relying-party.ts';
import type { Logger } from './logger.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { createMailQueue, type MailQueue } from './mail/queue.ts';

/** Everything the app needs from outside, passed down explicitly; tests build their own. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  logger: Logger;
  mailer: Mailer;
  /** Mail sent after the response (password resets). */
  mailQueue: MailQueue;
  clock: () => Date;
  /** Web deliveries loading in the background, with their progress. */
  deliveryJobs: DeliveryJobs;
  /** The OpenID Connect identity providers (MitID Erhverv through NemLog-in, staff providers). */
  identityProviders: RelyingParty;
  limiters: {
    /** Failed logins per client and e-mail. */
    login: RateLimiterMemory;
    /** Wrong one-time codes per user: six digits must not be guessable by trying. */
    secondFactor: RateLimiterMemory;
    /** Failed logins per client across e-mails: one client trying a password on many accounts. */
    loginClient: RateLimiterMemory;
    /** Password-reset and similar e-mail-sending requests per client. */
    mail: RateLimiterMemory;
    /** Deliveries through the API per token: each one is a whole import. */
    apiDeliveries: RateLimiterMemory;
    /** Deliveries through the API per organisation, all its tokens together. */
    apiDeliveriesPerOrganisation: RateLimiterMemory;
  };
}

export function createDeps(
  config: Config,
  database: Database,
  logger: Logger,
  overrides: Partial<Pick<Deps, 'mailer' | 'clock'>> = {},
): Deps {
  const clock = overrides.clock ?? (() => new Date());
  return {
    config,
    database,
    db: database.db,
    logger,
    mailer: overrides.mailer ?? createMailer(config, logger),
    mailQueue: createMailQueue(logger),
    clock,
    deliveryJobs: createDeliveryJobs(database, logger, {
      timings: config.importProfile
        ? (step, ms) => logger.info({ step, ms }, 'delivery import step')
        : undefined,
    }),
    // Production refuses http issuers (src/config.ts); development and tests run providers locally.
    identityProviders: createRelyingParty(config.oidcProviders, {
      clock,
      allowHttp: config.env !== 'production',
    }),
    limiters: {
      login: new RateLimiterMemory({ points: config.loginRateLimit, duration: 60 }),
      secondFactor: new RateLimiterMemory({ points: 5, duration: 300 }),
      loginClient: new RateLimiterMemory({ points: config.loginClientRateLimit, duration: 600 }),
      mail: new RateLimiterMemory({ points: 5, duration: 600 }),
      apiDeliveries: new RateLimiterMemory({ points: config.apiDeliveryRateLimit, duration: 60 }),
      apiDeliveriesPerOrganisation: new RateLimiterMemory({
        points: config.apiDeliveryOrganisationRateLimit,
        duration: 60,
      }),
    },
  };
}
