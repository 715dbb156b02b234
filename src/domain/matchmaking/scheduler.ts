/**
 * The matchmaking scheduler: places accepted meetings into (slot, table) pairs. Pure code, no
 * database. Rules: a meeting only in a slot both participants are available in; one meeting per
 * participant per slot; one meeting per table per slot; at most `capPerParticipant` meetings per
 * participant. Aim: as many meetings as possible, then the higher-priority ones.
 *
 * Tables are interchangeable, so the hard part is choosing slots (an edge-colouring with
 * availability and a per-slot capacity); tables are numbered within each slot at the end.
 * Method: greedy by scarcity (the meetings with the fewest common free slots first), then
 * improvement within a time budget: an unplaced meeting is placed by moving the meetings that
 * block its slot (a participant's meeting, or any meeting of a full slot) to other slots, through
 * chains of such moves up to a small depth. Kept placements (already confirmed) never move.
 */

export interface MeetingToPlace {
  id: string;
  /** The two participants. */
  a: string;
  b: string;
  /** Higher is placed first among equally constrained meetings. */
  priority?: number;
}

export interface Placement {
  meetingId: string;
  /** 0-based slot and table indices. */
  slot: number;
  table: number;
}

export interface SchedulingProblem {
  slotCount: number;
  tableCount: number;
  capPerParticipant: number;
  /** The slots each participant is available in; a participant not listed is never available. */
  availability: ReadonlyMap<string, readonly number[]>;
  meetings: readonly MeetingToPlace[];
  /** Placements to keep where they are (confirmed meetings), unless `rescheduleAll`. */
  kept?: readonly Placement[];
  rescheduleAll?: boolean;
  /** Time for the improvement phase; the greedy phase always completes. */
  timeBudgetMs?: number;
}

export interface Schedule {
  placements: Placement[];
  /** Meetings that could not be placed, in input order. */
  unplaced: string[];
}

const DEFAULT_BUDGET_MS = 1500;
/** How many meetings one chain of moves may shift to free a slot. */
const MAX_CHAIN = 2;

/** Mutable state of one scheduling run, indexed by participant, slot and meeting numbers. */
class Board {
  readonly slotCount: number;
  readonly tableCount: number;
  readonly cap: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly available: Uint8Array;
  /** busy[p * slotCount + s] = the meeting p has in slot s, or -1. */
  readonly busy: Int32Array;
  readonly meetingCount: Int32Array;
  readonly slotOf: Int32Array;
  readonly fixed: Uint8Array;
  readonly bySlot: Set<number>[];
  /** Moves made since the last mark, to undo a failed chain. */
  private journal: [meeting: number, from: number][] = [];
  /** When the improvement phase must stop, in the clock's milliseconds. */
  deadline = Number.POSITIVE_INFINITY;
  clock: () => number = () => 0;

  constructor(problem: SchedulingProblem, participantIndex: Map<string, number>) {
    this.slotCount = problem.slotCount;
    this.tableCount = problem.tableCount;
    this.cap = problem.capPerParticipant;
    const people = participantIndex.size;
    const meetings = problem.meetings.length;
    this.a = new Int32Array(meetings);
    this.b = new Int32Array(meetings);
    this.available = new Uint8Array(people * this.slotCount);
    this.busy = new Int32Array(people * this.slotCount).fill(-1);
    this.meetingCount = new Int32Array(people);
    this.slotOf = new Int32Array(meetings).fill(-1);
    this.fixed = new Uint8Array(meetings);
    this.bySlot = Array.from({ length: this.slotCount }, () => new Set<number>());
    problem.meetings.forEach((m, i) => {
      this.a[i] = participantIndex.get(m.a) ?? -1;
      this.b[i] = participantIndex.get(m.b) ?? -1;
    });
    for (const [participant, slots] of problem.availability) {
      const p = participantIndex.get(participant);
      if (p === undefined) continue;
      for (const s of slots)
        if (Number.isInteger(s) && s >= 0 && s < this.slotCount) this.available[p * this.slotCount + s] = 1;
    }
  }

