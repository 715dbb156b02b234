/**
 * Matchmaking scheduler benchmark (`npm run bench:matchmaking`): generated b2match-like events
 * (1,000 participants, 20 slots, 150 tables, 10,000 accepted meeting requests whose targets follow
 * a skewed popularity), once with everyone available all day and once where availability binds
 * (each participant free in one block of 4 to 8 slots). Prints, per instance, the meetings the
 * scheduler places, the upper bound (src/domain/matchmaking/scheduler.ts: meetingUpperBound), two
 * tighter valid bounds (feasibleMeetingUpperBound, and the per-slot matching bound below), a
 * first-fit greedy baseline run on the same instance, and the time of each. Where availability
 * binds, the bound counts meetings no schedule can hold: the matching bound shows how many.
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
import { FlowNetwork } from './max-flow.ts';

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

/**
 * A tighter valid bound: in each slot at most the tables, and at most a maximum matching of the
 * requests whose two sides are both free then. That matching is bounded from above by half a
 * maximum flow in the bipartite double cover (each participant once on the left and once on the
 * right, capacity 1, each request as an edge both ways), so the sum over slots bounds any schedule.
 */
function slotMatchingBound(problem: SchedulingProblem): number {
  const people = [...problem.availability.keys()];
  const index = new Map(people.map((p, i) => [p, i]));
  const free = people.map((p) => new Set(problem.availability.get(p)));
  const n = people.length;
  let total = 0;
  for (let slot = 0; slot < problem.slotCount; slot++) {
    const network = new FlowNetwork(2 * n + 2);
    const [source, sink] = [2 * n, 2 * n + 1];
    for (let i = 0; i < n; i++) {
      if (!free[i]?.has(slot)) continue;
      network.addEdge(source, i, 1);
      network.addEdge(n + i, sink, 1);
    }
    for (const m of problem.meetings) {
      const [a, b] = [index.get(m.a), index.get(m.b)];
      if (a === undefined || b === undefined || !free[a]?.has(slot) || !free[b]?.has(slot)) continue;
      network.addEdge(a, n + b, 1);
      network.addEdge(b, n + a, 1);
    }
    total += Math.min(problem.tableCount, Math.floor(network.maxFlow(source, sink) / 2));
  }
  return total;
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
  const matchingBound = Math.min(feasibleBound, slotMatchingBound(problem));
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
    'matching bound': matchingBound,
    'of matching': `${((100 * placed) / matchingBound).toFixed(1)} %`,
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
