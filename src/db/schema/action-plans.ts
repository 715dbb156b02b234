import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  foreignKey,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { activityCategory } from './reporting.ts';

export const actionPlanStatus = pgEnum('action_plan_status', ['draft', 'submitted', 'accepted', 'returned']);

/**
 * A cluster's annual action plan (seed 003): a short narrative and a status the funder decides.
 * The plan's goals per performance-account key live in cluster_goals (the mid-term evaluation
 * reads them there); its planned activities per category in action_plan_activities.
 */
export const actionPlans = pgTable(
  'action_plans',
  {
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    status: actionPlanStatus('status').notNull().default('draft'),
    narrative: text('narrative').notNull().default(''),
    /** The funder's comment when returning (or accepting) the plan. */
    comment: text('comment'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clusterId, t.year] })],
);

/** Planned activities and budget per activity category (reporting spec) in a cluster's action plan. */
export const actionPlanActivities = pgTable(
  'action_plan_activities',
  {
    clusterId: uuid('cluster_id').notNull(),
    year: smallint('year').notNull(),
    category: activityCategory('category').notNull(),
    plannedCount: integer('planned_count').notNull(),
    budgetDkk: doublePrecision('budget_dkk').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.year, t.category] }),
    foreignKey({
      columns: [t.clusterId, t.year],
      foreignColumns: [actionPlans.clusterId, actionPlans.year],
    }).onDelete('cascade'),
    check('action_plan_activities_nonnegative', sql`${t.plannedCount} >= 0 and ${t.budgetDkk} >= 0`),
  ],
);
