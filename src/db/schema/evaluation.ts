import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

/**
 * A cluster's own goal for a performance-account key in a year, as written in its action plan.
 * Optional: the mid-term evaluation compares with goals only where a cluster has set them.
 */
export const clusterGoals = pgTable(
  'cluster_goals',
  {
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    /** A key of the performance account (reporting spec), e.g. innovating_companies. */
    key: text('key').notNull(),
    value: doublePrecision('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.year, t.key] }),
    check('cluster_goals_value_nonnegative', sql`${t.value} >= 0`),
  ],
);

export const evaluationConclusion = pgEnum('evaluation_conclusion', ['continue', 'adjust', 'withdraw']);

/**
 * A funder's conclusion of a cluster's mid-term evaluation for a funding period (seed 004: a
 * 5-year evaluation that can withdraw funding). Append-only: a new decision is a new row, so the
 * history of conclusions stays; the latest row is the standing conclusion.
 */
export const clusterEvaluations = pgTable(
  'cluster_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => organisations.id),
    periodFrom: smallint('period_from').notNull(),
    periodTo: smallint('period_to').notNull(),
    conclusion: evaluationConclusion('conclusion').notNull(),
    reasoning: text('reasoning').notNull(),
    /** The funder organisation the decision was made for; null when an administrator decided. */
    funderId: uuid('funder_id').references(() => organisations.id),
    decidedBy: uuid('decided_by'),
    decidedByLabel: text('decided_by_label').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cluster_evaluations_cluster_idx').on(t.clusterId, t.periodFrom, t.periodTo, t.decidedAt),
    check('cluster_evaluations_period', sql`${t.periodTo} >= ${t.periodFrom}`),
  ],
);

/**
 * The rules of the mid-term evaluation and the data-quality thresholds (src/domain/evaluation/
 * config.ts), as edited by funders. Append-only: each save is a new version and the latest is in
 * force; without any row the built-in defaults apply.
 */
export const evaluationRuleVersions = pgTable(
  'evaluation_rule_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** An EvaluationConfig, validated by evaluationConfigSchema before it is stored. */
    config: jsonb('config').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by'),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_rule_versions_created_idx').on(t.createdAt)],
);
