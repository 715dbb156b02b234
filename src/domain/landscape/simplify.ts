/**
 * Outline simplification for the overview map (Douglas–Peucker on the projected points): a
 * vertex stays only where leaving it out would move the outline by more than the tolerance, in
 * map units. Borders shared by two outlines are simplified the same way in both, so neighbours
 * still meet and the municipality borders still lie on the region outlines: vertices where the
 * set of municipalities an outline point belongs to changes (where a border begins, ends or three
 * municipalities meet) always stay, and each stretch between two of them is simplified on its
 * own, which gives the same points whichever outline it is read from and in which direction.
 */

export type Position = readonly [lon: number, lat: number];
export interface Point {
  x: number;
  y: number;
}

const keyOf = ([lon, lat]: Position) => `${lon} ${lat}`;

/** Distance from p to the segment a–b (to a itself when a and b coincide). */
function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Marks in `keep` the points between from and to that the stretch needs within the tolerance. */
function keepBetween(points: readonly Point[], from: number, to: number, tolerance: number, keep: boolean[]) {
  const stack: [number, number][] = [[from, to]];
  for (let span = stack.pop(); span; span = stack.pop()) {
    const [a, b] = span;
    let farthest = -1;
    let distance = tolerance;
    for (let i = a + 1; i < b; i++) {
      const d = distanceToSegment(points[i] as Point, points[a] as Point, points[b] as Point);
      if (d > distance) [farthest, distance] = [i, d];
    }
    if (farthest < 0) continue;
    keep[farthest] = true;
    stack.push([a, farthest], [farthest, b]);
  }
}

/**
 * A ring smaller than the tolerance (an islet) still gets three points, each farthest from those
 * already kept: it is drawn as the speck it was, not left out.
 */
function asTriangle(points: readonly Point[], keep: boolean[], ring: readonly Position[]): Position[] {
  const chosen = points.map((_, i) => i).filter((i) => keep[i]);
  while (chosen.length < 3) {
    const [a = 0, b = a] = chosen;
    let next = -1;
    let distance = -1;
    points.forEach((p, i) => {
      const d = chosen.includes(i) ? -1 : distanceToSegment(p, points[a] as Point, points[b] as Point);
      if (d > distance) [next, distance] = [i, d];
    });
    chosen.push(next);
  }
  return ring.filter((_, i) => chosen.includes(i));
}

export interface OutlineSimplifier {
  /** The ring with only the vertices the drawing needs (a subset of its own, in order, open). */
  simplify(ring: readonly Position[]): Position[];
}

/**
 * A simplifier for rings made of the vertices of `parts` (each part: the rings of one
 * municipality) and of unions of them (the regions).
 */
export function outlineSimplifier(
  parts: readonly (readonly (readonly Position[])[])[],
  project: (p: Position) => Point,
  tolerance: number,
): OutlineSimplifier {
  const owners = new Map<string, Set<number>>();
  parts.forEach((rings, part) => {
    for (const ring of rings)
      for (const position of ring) {
        const key = keyOf(position);
        const set = owners.get(key) ?? new Set<number>();
        set.add(part);
        owners.set(key, set);
      }
  });
  const ownersOf = (p: Position) => [...(owners.get(keyOf(p)) ?? [])].sort((a, b) => a - b).join();

  return {
    simplify(closed) {
      const last = closed.at(-1);
      const repeatsFirst = last && closed.length > 1 && keyOf(last) === keyOf(closed[0] as Position);
      const ring = repeatsFirst ? closed.slice(0, -1) : [...closed];
      const n = ring.length;
      if (n < 4) return ring;
      const owner = ring.map(ownersOf);
      const fixed = ring
        .map((_, i) => i)
        .filter((i) => owner[i] !== owner[(i + n - 1) % n] || owner[i] !== owner[(i + 1) % n]);
      // A ring of one owner only (an island) starts at its least vertex: the same point in every
      // outline that holds it.
      const least = ring.reduce((best, p, i) => (keyOf(p) < keyOf(ring[best] as Position) ? i : best), 0);
      const start = fixed[0] ?? least;
      const rotated = [...ring.slice(start), ...ring.slice(0, start)];
      const points = [...rotated, rotated[0] as Position].map(project);
      const keep = points.map(() => false);
      const stops = [...(fixed.length ? fixed.map((i) => (i - start + n) % n) : [0]), n];
      for (const i of stops) keep[i] = true;
      for (let k = 0; k + 1 < stops.length; k++)
        keepBetween(points, stops[k] as number, stops[k + 1] as number, tolerance, keep);
      const kept = rotated.filter((_, i) => keep[i]);
      return kept.length >= 3 ? kept : asTriangle(points.slice(0, n), keep, rotated);
    },
  };
}
