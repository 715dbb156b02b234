import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { events, matchmakingEvents } from '../../db/schema/index.ts';
import { isPublicAt } from '../content/policy.ts';
import { AppError, notFound } from '../errors.ts';
import type { Principal } from '../policy/policy.ts';
import { mayOrganise } from './policy.ts';

export interface MatchmakingSettings {
  tables: string[];
  meetingsPerParticipant: number;
  requestDeadline: Date;
  lastScheduledAt: Date | null;
}

export interface MatchmakingEvent {
  id: string;
  slug: string;
  organisationId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  onlineUrl: string | null;
  publishedAt: Date | null;
  settings: MatchmakingSettings | null;
}

/**
 * The event by its slug with its matchmaking settings. An event not yet public is found only by
 * those who organise it, as on the event's own page.
 */
export async function findEvent(db: Queryable, principal: Principal | null, slug: string, now: Date) {
  const [row] = await db
    .select({
      id: events.id,
      slug: events.slug,
      organisationId: events.organisationId,
      title: events.title,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      location: events.location,
      onlineUrl: events.onlineUrl,
      publishedAt: events.publishedAt,
      tables: matchmakingEvents.tables,
      meetingsPerParticipant: matchmakingEvents.meetingsPerParticipant,
      requestDeadline: matchmakingEvents.requestDeadline,
      lastScheduledAt: matchmakingEvents.lastScheduledAt,
    })
    .from(events)
    .leftJoin(matchmakingEvents, eq(matchmakingEvents.eventId, events.id))
    .where(eq(events.slug, slug));
  if (!row || (!isPublicAt(row.publishedAt, now) && !mayOrganise(principal, row))) throw notFound('Event');
  const { tables, meetingsPerParticipant, requestDeadline, lastScheduledAt, ...event } = row;
  const settings =
    tables && meetingsPerParticipant !== null && requestDeadline
      ? { tables, meetingsPerParticipant, requestDeadline, lastScheduledAt }
      : null;
  return { ...event, settings } satisfies MatchmakingEvent;
}

/** The event with matchmaking switched on; a conflict where the organiser has not set it up. */
export async function findMatchmakingEvent(
  db: Queryable,
  principal: Principal | null,
  slug: string,
  now: Date,
): Promise<MatchmakingEvent & { settings: MatchmakingSettings }> {
  const event = await findEvent(db, principal, slug, now);
  if (!event.settings) throw notFound('Matchmaking');
  return event as MatchmakingEvent & { settings: MatchmakingSettings };
}

/** Requests are sent and answered until the deadline. */
export function assertBeforeDeadline(settings: MatchmakingSettings, now: Date): void {
  if (now >= settings.requestDeadline) throw new AppError('conflict', 'The request deadline has passed');
}
