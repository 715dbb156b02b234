import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BORNHOLM_FRAME,
  interiorPoint,
  MUNICIPALITY_BORDERS,
  municipalityAnchor,
  municipalityOutline,
  OUTLINE_TOLERANCE,
  type Position,
  placeSeats,
  project,
  REGION_SHAPES,
  ringsToPath,
  SHADES,
  shadeOf,
  spreadAround,
  VIEWBOX,
} from './map.ts';

const AARHUS: Position = [10.2039, 56.1629];
const COPENHAGEN: Position = [12.5683, 55.6761];
const ODENSE: Position = [10.4024, 55.4038];
const AALBORG: Position = [9.9217, 57.0488];
const RØNNE: Position = [14.7069, 55.1009];

/** The rings of a path built by ringsToPath (M absolute, then relative l pairs) as absolute points. */
function pathRings(d: string): { x: number; y: number }[][] {
  return d
    .split('z')
    .filter(Boolean)
    .map((ring) => pathPoints(`${ring}z`));
}

/** Absolute points of a path built by ringsToPath (M absolute, then relative l pairs). */
function pathPoints(d: string): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (const ring of d.split('z').filter(Boolean)) {
    const [move = '', line = ''] = ring.slice(1).split('l');
    const start = move.match(/-?\d*\.?\d+/g)?.map(Number) ?? [];
    let x = start[0] ?? Number.NaN;
    let y = start[1] ?? Number.NaN;
    points.push({ x, y });
    const deltas = line.match(/-?\d*\.?\d+/g)?.map(Number) ?? [];
    for (let i = 0; i + 1 < deltas.length; i += 2) {
      x += deltas[i] as number;
      y += deltas[i + 1] as number;
      points.push({ x, y });
    }
  }
  return points;
}

const inside = (p: { x: number; y: number }) =>
  p.x >= 0 && p.x <= VIEWBOX.width && p.y >= 0 && p.y <= VIEWBOX.height;

type XY = { x: number; y: number };
type Outline = XY[][][];

/**
 * The real outlines from the reference files, projected: each feature's polygons, each an outer
 * ring and its holes. Read here rather than taken from map.ts, so a wrong outline there shows.
 */
function outlines(file: string): Map<number, Outline> {
  const text = readFileSync(new URL(`../../reference/${file}`, import.meta.url), 'utf8');
  const { features } = JSON.parse(text) as {
    features: {
      properties: { code: string };
      geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
    }[];
  };
  return new Map(
    features.map((f) => {
      const polygons = (
        f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
      ) as Position[][][];
      return [Number(f.properties.code), polygons.map((polygon) => polygon.map((ring) => ring.map(project)))];
    }),
  );
}

/** Ray casting: a point is inside a ring when a ray from it crosses the ring's edges an odd number of times. */
function inRing(p: XY, ring: XY[]): boolean {
  let crossings = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as XY;
    const b = ring[(i + 1) % ring.length] as XY;
    if (a.y > p.y !== b.y > p.y && p.x < a.x + ((p.y - a.y) / (b.y - a.y)) * (b.x - a.x)) crossings++;
  }
  return crossings % 2 === 1;
}

/** Inside one of the polygons' outer rings and none of its holes. */
const within = (p: XY, outline: Outline) =>
  outline.some(([outer = [], ...holes]) => inRing(p, outer) && !holes.some((hole) => inRing(p, hole)));

const MUNICIPALITIES = outlines('municipalities.geojson');
const outlineOf = (code: number) => MUNICIPALITIES.get(code) as Outline;

describe('projection', () => {
  it('keeps east-west and north-south order of Danish cities', () => {
    expect(project(COPENHAGEN).x).toBeGreaterThan(project(AARHUS).x);
    expect(project(COPENHAGEN).x).toBeGreaterThan(project(ODENSE).x);
    // North is up: Aalborg above Aarhus above Copenhagen above Odense.
    expect(project(AALBORG).y).toBeLessThan(project(AARHUS).y);
    expect(project(AARHUS).y).toBeLessThan(project(COPENHAGEN).y);
    expect(project(COPENHAGEN).y).toBeLessThan(project(ODENSE).y);
  });

  it('scales longitude by cos 56° so distances keep their proportions', () => {
    const a = project([10, 56]);
    const east = project([11, 56]);
    const north = project([10, 57]);
    expect((east.x - a.x) / (a.y - north.y)).toBeCloseTo(Math.cos((56 * Math.PI) / 180), 6);
  });

  it('puts Bornholm into its inset north-east of Zealand, inside the view box', () => {
    const rønne = project(RØNNE);
    expect(inside(rønne)).toBe(true);
    expect(rønne.y).toBeLessThan(project(COPENHAGEN).y);
    const f = BORNHOLM_FRAME;
    expect(rønne.x).toBeGreaterThan(f.x);
    expect(rønne.x).toBeLessThan(f.x + f.width);
    expect(rønne.y).toBeGreaterThan(f.y);
    expect(rønne.y).toBeLessThan(f.y + f.height);
    expect(f.x + f.width).toBeLessThanOrEqual(VIEWBOX.width);
  });
});

