/**
 * What the matchmaking page shows: the event's slots, the caller's registration, the other
 * participants with where the caller stands with each, the caller's requests and agenda, and for
 * organisers the figures, the whole schedule and what the follow-ups found.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import {
  matchmakingAvailability,
  matchmakingEvents,
  matchmakingParticipants,
  matchmakingSlots,
} from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { findEvent, type MatchmakingEvent } from './event.ts';
import { type FollowUpOutcome, followUpOutcomes } from './follow-up-outcomes.ts';
import { participantIdOf } from './participation.ts';
import { mayOrganise } from './policy.ts';

export interface Slot {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

export interface ParticipantCard {
  id: string;
  name: string;
  organisationName: string;
  offers: string;
  seeks: string;
  /** The request between the caller and this participant, from the caller's side. */
  request: { id: string; direction: 'sent' | 'received'; status: RequestStatus } | null;
}

/** A request's state as shown: pending requests left at the deadline have expired. */
export type RequestStatus = 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn' | 'cancelled';

export interface AgendaItem {
  requestId: string;
  startsAt: Date;
  endsAt: Date;
  table: string;
  withName: string;
  withOrganisation: string;
}

export interface MatchmakingPage {
  event: MatchmakingEvent;
  mayOrganise: boolean;
  slots: Slot[];
  me: { id: string; organisationName: string; offers: string; seeks: string; slotIds: string[] } | null;
  participants: ParticipantCard[];
  agenda: AgendaItem[];
  figures: { participants: number; pending: number; accepted: number; placed: number } | null;
  schedule: (AgendaItem & { otherName: string; otherOrganisation: string })[];
  /** The follow-up rounds sent after the event (organisers only). */
  followUps: FollowUpOutcome[];
}

export async function slotsOf(db: Queryable, eventId: string): Promise<Slot[]> {
  return db
    .select({ id: matchmakingSlots.id, startsAt: matchmakingSlots.startsAt, endsAt: matchmakingSlots.endsAt })
    .from(matchmakingSlots)
    .where(eq(matchmakingSlots.eventId, eventId))
    .orderBy(asc(matchmakingSlots.startsAt));
}

async function profileOf(db: Queryable, participantId: string) {
  const [profile] = await db
    .select({
      id: matchmakingParticipants.id,
      organisationName: matchmakingParticipants.organisationName,
      offers: matchmakingParticipants.offers,
      seeks: matchmakingParticipants.seeks,
    })
    .from(matchmakingParticipants)
    .where(eq(matchmakingParticipants.id, participantId));
  const slots = await db
    .select({ slotId: matchmakingAvailability.slotId })
    .from(matchmakingAvailability)
    .where(eq(matchmakingAvailability.participantId, participantId));
  return profile ? { ...profile, slotIds: slots.map((s) => s.slotId) } : null;
}

/** Every other participant, with the request between them and the caller. */
async function participantCards(
  db: Queryable,
  eventId: string,
  me: string,
  now: Date,
): Promise<ParticipantCard[]> {
  const rows = await queryRows<
    Omit<ParticipantCard, 'request'> & {
      requestId: string | null;
      direction: 'sent' | 'received' | null;
      status: RequestStatus | null;
    }
  >(
    db,
    sql`select p.id, u.name, p.organisation_name as "organisationName", p.offers, p.seeks,
               r.id as "requestId",
               case when r.from_participant_id = ${me} then 'sent' when r.id is not null then 'received' end as direction,
               case when r.status = 'pending' and ${now} >= e.request_deadline then 'expired' else r.status::text end as status
        from matchmaking_participants p
        join users u on u.id = p.user_id
        join matchmaking_events e on e.event_id = p.event_id
        left join meeting_requests r on (r.from_participant_id = ${me} and r.to_participant_id = p.id)
                                     or (r.to_participant_id = ${me} and r.from_participant_id = p.id)
        where p.event_id = ${eventId} and p.id <> ${me}
        order by p.organisation_name, u.name, p.id`,
  );
  return rows.map(({ requestId, direction, status, ...p }) => ({
    ...p,
    request: requestId && direction && status ? { id: requestId, direction, status } : null,
  }));
}

