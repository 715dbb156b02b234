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

export const meetingPurpose = pgEnum('meeting_purpose', ['before_call', 'follow_up', 'other']);

/**
 * A coordination meeting between funders (seed 001, E4): before new calls and at follow-up. The
 * convening funder keeps the agenda, the minutes and the decisions; the meeting is linked to the
 * funding plans and calls it is about.
 */
export const coordinationMeetings = pgTable(
  'coordination_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    convenerId: uuid('convener_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    purpose: meetingPurpose('purpose').notNull(),
    meetsOn: date('meets_on').notNull(),
    location: text('location').notNull().default(''),
    agenda: text('agenda').notNull(),
    /** Written after the meeting; null until then. */
    minutes: text('minutes'),
    participantIds: uuid('participant_ids').array().notNull(),
    fundingPlanIds: uuid('funding_plan_ids').array().notNull().default(sql`'{}'::uuid[]`),
    callIds: uuid('call_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    minutesAt: timestamp('minutes_at', { withTimezone: true }),
  },
  (t) => [
    index('coordination_meetings_meets_on_idx').on(t.meetsOn),
    check('coordination_meetings_participants_present', sql`cardinality(${t.participantIds}) > 0`),
  ],
);

/** A decision of a coordination meeting, given to one funder and tracked until it is done. */
export const coordinationDecisions = pgTable(
  'coordination_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => coordinationMeetings.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    responsibleId: uuid('responsible_id')
      .notNull()
      .references(() => organisations.id),
    dueOn: date('due_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneNote: text('done_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('coordination_decisions_meeting_idx').on(t.meetingId),
    index('coordination_decisions_open_idx').on(t.responsibleId).where(sql`${t.doneAt} is null`),
  ],
);