  /** May meeting m sit in slot s, ignoring the meetings listed in `leaving`? */
  fits(m: number, s: number, leaving: readonly number[] = []): boolean {
    const { a, b } = { a: this.a[m] as number, b: this.b[m] as number };
    if (a < 0 || b < 0 || a === b) return false;
    const ia = a * this.slotCount + s;
    const ib = b * this.slotCount + s;
    if (!this.available[ia] || !this.available[ib]) return false;
    const busyA = this.busy[ia] as number;
    const busyB = this.busy[ib] as number;
    if (busyA !== -1 && !leaving.includes(busyA)) return false;
    if (busyB !== -1 && !leaving.includes(busyB)) return false;
    let load = (this.bySlot[s] as Set<number>).size;
    for (const l of leaving) if (this.slotOf[l] === s) load--;
    return load < this.tableCount;
  }

  hasRoom(m: number): boolean {
    const a = this.a[m] as number;
    const b = this.b[m] as number;
    return (
      a >= 0 &&
      b >= 0 &&
      (this.meetingCount[a] as number) < this.cap &&
      (this.meetingCount[b] as number) < this.cap
    );
  }

  commonSlots(m: number): number {
    let n = 0;
    for (let s = 0; s < this.slotCount; s++) if (this.fits(m, s)) n++;
    return n;
  }

  place(m: number, s: number): void {
    const a = this.a[m] as number;
    const b = this.b[m] as number;
    this.busy[a * this.slotCount + s] = m;
    this.busy[b * this.slotCount + s] = m;
    this.meetingCount[a] = (this.meetingCount[a] as number) + 1;
    this.meetingCount[b] = (this.meetingCount[b] as number) + 1;
    this.slotOf[m] = s;
    (this.bySlot[s] as Set<number>).add(m);
  }

  remove(m: number): void {
    const s = this.slotOf[m] as number;
    const a = this.a[m] as number;
    const b = this.b[m] as number;
    this.busy[a * this.slotCount + s] = -1;
    this.busy[b * this.slotCount + s] = -1;
    this.meetingCount[a] = (this.meetingCount[a] as number) - 1;
    this.meetingCount[b] = (this.meetingCount[b] as number) - 1;
    this.slotOf[m] = -1;
    (this.bySlot[s] as Set<number>).delete(m);
  }

  move(m: number, to: number): void {
    this.journal.push([m, this.slotOf[m] as number]);
    this.remove(m);
    this.place(m, to);
  }

  mark(): number {
    return this.journal.length;
  }

  undoTo(mark: number): void {
    while (this.journal.length > mark) {
      const [m, from] = this.journal.pop() as [number, number];
      this.remove(m);
      this.place(m, from);
    }
  }

  forget(): void {
    this.journal = [];
  }

  /** The free slot with the fewest meetings, so that slots fill evenly. */
  leastLoadedSlot(m: number): number {
    let best = -1;
    for (let s = 0; s < this.slotCount; s++) {
      if (!this.fits(m, s)) continue;
      if (best === -1 || (this.bySlot[s] as Set<number>).size < (this.bySlot[best] as Set<number>).size)
        best = s;
    }
    return best;
  }

  /**
   * Moves movable meeting m out of slot `avoid` to another slot, itself shifting up to `depth`
   * more meetings that block it. Leaves the board changed only on success.
   */
  relocate(m: number, avoid: Set<number>, depth: number): boolean {
    if (this.fixed[m] || this.clock() >= this.deadline) return false;
    for (let s = 0; s < this.slotCount; s++) {
      if (avoid.has(s)) continue;
      if (this.fits(m, s, [m])) {
        this.move(m, s);
        return true;
      }
    }
    if (depth === 0) return false;
    for (let s = 0; s < this.slotCount; s++) {
      if (avoid.has(s) || s === this.slotOf[m]) continue;
      const mark = this.mark();
      avoid.add(s);
      const ok = this.clearFor(m, s, avoid, depth - 1) && this.fits(m, s, [m]);
      avoid.delete(s);
      if (ok) {
        this.move(m, s);
        return true;
      }
      this.undoTo(mark);
    }
    return false;
  }

