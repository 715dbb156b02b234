import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The counters of the rate limits (failed logins, API deliveries), shared by every app instance
 * on the database. Kept by rate-limiter-flexible's Drizzle store (column names are its own) with
 * an atomic upsert per attempt; expired rows are deleted by the store. Not audited: these are
 * counts of attempts, not data anyone changes, and most come from visitors without an actor.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    /** The limiter's prefix and what it counts, e.g. `login:192.0.2.7|name@example.dk`. */
    key: text('key').primaryKey(),
    points: integer('points').notNull().default(0),
    expire: timestamp('expire', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('rate_limits_expire_idx').on(t.expire)],
);
