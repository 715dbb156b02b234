import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  meetingUpperBound,
  type Placement,
  type Schedule,
  type SchedulingProblem,
  schedule,
} from './scheduler.ts';

/** Random events: up to 12 participants, 6 slots, 4 tables, any availability and requests. */
const problems = fc
  .record({
    people: fc.integer({ min: 2, max: 12 }),
    slotCount: fc.integer({ min: 1, max: 6 }),
    tableCount: fc.integer({ min: 1, max: 4 }),
    capPerParticipant: fc.integer({ min: 1, max: 6 }),
  })
  .chain(({ people, slotCount, tableCount, capPerParticipant }) =>
    fc.record({
      slotCount: fc.constant(slotCount),
      tableCount: fc.constant(tableCount),
      capPerParticipant: fc.constant(capPerParticipant),
      availability: fc.array(fc.subarray(Array.from({ length: slotCount }, (_, s) => s)), {
        minLength: people,
        maxLength: people,
      }),
      pairs: fc.uniqueArray(
        fc
          .tuple(fc.integer({ min: 0, max: people - 1 }), fc.integer({ min: 0, max: people - 1 }))
          .filter(([a, b]) => a < b),
        { selector: ([a, b]) => `${a}-${b}`, maxLength: 30 },
      ),
    }),
  )
  .map(
    ({ slotCount, tableCount, capPerParticipant, availability, pairs }): SchedulingProblem => ({
      slotCount,
      tableCount,
      capPerParticipant,
      availability: new Map(availability.map((slots, p) => [`p${p}`, slots])),
      meetings: pairs.map(([a, b], i) => ({ id: `m${i}`, a: `p${a}`, b: `p${b}` })),
    }),
  );

/** Every rule a schedule must keep, checked from the placements alone. */
function expectValid(problem: SchedulingProblem, result: Schedule): void {
  const byId = new Map(problem.meetings.map((m) => [m.id, m]));
  const participantSlot = new Set<string>();
  const tableSlot = new Set<string>();
  const perParticipant = new Map<string, number>();
  for (const p of result.placements) {
    const meeting = byId.get(p.meetingId);
    expect(meeting).toBeDefined();
    if (!meeting) return;
    expect(p.table).toBeGreaterThanOrEqual(0);
    expect(p.table).toBeLessThan(problem.tableCount);
    for (const who of [meeting.a, meeting.b]) {
      expect(problem.availability.get(who)).toContain(p.slot);
      expect(participantSlot.has(`${who}@${p.slot}`)).toBe(false);
      participantSlot.add(`${who}@${p.slot}`);
      perParticipant.set(who, (perParticipant.get(who) ?? 0) + 1);
    }
    expect(tableSlot.has(`${p.table}@${p.slot}`)).toBe(false);
    tableSlot.add(`${p.table}@${p.slot}`);
  }
  for (const n of perParticipant.values()) expect(n).toBeLessThanOrEqual(problem.capPerParticipant);
  const placedIds = new Set(result.placements.map((p) => p.meetingId));
  expect(placedIds.size).toBe(result.placements.length);
  expect(result.unplaced.sort()).toEqual(
    problem.meetings
      .map((m) => m.id)
      .filter((id) => !placedIds.has(id))
      .sort(),
  );
}

describe('the matchmaking scheduler', () => {
  it('never double-books a participant or a table, keeps to availability and the cap, and never beats the upper bound', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const result = schedule(problem);
        expectValid(problem, result);
        expect(result.placements.length).toBeLessThanOrEqual(meetingUpperBound(problem));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps confirmed meetings in their slot and table on a re-run with new requests', () => {
    fc.assert(
      fc.property(problems, fc.integer({ min: 0, max: 1000 }), (problem, cut) => {
        const earlier = {
          ...problem,
          meetings: problem.meetings.slice(0, cut % (problem.meetings.length + 1)),
        };
        const confirmed = schedule(earlier).placements;
        const rerun = schedule({ ...problem, kept: confirmed });
        expectValid(problem, rerun);
        const after = new Map(rerun.placements.map((p) => [p.meetingId, p]));
        for (const p of confirmed) expect(after.get(p.meetingId)).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });

  it('may move confirmed meetings when asked to reschedule everything', () => {
    const problem: SchedulingProblem = {
      slotCount: 2,
      tableCount: 1,
      capPerParticipant: 2,
      availability: new Map([
        ['anna', [0, 1]],
        ['bo', [0, 1]],
        ['carl', [0]],
      ]),
      meetings: [
        { id: 'anna-bo', a: 'anna', b: 'bo' },
        { id: 'anna-carl', a: 'anna', b: 'carl' },
      ],
    };
    const kept: Placement[] = [{ meetingId: 'anna-bo', slot: 0, table: 0 }];
    // Kept in slot 0, anna-bo leaves carl's only slot taken: one meeting.
    expect(schedule({ ...problem, kept }).placements).toEqual(kept);
    // Rescheduled, anna-bo moves to slot 1 and carl meets anna in slot 0.
    expect(schedule({ ...problem, kept, rescheduleAll: true }).placements).toEqual([
      { meetingId: 'anna-carl', slot: 0, table: 0 },
      { meetingId: 'anna-bo', slot: 1, table: 0 },
    ]);
  });

  it('places the meeting with fewer possible slots first, so both fit', () => {
    // Both anna's meetings could go in slot 0, but carl is only free in slot 0.
    const result = schedule({
      slotCount: 2,
      tableCount: 5,
      capPerParticipant: 5,
      availability: new Map([
        ['anna', [0, 1]],
        ['bo', [0, 1]],
        ['carl', [0]],
      ]),
      meetings: [
        { id: 'anna-bo', a: 'anna', b: 'bo' },
        { id: 'anna-carl', a: 'anna', b: 'carl' },
      ],
    });
    expect(result.unplaced).toEqual([]);
    expect(result.placements.find((p) => p.meetingId === 'anna-carl')?.slot).toBe(0);
  });

  it('moves a placed meeting to make room for one the greedy pass could not place', () => {
    // All four meetings have two possible slots, so they go in input order to the least loaded
    // slot: a-b in 0, c-d in 1; then a-c and b-d have no common free slot until a-b moves to 1.
    const everyone = (...names: string[]) => new Map(names.map((n) => [n, [0, 1]]));
    const result = schedule({
      slotCount: 2,
      tableCount: 2,
      capPerParticipant: 2,
      availability: everyone('a', 'b', 'c', 'd'),
      meetings: [
        { id: 'a-b', a: 'a', b: 'b' },
        { id: 'c-d', a: 'c', b: 'd' },
        { id: 'a-c', a: 'a', b: 'c' },
        { id: 'b-d', a: 'b', b: 'd' },
      ],
    });
    expect(result.unplaced).toEqual([]);
    expect(result.placements).toHaveLength(4);
  });
});
