import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { calls } from './calls.ts';
import { fundingPlans } from './coordination.ts';
import { organisations } from './organisations.ts';

/** Why the funders meet (seed 001, E4): to agree before a new call, or to follow up on funding given. */
export const coordinationMeetingKind = pgEnum('coordination_meeting_kind', ['before_call', 'follow_up']);
export const coordinationDecisionStatus = pgEnum('coordination_decision_status', ['open', 'done']);

/** A coordination meeting between funders, with its agenda and, once published, its minutes. */
export const coordinationMeetings = pgTable(
  'coordination_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    kind: coordinationMeetingKind('kind').notNull(),
    heldOn: date('held_on').notNull(),
    /** The agenda items in their order. */
    agenda: text('agenda').array().notNull(),
    /** The call or funding plan the meeting prepares or follows up, when there is one. */
    callId: uuid('call_id').references(() => calls.id),
    fundingPlanId: uuid('funding_plan_id').references(() => fundingPlans.id),
    /** Markdown; shown to the participants once published. */
    minutes: text('minutes'),
    minutesPublishedAt: timestamp('minutes_published_at', { withTimezone: true }),
    convenedBy: uuid('convened_by')
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('coordination_meetings_held_on_idx').on(t.heldOn),
    check('coordination_meetings_agenda_present', sql`cardinality(${t.agenda}) > 0`),
  ],
);

/** The funder organisations taking part in a meeting (the convener among them). */
export const coordinationMeetingParticipants = pgTable(
  'coordination_meeting_participants',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => coordinationMeetings.id, { onDelete: 'cascade' }),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.funderId] }),
    index('coordination_meeting_participants_funder_idx').on(t.funderId),
  ],
);

/** A decision taken at a meeting, followed until the responsible funder marks it done. */
export const coordinationDecisions = pgTable(
  'coordination_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => coordinationMeetings.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    responsibleFunderId: uuid('responsible_funder_id')
      .notNull()
      .references(() => organisations.id),
    dueOn: date('due_on').notNull(),
    status: coordinationDecisionStatus('status').notNull().default('open'),
    callId: uuid('call_id').references(() => calls.id),
    clusterId: uuid('cluster_id').references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    index('coordination_decisions_meeting_idx').on(t.meetingId),
    index('coordination_decisions_responsible_idx').on(t.responsibleFunderId, t.status),
  ],
);
