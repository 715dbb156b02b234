import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/** How a subscriber came: the public sign-up (double opt-in) or a signed-in user's account. */
export const newsletterSource = pgEnum('newsletter_source', ['signup', 'account']);

/** Who an issue goes to, among the confirmed subscribers (src/domain/newsletter/segments.ts). */
export const newsletterSegment = pgEnum('newsletter_segment', [
  'all',
  'role',
  'league',
  'region',
  'theme',
  'companies',
  'external',
]);

export const newsletterIssueStatus = pgEnum('newsletter_issue_status', ['draft', 'sending', 'sent']);

/** A recipient's mail of an issue: claimed before it is handed to SMTP, then sent or failed. */
export const newsletterDeliveryStatus = pgEnum('newsletter_delivery_status', [
  'pending',
  'claimed',
  'sent',
  'failed',
]);

/**
 * The newsletter's subscribers, one per address. Personal data kept on consent: when and how the
 * person asked (`consentedAt`, `source`); a sign-up receives nothing before the address is
 * confirmed (`confirmedAt`), and an unsubscribed address receives nothing again until it signs
 * up anew.
 */
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased. */
    email: text('email').notNull(),
    name: text('name'),
    lang: text('lang').notNull().default('da'),
    /** Theme keys (src/domain/catalogue/themes.ts) the subscriber chose. */
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    /** The signed-in user who subscribed from their account; null for an external subscriber. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    source: newsletterSource('source').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('newsletter_subscribers_email_key').on(t.email),
    index('newsletter_subscribers_user_idx').on(t.userId),
    check('newsletter_subscribers_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('newsletter_subscribers_lang', sql`${t.lang} in ('da', 'en')`),
  ],
);

/** An issue of the newsletter: Markdown written by the support function, sent once to a segment. */
export const newsletterIssues = pgTable(
  'newsletter_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    segment: newsletterSegment('segment').notNull().default('all'),
    /** The role, league, region code or theme key of the segment; null for the others. */
    segmentValue: text('segment_value'),
    status: newsletterIssueStatus('status').notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** When send was pressed: the recipients were fixed then. */
    sendingAt: timestamp('sending_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('newsletter_issues_status_idx').on(t.status, t.sentAt)],
);

/** The delivery log: one row per recipient of an issue, fixed when sending starts. */
export const newsletterDeliveries = pgTable(
  'newsletter_deliveries',
  {
    issueId: uuid('issue_id')
      .notNull()
      .references(() => newsletterIssues.id, { onDelete: 'cascade' }),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: 'cascade' }),
    status: newsletterDeliveryStatus('status').notNull().default('pending'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.issueId, t.subscriberId] }),
    index('newsletter_deliveries_status_idx').on(t.issueId, t.status),
  ],
);
