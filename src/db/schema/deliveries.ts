import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

export const deliveryChannel = pgEnum('delivery_channel', ['cli', 'web', 'api']);
export const deliveryStatus = pgEnum('delivery_status', ['loaded', 'rejected']);

/** Every delivery of reporting files: who, when, which files (with checksums), rows, result and errors. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The organisation the submitter acted for; null for system deliveries (CLI). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    submittedBy: uuid('submitted_by'),
    actorLabel: text('actor_label').notNull(),
    channel: deliveryChannel('channel').notNull(),
    status: deliveryStatus('status').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    /** [{ name, table, bytes, sha256, rows }] */
    files: jsonb('files').notNull(),
    /** { clusters, activities, participants } rows read */
    counts: jsonb('counts').notNull(),
    errorCount: integer('error_count').notNull().default(0),
    /** The first errors (at most 1,000), as { file, line, column, value, code }. */
    errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`),
    /** Cluster organisations the delivery reported for, so each cluster sees its own deliveries. */
    clusterIds: uuid('cluster_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /**
     * The delivered activities that break the activity rule (format 1.1) when the delivery loaded:
     * the first 1,000 as { clusterCvr, activityRef, title, participants, companies }, and how many.
     */
    activityRule: jsonb('activity_rule').notNull().default(sql`'[]'::jsonb`),
    activityRuleCount: integer('activity_rule_count').notNull().default(0),
  },
  (t) => [index('deliveries_started_idx').on(t.startedAt), index('deliveries_org_idx').on(t.organisationId)],
);

export const periodStatus = pgEnum('period_status', ['open', 'submitted', 'approved', 'returned', 'locked']);

/** A cluster's reporting year: open → submitted → approved or returned (with comment) → locked. */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    status: periodStatus('status').notNull().default('open'),
    comment: text('comment'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the year was last submitted: whether it came in before the deadline. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Why a year was submitted with no activities (the cluster confirms it; the funder reads it). */
    noActivitiesReason: text('no_activities_reason'),
  },
  (t) => [primaryKey({ columns: [t.clusterId, t.year] })],
);

/**
 * A funder's reporting deadline: a year's report is due on this day and month of the year after
 * (a cluster without a rule from any of its funders has the default, 1 March). Edited by admins.
 */
export const reportingDeadlineRules = pgTable(
  'reporting_deadline_rules',
  {
    funderId: uuid('funder_id')
      .primaryKey()
      .references(() => organisations.id),
    month: smallint('month').notNull(),
    day: smallint('day').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A date that exists every year (so never 29 February).
    check(
      'reporting_deadline_rules_date',
      sql`${t.month} between 1 and 12 and ${t.day} between 1 and (case when ${t.month} = 2 then 28 when ${t.month} in (4, 6, 9, 11) then 30 else 31 end)`,
    ),
  ],
);

/** The deadline reminders sent (claimed): one per cluster, year and edge (30, 7 days before, 1 day after). */
export const reportingReminders = pgTable(
  'reporting_reminders',
  {
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    /** Days before the deadline: 30, 7, or -1 (the day after). */
    edge: smallint('edge').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.year, t.edge] }),
    check('reporting_reminders_edge', sql`${t.edge} in (30, 7, -1)`),
  ],
);

/** Per-organisation API tokens for the reporting API; only a hash is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the token, to tell tokens apart in the list. */
    tokenPrefix: text('token_prefix').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** The token works until this moment; its lifetime is chosen when it is created. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** When the reminder that the token soon expires was sent (claimed); a token is reminded once. */
    expiryRemindedAt: timestamp('expiry_reminded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_org_idx').on(t.organisationId),
  ],
);
