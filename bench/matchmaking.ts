/**
 * Matchmaking scheduler benchmark (`npm run bench:matchmaking`): generated b2match-like events
 * (1,000 participants, 20 slots, 150 tables, 10,000 accepted meeting requests whose targets follow
 * a skewed popularity), once with everyone available all day and once where availability binds
 * (each participant free in one block of 4 to 8 slots). Prints, per instance, the meetings the
 * scheduler places, the upper bound (src/domain/matchmaking/scheduler.ts: meetingUpperBound), a
 * first-fit greedy baseline run on the same instance, and the time of each.
 * Goal: at least 98 % of the bound, above greedy, under 2 s for 10,000 requests.
 *
 * BENCH_PARTICIPANTS, BENCH_REQUESTS and BENCH_SEED override the size and the seed.
 */
import { createRandom, type Random } from '../src/domain/demo/random.ts';
import {
  feasibleMeetingUpperBound,
  type MeetingToPlace,
  meetingUpperBound,
  type SchedulingProblem,
  schedule,
} from '../src/domain/matchmaking/scheduler.ts';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const SEED = Number(process.env.BENCH_SEED ?? 21);
const SLOTS = 20;
const TABLES = 150;
const CAP = 15;

type Availability = (random: Random) => number[];

const ALL_DAY: Availability = () => Array.from({ length: SLOTS }, (_, s) => s);
/** One block of 4 to 8 consecutive slots (a participant who comes for the morning or an hour). */
const ONE_BLOCK: Availability = (random) => {
  const length = random.int(4, 8);
  const start = random.int(0, SLOTS - length);
  return Array.from({ length }, (_, i) => start + i);
};

/** Distinct accepted requests; the invited side is drawn with weight 1 / rank^0.8 (a few stars). */
function generate(availabilityOf: Availability, seed: number): SchedulingProblem {
  const random = createRandom(seed);
  const people = Array.from({ length: PARTICIPANTS }, (_, i) => `p${i}`);
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 0; rank < PARTICIPANTS; rank++) {
    total += 1 / (rank + 1) ** 0.8;
    cumulative.push(total);
  }
  const popular = (): number => {
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const seen = new Set<string>();
  const meetings: MeetingToPlace[] = [];
  while (meetings.length < REQUESTS) {
    const from = random.int(0, PARTICIPANTS - 1);
    const to = popular();
    const key = from < to ? `${from}-${to}` : `${to}-${from}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    meetings.push({ id: `m${meetings.length}`, a: `p${from}`, b: `p${to}`, priority: random.int(0, 2) });
  }
  const availability = new Map(people.map((p) => [p, availabilityOf(random)]));
  return { slotCount: SLOTS, tableCount: TABLES, capPerParticipant: CAP, availability, meetings };
}

/** The baseline: each meeting in input order into the first slot that fits, never moved again. */
function firstFit(problem: SchedulingProblem): number {
  const busy = new Set<string>();
  const load = new Array<number>(problem.slotCount).fill(0);
  const count = new Map<string, number>();
  let placed = 0;
  for (const m of problem.meetings) {
    if (
      (count.get(m.a) ?? 0) >= problem.capPerParticipant ||
      (count.get(m.b) ?? 0) >= problem.capPerParticipant
    ) {
      continue;
    }
    const freeA = new Set(problem.availability.get(m.a));
    const freeB = new Set(problem.availability.get(m.b));
    for (let s = 0; s < problem.slotCount; s++) {
      const fits =
        freeA.has(s) &&
        freeB.has(s) &&
        !busy.has(`${m.a}@${s}`) &&
        !busy.has(`${m.b}@${s}`) &&
        (load[s] as number) < problem.tableCount;
      if (!fits) continue;
      busy.add(`${m.a}@${s}`);
      busy.add(`${m.b}@${s}`);
      load[s] = (load[s] as number) + 1;
      count.set(m.a, (count.get(m.a) ?? 0) + 1);
      count.set(m.b, (count.get(m.b) ?? 0) + 1);
      placed++;
      break;
    }
  }
  return placed;
}

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

const instances: [string, Availability][] = [
  ['all available', ALL_DAY],
  ['availability binds', ONE_BLOCK],
];
const rows = instances.map(([name, availability], i) => {
  const problem = generate(availability, SEED + i);
  const bound = meetingUpperBound(problem);
  const feasibleBound = feasibleMeetingUpperBound(problem);
  const [result, ms] = timed(() => schedule(problem));
  const [greedy, greedyMs] = timed(() => firstFit(problem));
  const placed = result.placements.length;
  return {
    instance: name,
    requests: problem.meetings.length,
    bound,
    placed,
    'of bound': `${((100 * placed) / bound).toFixed(1)} %`,
    'feasible bound': feasibleBound,
    'of feasible': `${((100 * placed) / feasibleBound).toFixed(1)} %`,
    'time ms': Math.round(ms),
    greedy,
    'greedy of feasible': `${((100 * greedy) / feasibleBound).toFixed(1)} %`,
    'greedy ms': Math.round(greedyMs),
  };
});
console.log(
  `${PARTICIPANTS} participants, ${SLOTS} slots, ${TABLES} tables, cap ${CAP} meetings per participant`,
);
console.table(rows);