  /** Frees slot s for meeting m by relocating the meetings in the way. */
  clearFor(m: number, s: number, avoid: Set<number>, depth: number): boolean {
    const a = this.a[m] as number;
    const b = this.b[m] as number;
    if (!this.available[a * this.slotCount + s] || !this.available[b * this.slotCount + s]) return false;
    for (const p of [a, b]) {
      const blocker = this.busy[p * this.slotCount + s] as number;
      if (blocker !== -1 && blocker !== m && !this.relocate(blocker, avoid, depth)) return false;
    }
    const slot = this.bySlot[s] as Set<number>;
    const full = slot.size - (this.slotOf[m] === s ? 1 : 0) >= this.tableCount;
    if (!full) return true;
    // A full slot: move any one of its meetings straight to a slot with a free table (no chain:
    // trying a chain for each of a slot's meetings costs too much for what it gains).
    for (const other of slot) {
      if (other !== m && this.relocate(other, avoid, 0)) return true;
    }
    return false;
  }

  /** Tries to place unplaced meeting m by chains of moves; true if placed. */
  insert(m: number): boolean {
    if (!this.hasRoom(m)) return false;
    const direct = this.leastLoadedSlot(m);
    if (direct !== -1) {
      this.place(m, direct);
      return true;
    }
    for (let depth = 0; depth < MAX_CHAIN; depth++) {
      for (let s = 0; s < this.slotCount; s++) {
        const mark = this.mark();
        if (this.clearFor(m, s, new Set([s]), depth) && this.fits(m, s)) {
          this.place(m, s);
          this.forget();
          return true;
        }
        this.undoTo(mark);
      }
    }
    return false;
  }
}

function indexParticipants(problem: SchedulingProblem): Map<string, number> {
  const index = new Map<string, number>();
  const add = (p: string) => {
    if (!index.has(p)) index.set(p, index.size);
  };
  for (const p of problem.availability.keys()) add(p);
  for (const m of problem.meetings) {
    add(m.a);
    add(m.b);
  }
  return index;
}

/** Places the kept placements that are still valid; returns their tables by meeting number. */
function placeKept(
  board: Board,
  problem: SchedulingProblem,
  meetingIndex: Map<string, number>,
): Map<number, number> {
  const tables = new Map<number, number>();
  if (problem.rescheduleAll) return tables;
  const tablesTaken = new Set<string>();
  for (const k of problem.kept ?? []) {
    const m = meetingIndex.get(k.meetingId);
    if (m === undefined || board.slotOf[m] !== -1) continue;
    const tableKey = `${k.slot}:${k.table}`;
    const validTable =
      Number.isInteger(k.table) && k.table >= 0 && k.table < board.tableCount && !tablesTaken.has(tableKey);
    if (
      !validTable ||
      !(k.slot >= 0 && k.slot < board.slotCount) ||
      !board.hasRoom(m) ||
      !board.fits(m, k.slot)
    )
      continue;
    board.place(m, k.slot);
    board.fixed[m] = 1;
    tablesTaken.add(tableKey);
    tables.set(m, k.table);
  }
  return tables;
}

/** Numbers the tables: kept meetings keep theirs, the others take the lowest free ones. */
function assignTables(
  board: Board,
  problem: SchedulingProblem,
  keptTables: Map<number, number>,
): Placement[] {
  const placements: Placement[] = [];
  for (let s = 0; s < board.slotCount; s++) {
    const taken = new Set<number>();
    for (const m of board.bySlot[s] as Set<number>) {
      const t = keptTables.get(m);
      if (t !== undefined) taken.add(t);
    }
    let next = 0;
    const inSlot = [...(board.bySlot[s] as Set<number>)].sort((x, y) => x - y);
    for (const m of inSlot) {
      let table = keptTables.get(m);
      if (table === undefined) {
        while (taken.has(next)) next++;
        table = next;
        taken.add(next);
      }
      placements.push({ meetingId: (problem.meetings[m] as MeetingToPlace).id, slot: s, table });
    }
  }
  return placements;
}

