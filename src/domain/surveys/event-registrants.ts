/**
 * The registrants of the portal's own events as a survey's audience (e.g. the event evaluation):
 * the people who signed up for an event's matchmaking. An event's registrants are seen by those
 * who organise it (policy `matchmaking.organise`: the event's organisation, the support function,
 * admins), so a survey owner may invite the registrants of those events only.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { AppError, forbidden } from '../errors.ts';
import { mayOrganise } from '../matchmaking/policy.ts';

/** The source an event's invitations are recorded under, so the recipients page can name the event. */
export const eventSource = (eventId: string) => `event:${eventId}`;

/** The user ids of an event's registrants (one row each: a person registers once per event). */
export const eventRegistrantIds = (eventId: string): SQL =>
  sql`select user_id from matchmaking_participants where event_id = ${eventId}`;

export interface RegistrantEvent {
  id: string;
  title: string;
  startsAt: Date;
  registrants: number;
}

async function eventsWithRegistrants(
  db: Queryable,
  where: SQL,
): Promise<(RegistrantEvent & { organisationId: string })[]> {
  const rows = await queryRows<{
    id: string;
    title: string;
    starts_at: string | Date;
    organisation_id: string;
    registrants: number;
  }>(
    db,
    sql`select e.id, e.title, e.starts_at, e.organisation_id,
               (select count(*) from matchmaking_participants p where p.event_id = e.id)::int as registrants
        from events e join matchmaking_events me on me.event_id = e.id
        where ${where}
        order by e.starts_at desc, e.title`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: new Date(r.starts_at),
    organisationId: r.organisation_id,
    registrants: r.registrants,
  }));
}

/** The events whose registrants the caller may invite, newest first, each with its registrants counted. */
export async function registrantEvents(db: Queryable, caller: Caller): Promise<RegistrantEvent[]> {
  const events = await eventsWithRegistrants(db, sql`true`);
  return events
    .filter((e) => mayOrganise(caller.principal, e))
    .map(({ organisationId: _, ...event }) => event);
}

/**
 * Checks that the caller may invite an event's registrants: an unknown event is a mistake in the
 * form (`validation`), another organisation's event is `forbidden`.
 */
export async function authorizeEventAudience(db: Queryable, caller: Caller, eventId: string): Promise<void> {
  const [event] = await eventsWithRegistrants(db, sql`e.id = ${eventId}`);
  if (!event)
    throw new AppError('validation', 'No such event with registrations', [
      { field: 'eventId', message: 'event' },
    ]);
  if (!mayOrganise(caller.principal, event)) throw forbidden('Not allowed: the registrants of this event');
}
