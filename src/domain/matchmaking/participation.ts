/**
 * Taking part: a signed-in user registers for an event's matchmaking with a short profile and
 * the slots they are free in, asks other participants for meetings, and accepts or declines the
 * requests sent to them. Requests are sent and answered until the deadline; unanswered ones
 * expire then.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Queryable } from '../../db/client.ts';
import {
  matchmakingAvailability,
  matchmakingMeetings,
  matchmakingParticipants,
  matchmakingSlots,
  meetingRequests,
} from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { assertBeforeDeadline, findMatchmakingEvent } from './event.ts';
import { authorizeAnswer, authorizeParticipant } from './policy.ts';
import { answerInput, meetingRequestInput, registrationInput } from './schemas.ts';

const invalid = (field: string, message: string) =>
  new AppError('validation', 'Invalid input', [{ field, message }]);

/** The caller's participant id at the event, or null when not registered. */
export async function participantIdOf(
  db: Queryable,
  eventId: string,
  userId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: matchmakingParticipants.id })
    .from(matchmakingParticipants)
    .where(and(eq(matchmakingParticipants.eventId, eventId), eq(matchmakingParticipants.userId, userId)));
  return row?.id ?? null;
}

/** Registers the caller, or updates their profile and availability. */
export async function register(
  db: Db,
  caller: Caller,
  slug: string,
  input: unknown,
  now: Date,
): Promise<string> {
  authorizeParticipant(caller.principal);
  const event = await findMatchmakingEvent(db, caller.principal, slug, now);
  assertBeforeDeadline(event.settings, now);
  const data = parseInput(registrationInput, input);
  const slots = await db
    .select({ id: matchmakingSlots.id })
    .from(matchmakingSlots)
    .where(and(eq(matchmakingSlots.eventId, event.id), inArray(matchmakingSlots.id, data.slotIds)));
  if (slots.length !== new Set(data.slotIds).size) throw invalid('slotIds', 'slots');
  const profile = { organisationName: data.organisationName, offers: data.offers, seeks: data.seeks };
  return withActor(db, caller.actor, async (tx) => {
    const [participant] = await tx
      .insert(matchmakingParticipants)
      .values({ eventId: event.id, userId: caller.principal.userId, ...profile })
      .onConflictDoUpdate({
        target: [matchmakingParticipants.eventId, matchmakingParticipants.userId],
        set: profile,
      })
      .returning({ id: matchmakingParticipants.id });
    const id = (participant as { id: string }).id;
    // A placed meeting is confirmed: its slot cannot be taken out of the availability.
    const booked = await tx
      .select({ slotId: matchmakingMeetings.slotId })
      .from(matchmakingMeetings)
      .innerJoin(meetingRequests, eq(meetingRequests.id, matchmakingMeetings.requestId))
      .where(or(eq(meetingRequests.fromParticipantId, id), eq(meetingRequests.toParticipantId, id)));
    if (booked.some((b) => !data.slotIds.includes(b.slotId))) throw invalid('slotIds', 'slotBooked');
    await tx.delete(matchmakingAvailability).where(eq(matchmakingAvailability.participantId, id));
    await tx
      .insert(matchmakingAvailability)
      .values([...new Set(data.slotIds)].map((slotId) => ({ participantId: id, slotId })));
    return id;
  });
}

/** Asks another participant of the same event for a meeting; one request per pair. */
export async function requestMeeting(
  db: Db,
  caller: Caller,
  slug: string,
  input: unknown,
  now: Date,
): Promise<string> {
  authorizeParticipant(caller.principal);
  const event = await findMatchmakingEvent(db, caller.principal, slug, now);
  assertBeforeDeadline(event.settings, now);
  const data = parseInput(meetingRequestInput, input);
  const from = await participantIdOf(db, event.id, caller.principal.userId);
  if (!from) throw new AppError('conflict', 'Register for the matchmaking first');
  const [to] = await db
    .select({ id: matchmakingParticipants.id })
    .from(matchmakingParticipants)
    .where(
      and(
        eq(matchmakingParticipants.id, data.toParticipantId),
        eq(matchmakingParticipants.eventId, event.id),
      ),
    );
  if (!to || to.id === from) throw invalid('toParticipantId', 'participant');
  return withActor(db, caller.actor, async (tx) => {
    const pair = or(
      and(eq(meetingRequests.fromParticipantId, from), eq(meetingRequests.toParticipantId, to.id)),
      and(eq(meetingRequests.fromParticipantId, to.id), eq(meetingRequests.toParticipantId, from)),
    );
    const [existing] = await tx.select({ id: meetingRequests.id }).from(meetingRequests).where(pair);
    if (existing) throw new AppError('conflict', 'A request between the two exists already');
    const [created] = await tx
      .insert(meetingRequests)
      .values({
        eventId: event.id,
        fromParticipantId: from,
        toParticipantId: to.id,
        message: data.message,
        sentAt: now,
      })
      .returning({ id: meetingRequests.id });
    return (created as { id: string }).id;
  });
}

/** The invited participant accepts or declines a pending request before the deadline. */
export async function answerRequest(
  db: Db,
  caller: Caller,
  slug: string,
  requestId: string,
  input: unknown,
  now: Date,
): Promise<void> {
  authorizeParticipant(caller.principal);
  const event = await findMatchmakingEvent(db, caller.principal, slug, now);
  const data = parseInput(answerInput, input);
  if (!isUuid(requestId)) throw notFound('Meeting request');
  const [request] = await db
    .select({ toParticipantId: meetingRequests.toParticipantId, status: meetingRequests.status })
    .from(meetingRequests)
    .where(and(eq(meetingRequests.id, requestId), eq(meetingRequests.eventId, event.id)));
  if (!request) throw notFound('Meeting request');
  authorizeAnswer(await participantIdOf(db, event.id, caller.principal.userId), request);
  assertBeforeDeadline(event.settings, now);
  if (request.status !== 'pending') throw new AppError('conflict', 'The request is answered already');
  await withActor(db, caller.actor, (tx) =>
    tx
      .update(meetingRequests)
      .set({ status: data.answer === 'accept' ? 'accepted' : 'declined', answeredAt: now })
      .where(and(eq(meetingRequests.id, requestId), eq(meetingRequests.status, 'pending'))),
  );
}
