/**
 * Taking part: a signed-in user registers for an event's matchmaking with a short profile and
 * the slots they are free in, asks other participants for meetings, and accepts or declines the
 * requests sent to them. Requests are sent and answered until the deadline; unanswered ones
 * expire then. The sender may withdraw a pending request until the deadline; either side may
 * cancel an accepted meeting until it starts, which frees its table.
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
import { authorizeAnswer, authorizeCancel, authorizeParticipant } from './policy.ts';
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
    const [existing] = await tx
      .select({ id: meetingRequests.id, status: meetingRequests.status })
      .from(meetingRequests)
      .where(pair);
    if (existing && existing.status !== 'withdrawn')
      throw new AppError('conflict', 'A request between the two exists already');
    if (existing) {
      // A withdrawn request may be sent again, by either side: the pair keeps one row.
      await tx
        .update(meetingRequests)
        .set({
          fromParticipantId: from,
          toParticipantId: to.id,
          message: data.message,
          status: 'pending',
          sentAt: now,
          answeredAt: null,
          closedAt: null,
        })
        .where(eq(meetingRequests.id, existing.id));
      return existing.id;
    }
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

/**
 * The invited participant accepts or declines a pending request before the deadline; returns the
 * answer and the sender, who is told.
 */
export async function answerRequest(
  db: Db,
  caller: Caller,
  slug: string,
  requestId: string,
  input: unknown,
  now: Date,
): Promise<{ change: 'accepted' | 'declined'; otherParticipantId: string }> {
  authorizeParticipant(caller.principal);
  const event = await findMatchmakingEvent(db, caller.principal, slug, now);
  const data = parseInput(answerInput, input);
  if (!isUuid(requestId)) throw notFound('Meeting request');
  const [request] = await db
    .select({
      fromParticipantId: meetingRequests.fromParticipantId,
      toParticipantId: meetingRequests.toParticipantId,
      status: meetingRequests.status,
    })
    .from(meetingRequests)
    .where(and(eq(meetingRequests.id, requestId), eq(meetingRequests.eventId, event.id)));
  if (!request) throw notFound('Meeting request');
  authorizeAnswer(await participantIdOf(db, event.id, caller.principal.userId), request);
  assertBeforeDeadline(event.settings, now);
  if (request.status !== 'pending') throw new AppError('conflict', 'The request is answered already');
  const change = data.answer === 'accept' ? 'accepted' : 'declined';
  await withActor(db, caller.actor, (tx) =>
    tx
      .update(meetingRequests)
      .set({ status: change, answeredAt: now })
      .where(and(eq(meetingRequests.id, requestId), eq(meetingRequests.status, 'pending'))),
  );
  return { change, otherParticipantId: request.fromParticipantId };
}

/** What a cancellation did, for the e-mail to the other side. */
export interface RequestClosed {
  change: 'withdrawn' | 'cancelled';
  /** The participant who is told. */
  otherParticipantId: string;
}

/**
 * Withdraws the caller's pending request, or cancels an accepted meeting of theirs (either side):
 * a placed meeting is removed from the schedule, so its slot and table are free again.
 */
export async function cancelRequest(
  db: Db,
  caller: Caller,
  slug: string,
  requestId: string,
  now: Date,
): Promise<RequestClosed> {
  authorizeParticipant(caller.principal);
  const event = await findMatchmakingEvent(db, caller.principal, slug, now);
  if (!isUuid(requestId)) throw notFound('Meeting request');
  const [request] = await db
    .select({
      fromParticipantId: meetingRequests.fromParticipantId,
      toParticipantId: meetingRequests.toParticipantId,
      status: meetingRequests.status,
      startsAt: matchmakingSlots.startsAt,
    })
    .from(meetingRequests)
    .leftJoin(matchmakingMeetings, eq(matchmakingMeetings.requestId, meetingRequests.id))
    .leftJoin(matchmakingSlots, eq(matchmakingSlots.id, matchmakingMeetings.slotId))
    .where(and(eq(meetingRequests.id, requestId), eq(meetingRequests.eventId, event.id)));
  if (!request) throw notFound('Meeting request');
  const me = await participantIdOf(db, event.id, caller.principal.userId);
  authorizeCancel(me, request);
  const otherParticipantId =
    me === request.fromParticipantId ? request.toParticipantId : request.fromParticipantId;
  let change: RequestClosed['change'];
  if (request.status === 'pending' && me === request.fromParticipantId) {
    assertBeforeDeadline(event.settings, now);
    change = 'withdrawn';
  } else if (request.status === 'accepted') {
    if (now >= (request.startsAt ?? event.endsAt)) throw new AppError('conflict', 'The meeting has begun');
    change = 'cancelled';
  } else {
    throw new AppError('conflict', 'The request cannot be withdrawn or cancelled now');
  }
  await withActor(db, caller.actor, async (tx) => {
    const closed = await tx
      .update(meetingRequests)
      .set({ status: change, closedAt: now })
      .where(and(eq(meetingRequests.id, requestId), eq(meetingRequests.status, request.status)))
      .returning({ id: meetingRequests.id });
    if (closed.length === 0) throw new AppError('conflict', 'The request changed meanwhile');
    await tx.delete(matchmakingMeetings).where(eq(matchmakingMeetings.requestId, requestId));
  });
  return { change, otherParticipantId };
}
