import { sql } from 'drizzle-orm';
import {
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { events } from './content.ts';
import { surveys } from './surveys.ts';

/**
 * Matchmaking at an event (src/domain/matchmaking): the organiser switches it on with slots,
 * tables and a cap; participants register with a profile and the slots they are free in, ask each
 * other for meetings, and the scheduler places the accepted ones at a table in a slot.
 */
export const matchmakingEvents = pgTable(
  'matchmaking_events',
  {
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** Table names or video-meeting links, in order; a meeting's table is an index into this. */
    tables: text('tables').array().notNull(),
    meetingsPerParticipant: smallint('meetings_per_participant').notNull(),
    /** Requests are sent and answered until then; unanswered ones expire. */
    requestDeadline: timestamp('request_deadline', { withTimezone: true }).notNull(),
    lastScheduledAt: timestamp('last_scheduled_at', { withTimezone: true }),
  },
  (t) => [check('matchmaking_events_cap', sql`${t.meetingsPerParticipant} between 1 and 100`)],
);

export const matchmakingSlots = pgTable(
  'matchmaking_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchmakingEvents.eventId, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('matchmaking_slots_start_key').on(t.eventId, t.startsAt),
    check('matchmaking_slots_end_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const matchmakingParticipants = pgTable(
  'matchmaking_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchmakingEvents.eventId, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationName: text('organisation_name').notNull(),
    offers: text('offers').notNull().default(''),
    seeks: text('seeks').notNull().default(''),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('matchmaking_participants_user_key').on(t.eventId, t.userId)],
);

export const matchmakingAvailability = pgTable(
  'matchmaking_availability',
  {
    participantId: uuid('participant_id')
      .notNull()
      .references(() => matchmakingParticipants.id, { onDelete: 'cascade' }),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => matchmakingSlots.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.slotId] })],
);

/** `withdrawn`: the sender took a pending request back; `cancelled`: a side called off an accepted meeting. */
export const meetingRequestStatus = pgEnum('meeting_request_status', [
  'pending',
  'accepted',
  'declined',
  'withdrawn',
  'cancelled',
]);

export const meetingRequests = pgTable(
  'meeting_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchmakingEvents.eventId, { onDelete: 'cascade' }),
    fromParticipantId: uuid('from_participant_id')
      .notNull()
      .references(() => matchmakingParticipants.id, { onDelete: 'cascade' }),
    toParticipantId: uuid('to_participant_id')
      .notNull()
      .references(() => matchmakingParticipants.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    status: meetingRequestStatus('status').notNull().default('pending'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** When it was withdrawn or cancelled. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('meeting_requests_pair_key').on(t.fromParticipantId, t.toParticipantId),
    index('meeting_requests_to_idx').on(t.toParticipantId),
    index('meeting_requests_event_idx').on(t.eventId, t.status),
    check('meeting_requests_two_sides', sql`${t.fromParticipantId} <> ${t.toParticipantId}`),
  ],
);

/** A placed meeting: an accepted request at a table in a slot; placed meetings are confirmed. */
export const matchmakingMeetings = pgTable(
  'matchmaking_meetings',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => meetingRequests.id, { onDelete: 'cascade' }),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => matchmakingSlots.id, { onDelete: 'cascade' }),
    tableNumber: smallint('table_number').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('matchmaking_meetings_table_key').on(t.slotId, t.tableNumber)],
);

/**
 * A follow-up round of an event: the survey sent 3 or 6 months after it to the participants who
 * had a meeting. One per event and round (the key), so the daily job never sends a round twice.
 */
export const matchmakingFollowUps = pgTable(
  'matchmaking_follow_ups',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchmakingEvents.eventId, { onDelete: 'cascade' }),
    monthsAfter: smallint('months_after').notNull(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.monthsAfter] }),
    uniqueIndex('matchmaking_follow_ups_survey_key').on(t.surveyId),
    check('matchmaking_follow_ups_months', sql`${t.monthsAfter} in (3, 6)`),
  ],
);