export function schedule(problem: SchedulingProblem, now: () => number = () => performance.now()): Schedule {
  const started = now();
  const budget = problem.timeBudgetMs ?? DEFAULT_BUDGET_MS;
  const participantIndex = indexParticipants(problem);
  const meetingIndex = new Map(problem.meetings.map((m, i) => [m.id, i]));
  const board = new Board(problem, participantIndex);
  board.clock = now;
  board.deadline = started + budget;
  const keptTables = placeKept(board, problem, meetingIndex);

  // Greedy by scarcity: fewest common free slots first, then higher priority, then input order.
  const open = problem.meetings.map((_, i) => i).filter((m) => board.slotOf[m] === -1);
  const scarcity = new Int32Array(problem.meetings.length);
  for (const m of open) scarcity[m] = board.commonSlots(m);
  const priority = (m: number) => (problem.meetings[m] as MeetingToPlace).priority ?? 0;
  open.sort(
    (x, y) => (scarcity[x] as number) - (scarcity[y] as number) || priority(y) - priority(x) || x - y,
  );
  const unplaced: number[] = [];
  for (const m of open) {
    const s = board.hasRoom(m) ? board.leastLoadedSlot(m) : -1;
    if (s === -1) unplaced.push(m);
    else board.place(m, s);
  }

  // Improvement: place what the greedy phase left by moving what stands in the way, until a pass
  // places nothing more or the time is up.
  let remaining = unplaced;
  let improved = true;
  const tablesInAllSlots = board.slotCount * board.tableCount;
  const full = () => problem.meetings.length - remaining.length >= tablesInAllSlots;
  while (improved && remaining.length > 0 && !full() && now() - started < budget) {
    improved = false;
    const still: number[] = [];
    for (const m of remaining) {
      if (now() - started >= budget || !board.insert(m)) still.push(m);
      else improved = true;
    }
    remaining = still;
  }

  const placements = assignTables(board, problem, keptTables);
  const unplacedIds = problem.meetings.filter((_, i) => board.slotOf[i] === -1).map((m) => m.id);
  return { placements, unplaced: unplacedIds };
}

function freeSlots(problem: SchedulingProblem, participant: string): Set<number> {
  return new Set(
    (problem.availability.get(participant) ?? []).filter(
      (s) => Number.isInteger(s) && s >= 0 && s < problem.slotCount,
    ),
  );
}

/**
 * An upper bound on the meetings any schedule can place: no more than the requests, than the
 * tables in all slots, or than half the meetings the participants could each attend (each
 * bounded by their requests, free slots and the cap).
 */
export function meetingUpperBound(problem: SchedulingProblem): number {
  return boundOver(problem, problem.meetings, problem.slotCount * problem.tableCount);
}

/**
 * A tighter upper bound, as valid: only the requests whose two sides share a free slot count, and
 * each slot holds at most its tables or half the participants free in it.
 */
export function feasibleMeetingUpperBound(problem: SchedulingProblem): number {
  const free = new Map<string, Set<number>>();
  const freeOf = (p: string) => free.get(p) ?? (free.set(p, freeSlots(problem, p)).get(p) as Set<number>);
  const feasible = problem.meetings.filter(
    (m) => m.a !== m.b && [...freeOf(m.a)].some((s) => freeOf(m.b).has(s)),
  );
  const freeIn = new Array<number>(problem.slotCount).fill(0);
  for (const p of problem.availability.keys())
    for (const s of freeOf(p)) freeIn[s] = (freeIn[s] as number) + 1;
  const slotCapacity = freeIn.reduce((sum, n) => sum + Math.min(problem.tableCount, Math.floor(n / 2)), 0);
  return boundOver(problem, feasible, slotCapacity);
}

function boundOver(
  problem: SchedulingProblem,
  meetings: readonly MeetingToPlace[],
  slotCapacity: number,
): number {
  const requests = new Map<string, number>();
  for (const m of meetings) {
    requests.set(m.a, (requests.get(m.a) ?? 0) + 1);
    requests.set(m.b, (requests.get(m.b) ?? 0) + 1);
  }
  let attendable = 0;
  for (const [p, n] of requests)
    attendable += Math.min(n, freeSlots(problem, p).size, problem.capPerParticipant);
  return Math.min(meetings.length, slotCapacity, Math.floor(attendable / 2));
}