const REGIONS = outlines('regions.geojson');

describe('path building', () => {
  it('draws all 5 regions with non-empty paths inside the view box', () => {
    expect(REGION_SHAPES.map((r) => r.code)).toEqual([1081, 1082, 1083, 1084, 1085]);
    for (const region of REGION_SHAPES) {
      expect(region.d).toMatch(/^M[\d.]+ [\d.]+l/);
      const points = pathPoints(region.d);
      expect(points.length).toBeGreaterThan(100);
      // Relative steps accumulate rounding; half a unit is still well inside the margin.
      for (const p of points) expect(inside(p), `${region.code} ${p.x},${p.y}`).toBe(true);
      expect(within(region.label, REGIONS.get(region.code) as Outline), `label of ${region.code}`).toBe(true);
    }
  });

  it('includes Bornholm in the capital region', () => {
    const hovedstaden = REGION_SHAPES.find((r) => r.code === 1084);
    const f = BORNHOLM_FRAME;
    const inFrame = pathPoints(hovedstaden?.d ?? '').filter(
      (p) => p.x > f.x && p.x < f.x + f.width && p.y > f.y && p.y < f.y + f.height,
    );
    expect(inFrame.length).toBeGreaterThan(20);
  });

  it('rounds to one decimal and draws relative steps', () => {
    const d = ringsToPath([
      [
        [10, 56],
        [10.0001, 56.0001],
        [10.1, 56],
        [10.1, 56.1],
        [10, 56],
      ],
    ]);
    expect(d).toMatch(/^M\d+(\.\d)? \d+(\.\d)?l[^M]*z$/);
    expect(d).not.toMatch(/\d\.\d\d/);
    // The second point rounds onto the first and the closing point repeats it: both dropped.
    expect(pathPoints(d)).toHaveLength(3);
  });

  it('skips rings that collapse to fewer than three points', () => {
    expect(
      ringsToPath([
        [
          [10, 56],
          [10.00001, 56.00001],
          [10, 56],
        ],
      ]),
    ).toBe('');
  });

  it('keeps both layers of the map under 75 KB of path data', () => {
    const bytes = REGION_SHAPES.reduce((n, r) => n + r.d.length, 0) + MUNICIPALITY_BORDERS.length;
    // The reference outlines drawn unsimplified took 94.5 KB.
    expect(bytes).toBeLessThan(75_000);
    expect(MUNICIPALITY_BORDERS.split('M').length - 1).toBeGreaterThanOrEqual(98);
  });
});

/** The reference outlines of the municipalities, read here rather than through the module. */
const referenceMunicipalities = (
  JSON.parse(readFileSync(new URL('../../reference/municipalities.geojson', import.meta.url), 'utf8')) as {
    features: {
      properties: { code: string };
      geometry: { type: string; coordinates: Position[][] | Position[][][] };
    }[];
  }
).features.map((f) => ({
  code: Number(f.properties.code),
  rings: (f.geometry.type === 'Polygon'
    ? [f.geometry.coordinates]
    : f.geometry.coordinates
  ).flat() as Position[][],
}));

function distanceToRing(p: { x: number; y: number }, ring: { x: number; y: number }[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as { x: number; y: number };
    const b = ring[(i + 1) % ring.length] as { x: number; y: number };
    const [dx, dy] = [b.x - a.x, b.y - a.y];
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy));
  }
  return best;
}

/** Even-odd rule over all rings: inside the outline, holes excluded. */
function insideRings(p: { x: number; y: number }, rings: { x: number; y: number }[][]): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [a, b] = [ring[i] as { x: number; y: number }, ring[j] as { x: number; y: number }];
      if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
    }
  return inside;
}

