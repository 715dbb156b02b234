import { type RateLimiterAbstract, RateLimiterDrizzle, RateLimiterMemory } from 'rate-limiter-flexible';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { rateLimits } from './db/schema/index.ts';

export interface RateLimiters {
  /** Failed logins per client and e-mail. */
  login: RateLimiterAbstract;
  /** Wrong one-time codes per user: six digits must not be guessable by trying. */
  secondFactor: RateLimiterAbstract;
  /** Failed logins per client across e-mails: one client trying a password on many accounts. */
  loginClient: RateLimiterAbstract;
  /** Password-reset and similar e-mail-sending requests per client (in this process). */
  mail: RateLimiterMemory;
  /** Deliveries through the API per token: each one is a whole import. */
  apiDeliveries: RateLimiterAbstract;
  /** Deliveries through the API per organisation, all its tokens together. */
  apiDeliveriesPerOrganisation: RateLimiterAbstract;
}

/**
 * A limit counted in the database (table rate_limits), so every instance behind a load balancer
 * counts the same attempts: rate-limiter-flexible's Drizzle store, whose upsert is one atomic
 * statement on PGlite and PostgreSQL alike (its PostgreSQL store takes only a pg client, and the
 * embedded database has none). Should the database not answer, the count falls back to this
 * process's memory rather than refusing everyone or failing the request.
 */
function sharedLimit(db: Db, keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
  return new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix,
    points,
    duration,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
  });
}

export function createRateLimiters(config: Config, db: Db): RateLimiters {
  return {
    login: sharedLimit(db, 'login', config.loginRateLimit, 60),
    secondFactor: sharedLimit(db, 'second-factor', 5, 300),
    loginClient: sharedLimit(db, 'login-client', config.loginClientRateLimit, 600),
    mail: new RateLimiterMemory({ points: 5, duration: 600 }),
    apiDeliveries: sharedLimit(db, 'api-delivery', config.apiDeliveryRateLimit, 60),
    apiDeliveriesPerOrganisation: sharedLimit(
      db,
      'api-delivery-organisation',
      config.apiDeliveryOrganisationRateLimit,
      60,
    ),
  };
}
