/**
 * The organiser runs the scheduler (./scheduler.ts) over the accepted requests: placed meetings
 * are confirmed and stay where they are on a later run, unless the organiser asks to reschedule
 * everything. Returns the meetings that are new or moved, for the e-mail to both sides.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows, type Tx } from '../../db/client.ts';
import {
  matchmakingEvents,
  matchmakingMeetings,
  matchmakingSlots,
  meetingRequests,
} from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { parseInput } from '../errors.ts';
import { findMatchmakingEvent, type MatchmakingEvent, type MatchmakingSettings } from './event.ts';
import { authorizeOrganiser } from './policy.ts';
import { type Placement, type SchedulingProblem, schedule } from './scheduler.ts';
import { scheduleInput } from './schemas.ts';

export interface SchedulingResult {
  placed: number;
  unplaced: number;
  /** Request ids of the meetings placed or moved by this run. */
  changed: string[];
}

async function problemOf(
  tx: Tx,
  event: MatchmakingEvent & { settings: MatchmakingSettings },
  rescheduleAll: boolean,
) {
  const slots = await tx
    .select({ id: matchmakingSlots.id })
    .from(matchmakingSlots)
    .where(eq(matchmakingSlots.eventId, event.id))
    .orderBy(asc(matchmakingSlots.startsAt));
  const slotIndex = new Map(slots.map((s, i) => [s.id, i]));
  const availability = await queryRows<{ participantId: string; slotIds: string[] }>(
    tx,
    sql`select a.participant_id as "participantId", array_agg(a.slot_id::text) as "slotIds"
        from matchmaking_availability a join matchmaking_participants p on p.id = a.participant_id
        where p.event_id = ${event.id} group by a.participant_id`,
  );
  const accepted = await tx
    .select({
      id: meetingRequests.id,
      a: meetingRequests.fromParticipantId,
      b: meetingRequests.toParticipantId,
    })
    .from(meetingRequests)
    .where(and(eq(meetingRequests.eventId, event.id), eq(meetingRequests.status, 'accepted')))
    .orderBy(asc(meetingRequests.sentAt), asc(meetingRequests.id));
  const existing = await tx
    .select({
      meetingId: matchmakingMeetings.requestId,
      slotId: matchmakingMeetings.slotId,
      table: matchmakingMeetings.tableNumber,
    })
    .from(matchmakingMeetings)
    .innerJoin(matchmakingSlots, eq(matchmakingSlots.id, matchmakingMeetings.slotId))
    .where(eq(matchmakingSlots.eventId, event.id));
  const kept: Placement[] = existing.map((e) => ({
    meetingId: e.meetingId,
    slot: slotIndex.get(e.slotId) ?? -1,
    table: e.table,
  }));
  const problem: SchedulingProblem = {
    slotCount: slots.length,
    tableCount: event.settings.tables.length,
    capPerParticipant: event.settings.meetingsPerParticipant,
    availability: new Map(
      availability.map((a) => [a.participantId, a.slotIds.map((id) => slotIndex.get(id) ?? -1)]),
    ),
    meetings: accepted,
    kept,
    rescheduleAll,
  };
  return { problem, slots, kept };
}

export async function runScheduler(
  db: Db,
  caller: Caller,
  slug: string,
  input: unknown,
  now: Date,
): Promise<SchedulingResult> {
  const event = await findMatchmakingEvent(db, caller.principal, slug, now);
  authorizeOrganiser(caller.principal, event);
  const { rescheduleAll } = parseInput(scheduleInput, input);
  return withActor(db, caller.actor, async (tx) => {
    // One run at a time per event: a second organiser's click waits for the first to commit.
    await tx.execute(sql`select 1 from matchmaking_events where event_id = ${event.id} for update`);
    const { problem, slots, kept } = await problemOf(tx, event, rescheduleAll);
    const result = schedule(problem);
    const before = new Map(kept.map((k) => [k.meetingId, `${k.slot}:${k.table}`]));
    const changed = result.placements.filter((p) => before.get(p.meetingId) !== `${p.slot}:${p.table}`);
    const placedIds = new Set(result.placements.map((p) => p.meetingId));
    const gone = kept.filter(
      (k) => !placedIds.has(k.meetingId) || changed.some((c) => c.meetingId === k.meetingId),
    );
    if (gone.length > 0) {
      await tx.delete(matchmakingMeetings).where(
        inArray(
          matchmakingMeetings.requestId,
          gone.map((g) => g.meetingId),
        ),
      );
    }
    if (changed.length > 0) {
      await tx.insert(matchmakingMeetings).values(
        changed.map((p) => ({
          requestId: p.meetingId,
          slotId: (slots[p.slot] as { id: string }).id,
          tableNumber: p.table,
          placedAt: now,
        })),
      );
    }
    await tx
      .update(matchmakingEvents)
      .set({ lastScheduledAt: now })
      .where(eq(matchmakingEvents.eventId, event.id));
    return {
      placed: result.placements.length,
      unplaced: result.unplaced.length,
      changed: changed.map((c) => c.meetingId),
    };
  });
}
