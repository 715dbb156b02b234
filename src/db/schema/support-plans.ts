import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { supportServices } from './support.ts';
import { surveys } from './surveys.ts';

/**
 * The support function's demand-driven plan for one year (seed 002): the needs survey asked of
 * every cluster organisation, the demand threshold that marks a service as wanted, and when the
 * decided plan was made public.
 */
export const supportPlans = pgTable(
  'support_plans',
  {
    year: smallint('year').primaryKey(),
    needsSurveyId: uuid('needs_survey_id')
      .notNull()
      .references(() => surveys.id),
    /** A service is wanted when at least this many cluster organisations answer "some" or "much". */
    demandThreshold: smallint('demand_threshold').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('support_plans_survey_idx').on(t.needsSurveyId),
    check('support_plans_threshold', sql`${t.demandThreshold} >= 1`),
    check('support_plans_year', sql`${t.year} between 2000 and 2100`),
  ],
);

/**
 * One service of a year's plan: the needs survey's question about it and, once decided, whether
 * it runs, why, how many courses and what budget.
 */
export const supportPlanServices = pgTable(
  'support_plan_services',
  {
    year: smallint('year')
      .notNull()
      .references(() => supportPlans.year, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => supportServices.id),
    /** The key of the needs survey's question about this service. */
    questionKey: text('question_key').notNull(),
    /** Null until decided. */
    runs: boolean('runs'),
    reason: text('reason').notNull().default(''),
    plannedCourses: smallint('planned_courses').notNull().default(0),
    budgetDkk: integer('budget_dkk').notNull().default(0),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.serviceId] }),
    uniqueIndex('support_plan_services_question_idx').on(t.year, t.questionKey),
    check('support_plan_services_courses', sql`${t.plannedCourses} >= 0`),
    check('support_plan_services_budget', sql`${t.budgetDkk} >= 0`),
    check(
      'support_plan_services_not_run_costs_nothing',
      sql`${t.runs} is not false or (${t.plannedCourses} = 0 and ${t.budgetDkk} = 0)`,
    ),
  ],
);

/**
 * The funders in the support function's steering group and what each pays towards it per year
 * (seed 002: the ministry 2.6 mio. kr., the five regions 2.4 mio. kr. between them).
 */
export const supportSteeringContributions = pgTable(
  'support_steering_contributions',
  {
    funderId: uuid('funder_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    amountDkk: bigint('amount_dkk', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.funderId, t.year] }),
    check('support_steering_contributions_amount', sql`${t.amountDkk} >= 0`),
  ],
);
