import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

export const fundingPlanStatus = pgEnum('funding_plan_status', ['planned', 'decided', 'abandoned']);

/**
 * A funder's funding plan (finansieringsplan): new cluster funding the funder records before it is
 * decided, so the other funders can be heard first (seed 000: "Dialog og åbenhed om bevillinger").
 */
export const fundingPlans = pgTable(
  'funding_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** A theme key of src/domain/catalogue/themes.ts. */
    theme: text('theme').notNull(),
    regionCodes: smallint('region_codes').array().notNull(),
    budgetDkk: bigint('budget_dkk', { mode: 'number' }).notNull(),
    /** Comments are taken until the end of this day, Danish time. */
    decisionDate: date('decision_date').notNull(),
    relatedClusterIds: uuid('related_cluster_ids').array().notNull().default(sql`'{}'::uuid[]`),
    status: fundingPlanStatus('status').notNull().default('planned'),
    outcomeNote: text('outcome_note'),
    proposedBy: uuid('proposed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('funding_plans_funder_idx').on(t.funderId),
    check('funding_plans_budget_nonnegative', sql`${t.budgetDkk} >= 0`),
    check('funding_plans_regions_present', sql`cardinality(${t.regionCodes}) > 0`),
  ],
);

/** Another funder's comment on a funding plan. */
export const fundingPlanComments = pgTable(
  'funding_plan_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundingPlanId: uuid('funding_plan_id')
      .notNull()
      .references(() => fundingPlans.id, { onDelete: 'cascade' }),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => organisations.id),
    authorId: uuid('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('funding_plan_comments_funding_plan_idx').on(t.fundingPlanId, t.createdAt)],
);