describe('outline simplification', () => {
  it('strays from no reference vertex by more than the tolerance and the rounding', () => {
    let far = 0;
    let checked = 0;
    for (const { code, rings } of referenceMunicipalities) {
      const drawn = pathRings(municipalityOutline(code) ?? '');
      for (const ring of rings)
        for (const position of ring) {
          checked++;
          // Rounding to tenths moves a drawn point by up to 0.05 on each axis.
          if (Math.min(...drawn.map((r) => distanceToRing(project(position), r))) > OUTLINE_TOLERANCE + 0.08)
            far++;
        }
    }
    expect(checked).toBeGreaterThan(9000);
    expect(far).toBe(0);
  });

  it('keeps every seat inside its own municipality as drawn', () => {
    for (const { code } of referenceMunicipalities) {
      const anchor = municipalityAnchor(code);
      expect(anchor, String(code)).toBeDefined();
      if (anchor)
        expect(insideRings(anchor, pathRings(municipalityOutline(code) ?? '')), String(code)).toBe(true);
    }
  });

  it('draws region outlines on the municipality borders, so neighbours still meet', () => {
    const at = (p: { x: number; y: number }) => `${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
    const borderPoints = new Set(pathPoints(MUNICIPALITY_BORDERS).map(at));
    for (const region of REGION_SHAPES) {
      const off = pathPoints(region.d).filter((p) => !borderPoints.has(at(p)));
      expect(off, String(region.code)).toEqual([]);
    }
  });
});

describe('seat anchors', () => {
  it('puts the anchor of each of the 98 municipalities inside its own outline, Bornholm included', () => {
    expect(MUNICIPALITIES.size).toBe(98);
    for (const [code, outline] of MUNICIPALITIES) {
      const anchor = municipalityAnchor(code);
      if (!anchor) throw new Error(`no anchor for ${code}`);
      expect(within(anchor, outline), String(code)).toBe(true);
    }
    expect(municipalityAnchor(411)).toBeUndefined();
  });

  it('tells a point outside an outline from one inside', () => {
    const copenhagen = municipalityAnchor(101) as XY;
    expect(within(copenhagen, outlineOf(101))).toBe(true);
    // Frederiksberg lies in a hole of Copenhagen's outline: inside the outer ring, yet outside.
    const frederiksberg = municipalityAnchor(147) as XY;
    expect(within(frederiksberg, outlineOf(147))).toBe(true);
    expect(within(frederiksberg, outlineOf(101))).toBe(false);
    expect(within(copenhagen, outlineOf(751))).toBe(false); // Aarhus
    expect(within(project([11.0, 56.6]), outlineOf(751))).toBe(false); // the Kattegat east of Aarhus
  });

  it('finds a point inside a bent shape where the centroid would fall outside', () => {
    // A U: the centroid lies in the notch.
    const u = [
      [
        { x: 0, y: 0 },
        { x: 3, y: 0 },
        { x: 3, y: 3 },
        { x: 2, y: 3 },
        { x: 2, y: 1 },
        { x: 1, y: 1 },
        { x: 1, y: 3 },
        { x: 0, y: 3 },
      ],
    ];
    const p = interiorPoint(u);
    expect(within(p, [u])).toBe(true);
    expect(within({ x: 1.5, y: 2 }, [u])).toBe(false); // the notch itself
  });

  it('spreads clusters sharing a municipality without overlapping dots', () => {
    const points = spreadAround({ x: 100, y: 100 }, 6);
    expect(points[0]).toEqual({ x: 100, y: 100 });
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++) {
        const [a, b] = [points[i], points[j]] as [{ x: number; y: number }, { x: number; y: number }];
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(6);
      }
  });
});

describe('seat placement', () => {
  it('keeps every seat inside its municipality, up to six clusters in even the smallest', () => {
    for (const [code, outline] of MUNICIPALITIES)
      for (let count = 1; count <= 6; count++) {
        const placed = placeSeats(Array.from({ length: count }, (_, i) => ({ municipalityCode: code, i })));
        expect(placed).toHaveLength(count);
        for (const { at } of placed)
          expect(within(at, outline), `${code}: ${count} seats, ${at.x},${at.y}`).toBe(true);
        expect(new Set(placed.map(({ at }) => `${at.x},${at.y}`)).size, `${code}: ${count} seats`).toBe(
          count,
        );
      }
  });

  it('gives every seat its own dot and leaves out unknown municipalities', () => {
    const seats = [101, 101, 101, 400, 999].map((municipalityCode, i) => ({ municipalityCode, i }));
    const placed = placeSeats(seats);
    expect(placed.map((p) => p.seat.i)).toEqual([0, 1, 2, 3]);
    const copenhagen = placed.slice(0, 3).map((p) => `${p.at.x},${p.at.y}`);
    expect(new Set(copenhagen).size).toBe(3);
    expect(placed[3]?.at).toEqual(municipalityAnchor(400));
  });
});

describe('shades', () => {
  it('darkens with the number of seats and starts at zero', () => {
    expect(shadeOf(0)).toBe(SHADES[0].fill);
    expect(shadeOf(1)).toBe(SHADES[1].fill);
    expect(shadeOf(2)).toBe(SHADES[1].fill);
    expect(shadeOf(100)).toBe(SHADES[SHADES.length - 1]?.fill);
  });
});