/** Placed meetings of the event, or of one participant, in time order. */
async function placedMeetings(db: Queryable, eventId: string, participantId: string | null) {
  return queryRows<AgendaItem & { otherName: string; otherOrganisation: string }>(
    db,
    sql`select m.request_id as "requestId", s.starts_at as "startsAt", s.ends_at as "endsAt",
               e.tables[m.table_number + 1] as "table",
               case when a.id = ${participantId} then ub.name else ua.name end as "withName",
               case when a.id = ${participantId} then b.organisation_name else a.organisation_name end as "withOrganisation",
               ub.name as "otherName", b.organisation_name as "otherOrganisation"
        from matchmaking_meetings m
        join matchmaking_slots s on s.id = m.slot_id
        join matchmaking_events e on e.event_id = s.event_id
        join meeting_requests r on r.id = m.request_id
        join matchmaking_participants a on a.id = r.from_participant_id
        join matchmaking_participants b on b.id = r.to_participant_id
        join users ua on ua.id = a.user_id
        join users ub on ub.id = b.user_id
        where s.event_id = ${eventId}
          and (${participantId}::uuid is null or a.id = ${participantId} or b.id = ${participantId})
        order by s.starts_at, m.table_number`,
  ).then((rows) => rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) })));
}

async function figuresOf(db: Queryable, eventId: string) {
  const [row] = await queryRows<{ participants: number; pending: number; accepted: number; placed: number }>(
    db,
    sql`select (select count(*) from matchmaking_participants where event_id = ${eventId})::int as participants,
               (select count(*) from meeting_requests where event_id = ${eventId} and status = 'pending')::int as pending,
               (select count(*) from meeting_requests where event_id = ${eventId} and status = 'accepted')::int as accepted,
               (select count(*) from matchmaking_meetings m join matchmaking_slots s on s.id = m.slot_id
                 where s.event_id = ${eventId})::int as placed`,
  );
  return row ?? { participants: 0, pending: 0, accepted: 0, placed: 0 };
}

export async function matchmakingPage(
  db: Queryable,
  caller: Caller,
  slug: string,
  now: Date,
): Promise<MatchmakingPage> {
  const event = await findEvent(db, caller.principal, slug, now);
  const organiser = mayOrganise(caller.principal, event);
  const slots = event.settings ? await slotsOf(db, event.id) : [];
  const meId = event.settings ? await participantIdOf(db, event.id, caller.principal.userId) : null;
  const me = meId ? await profileOf(db, meId) : null;
  return {
    event,
    mayOrganise: organiser,
    slots,
    me,
    participants: meId ? await participantCards(db, event.id, meId, now) : [],
    agenda: meId ? await placedMeetings(db, event.id, meId) : [],
    figures: organiser && event.settings ? await figuresOf(db, event.id) : null,
    schedule: organiser && event.settings ? await placedMeetings(db, event.id, null) : [],
    followUps: organiser && event.settings ? await followUpOutcomes(db, event.id) : [],
  };
}

/** The caller's own placed meetings, for the iCal and the agenda. */
export async function agendaOf(db: Queryable, caller: Caller, slug: string, now: Date) {
  const event = await findEvent(db, caller.principal, slug, now);
  const meId = event.settings ? await participantIdOf(db, event.id, caller.principal.userId) : null;
  return { event, agenda: meId ? await placedMeetings(db, event.id, meId) : [] };
}

/** Whether the event has matchmaking switched on, for the link from its page. */
export async function hasMatchmaking(db: Queryable, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ eventId: matchmakingEvents.eventId })
    .from(matchmakingEvents)
    .where(eq(matchmakingEvents.eventId, eventId));
  return row !== undefined;
}
