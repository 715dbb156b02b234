/**
 * The organiser switches matchmaking on for an event and sets its slots, tables, cap and request
 * deadline. Slots are fixed once someone has registered (their availability is per slot); the
 * tables, cap and deadline may change later.
 */
import { and, asc, count, eq, gte } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db } from '../../db/client.ts';
import {
  matchmakingEvents,
  matchmakingMeetings,
  matchmakingParticipants,
  matchmakingSlots,
} from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { danishTimeToInstant, instantToDanishTime } from '../content/time.ts';
import { AppError, parseInput } from '../errors.ts';
import { findEvent } from './event.ts';
import { authorizeOrganiser } from './policy.ts';
import { setupInput } from './schemas.ts';

const invalid = (field: string, message: string) =>
  new AppError('validation', 'Invalid input', [{ field, message }]);

/** The slots as instants: `slotCount` back-to-back slots from `firstSlot` on the event's day. */
function slotTimes(eventStart: Date, firstSlot: string, minutes: number, slotCount: number) {
  const first = danishTimeToInstant(instantToDanishTime(eventStart).date, firstSlot);
  if (!first) throw invalid('firstSlot', 'time');
  return Array.from({ length: slotCount }, (_, i) => ({
    startsAt: new Date(first.getTime() + i * minutes * 60_000),
    endsAt: new Date(first.getTime() + (i + 1) * minutes * 60_000),
  }));
}

export async function setUpMatchmaking(db: Db, caller: Caller, slug: string, input: unknown, now: Date) {
  const event = await findEvent(db, caller.principal, slug, now);
  authorizeOrganiser(caller.principal, event);
  const data = parseInput(setupInput, input);
  const deadline = danishTimeToInstant(data.deadline, data.deadlineTime);
  if (!deadline) throw invalid('deadline', 'date');
  if (deadline > event.endsAt) throw invalid('deadline', 'deadlineAfterEvent');
  const slots = slotTimes(event.startsAt, data.firstSlot, data.slotMinutes, data.slotCount);
  const settings = {
    tables: data.tables,
    meetingsPerParticipant: data.meetingsPerParticipant,
    requestDeadline: deadline,
  };
  await withActor(db, caller.actor, async (tx) => {
    await tx
      .insert(matchmakingEvents)
      .values({ eventId: event.id, ...settings })
      .onConflictDoUpdate({ target: matchmakingEvents.eventId, set: settings });
    const [beyond] = await tx
      .select({ n: count() })
      .from(matchmakingMeetings)
      .innerJoin(matchmakingSlots, eq(matchmakingSlots.id, matchmakingMeetings.slotId))
      .where(
        and(eq(matchmakingSlots.eventId, event.id), gte(matchmakingMeetings.tableNumber, data.tables.length)),
      );
    if ((beyond?.n ?? 0) > 0) throw invalid('tables', 'tablesInUse');
    const existing = await tx
      .select({ startsAt: matchmakingSlots.startsAt, endsAt: matchmakingSlots.endsAt })
      .from(matchmakingSlots)
      .where(eq(matchmakingSlots.eventId, event.id))
      .orderBy(asc(matchmakingSlots.startsAt));
    const same =
      existing.length === slots.length &&
      existing.every(
        (s, i) =>
          s.startsAt.getTime() === slots[i]?.startsAt.getTime() &&
          s.endsAt.getTime() === slots[i]?.endsAt.getTime(),
      );
    if (same) return;
    const [registered] = await tx
      .select({ n: count() })
      .from(matchmakingParticipants)
      .where(eq(matchmakingParticipants.eventId, event.id));
    if ((registered?.n ?? 0) > 0) throw invalid('firstSlot', 'slotsFixed');
    await tx.delete(matchmakingSlots).where(eq(matchmakingSlots.eventId, event.id));
    await tx.insert(matchmakingSlots).values(slots.map((s) => ({ eventId: event.id, ...s })));
  });
}
