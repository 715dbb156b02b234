import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
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

/** The parts of a plan a comment can be about; null on a comment about the whole plan. */
export const actionPlanSection = pgEnum('action_plan_section', ['narrative', 'goals', 'activities']);

/**
 * The support function's sparring on a cluster's action plan (issue 20, item 6): comments the
 * cluster's staff read on their plan page and mark handled when they have acted on them.
 */
export const actionPlanComments = pgTable(
  'action_plan_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id').notNull(),
    year: smallint('year').notNull(),
    section: actionPlanSection('section'),
    body: text('body').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    handledBy: uuid('handled_by').references(() => users.id),
  },
  (t) => [
    index('action_plan_comments_plan_idx').on(t.clusterId, t.year),
    foreignKey({
      columns: [t.clusterId, t.year],
      foreignColumns: [actionPlans.clusterId, actionPlans.year],
    }).onDelete('cascade'),
    check('action_plan_comments_handled_together', sql`(${t.handledAt} is null) = (${t.handledBy} is null)`),
  ],
);
