import { sql } from 'drizzle-orm';
import {
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
  },
  (t) => [primaryKey({ columns: [t.clusterId, t.year] })],
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
