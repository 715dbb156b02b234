/**
 * The overview map of Denmark as SVG path strings, built once at module load from the reference
 * outlines (WGS84). An equirectangular projection is enough at this scale: longitudes are scaled
 * by cos(56°) so Denmark keeps its shape. Bornholm is moved into an inset north-east of Zealand,
 * as on most maps of Denmark, so the map is not mostly Baltic Sea. The outlines are simplified to
 * the scale they are drawn at (see OUTLINE_TOLERANCE).
 */
import { readFileSync } from 'node:fs';
import { outlineSimplifier, type Point, type Position } from './simplify.ts';

export type { Point, Position };

type Ring = readonly Position[];
type Polygon = readonly Ring[];

interface Feature {
  properties: Record<string, string>;
  geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] };
}

function readFeatures(file: string): Feature[] {
  const text = readFileSync(new URL(`../../reference/${file}`, import.meta.url), 'utf8');
  return (JSON.parse(text) as { features: Feature[] }).features;
}

const polygonsOf = (f: Feature): readonly Polygon[] =>
  f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;

const X_SCALE = Math.cos((56 * Math.PI) / 180);
/** Only Bornholm lies east of 14°E (the rest of Denmark ends at 12.8°E). */
const BORNHOLM_WEST = 14;
/** Where the inset goes: the empty Kattegat north of Zealand, clear of Anholt and Læsø. */
const BORNHOLM_SHIFT: Position = [-2.4, 2.2];
const MAP_WIDTH = 480;
const MARGIN = 10;

const inset = ([lon, lat]: Position): Position =>
  lon > BORNHOLM_WEST ? [lon + BORNHOLM_SHIFT[0], lat + BORNHOLM_SHIFT[1]] : [lon, lat];

const regionFeatures = readFeatures('regions.geojson');
const municipalityFeatures = readFeatures('municipalities.geojson');

const bounds = (() => {
  let [west, east, south, north] = [180, -180, 90, -90];
  for (const f of regionFeatures)
    for (const polygon of polygonsOf(f))
      for (const position of polygon[0] ?? []) {
        const [lon, lat] = inset(position);
        [west, east, south, north] = [
          Math.min(west, lon),
          Math.max(east, lon),
          Math.min(south, lat),
          Math.max(north, lat),
        ];
      }
  return { west, east, south, north };
})();

const unitsPerDegree = (MAP_WIDTH - 2 * MARGIN) / ((bounds.east - bounds.west) * X_SCALE);

export const VIEWBOX = {
  width: MAP_WIDTH,
  height: Math.ceil((bounds.north - bounds.south) * unitsPerDegree + 2 * MARGIN),
} as const;

/** Projects a WGS84 position (Bornholm into its inset) to SVG user units, y pointing down. */
export function project(position: Position): Point {
  const [lon, lat] = inset(position);
  return {
    x: MARGIN + (lon - bounds.west) * X_SCALE * unitsPerDegree,
    y: MARGIN + (bounds.north - lat) * unitsPerDegree,
  };
}

/** A number of tenths as SVG path text without a leading zero ('.5', '-1.2', '3'). */
function tenths(n: number): string {
  const text = (n / 10).toString();
  return text.replace(/^(-?)0\./, '$1.');
}

/**
 * Rings as path data at 0.1-unit precision: absolute moveto, then relative linetos, which roughly
 * halves the markup. Points that round onto their predecessor are dropped.
 */
export function ringsToPath(rings: readonly Ring[]): string {
  const parts: string[] = [];
  for (const ring of rings) {
    const points: [number, number][] = [];
    for (const position of ring) {
      const p = project(position);
      const q: [number, number] = [Math.round(p.x * 10), Math.round(p.y * 10)];
      const last = points[points.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) points.push(q);
    }
    const first = points[0];
    if (first && points.length > 1 && points.at(-1)?.join() === first.join()) points.pop();
    if (!first || points.length < 3) continue;
    let d = `M${tenths(first[0])} ${tenths(first[1])}l`;
    for (let i = 1; i < points.length; i++) {
      const [x, y] = points[i] as [number, number];
      const [px, py] = points[i - 1] as [number, number];
      for (const v of [tenths(x - px), tenths(y - py)])
        d += d.endsWith('l') || v.startsWith('-') ? v : ` ${v}`;
    }
    parts.push(`${d}z`);
  }
  return parts.join('');
}

function ringArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [a, b] = [ring[j] as Point, ring[i] as Point];
    sum += a.x * b.y - b.x * a.y;
  }
  return sum / 2;
}

/**
 * A point inside a polygon for a label or a seat: the middle of the widest inside stretch of
 * the horizontal line through the centroid's height. A plain centroid can fall outside a bent
 * municipality (or into the sea between islands); this cannot.
 */
export function interiorPoint(polygon: readonly (readonly Point[])[]): Point {
  const outer = polygon[0] ?? [];
  const area = ringArea(outer);
  let cy = 0;
  for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
    const [a, b] = [outer[j] as Point, outer[i] as Point];
    cy += (a.y + b.y) * (a.x * b.y - b.x * a.y);
  }
  const y = area === 0 ? (outer[0]?.y ?? 0) : cy / (6 * area);
  const xs: number[] = [];
  for (const ring of polygon)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [a, b] = [ring[j] as Point, ring[i] as Point];
      if (a.y > y !== b.y > y) xs.push(a.x + ((y - a.y) * (b.x - a.x)) / (b.y - a.y));
    }
  xs.sort((a, b) => a - b);
  let best = { x: outer[0]?.x ?? 0, width: -1 };
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const [from, to] = [xs[i] as number, xs[i + 1] as number];
    if (to - from > best.width) best = { x: (from + to) / 2, width: to - from };
  }
  return { x: best.x, y };
}

/** The interior point of a feature's largest polygon. */
function anchorOf(feature: Feature): Point {
  const projected = polygonsOf(feature).map((polygon) => polygon.map((ring) => ring.map(project)));
  const largest = projected.reduce((a, b) =>
    Math.abs(ringArea(b[0] ?? [])) > Math.abs(ringArea(a[0] ?? [])) ? b : a,
  );
  return interiorPoint(largest);
}

const round1 = (p: Point): Point => ({ x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 });

export interface RegionShape {
  code: number;
  /** Path data of the region's outline. */
  d: string;
  /** Where the region's number goes. */
  label: Point;
}

/**
 * Label anchors that the interior-point rule puts under the Copenhagen seats (Hovedstaden) or
 * in a thin strip; chosen by eye in WGS84.
 */
const LABEL_AT: Record<number, Position> = { 1084: [12.22, 56.0], 1085: [11.65, 55.45] };

/**
 * How far a simplified outline may stray from the reference one, in map units. The map is drawn
 * at most 560 CSS pixels wide (.landscape-svg) for its 480 units, so this is at most 0.6 of a
 * pixel; on a phone less. The paths take a quarter less than the reference outlines drawn whole.
 */
export const OUTLINE_TOLERANCE = 0.5;

const simplifier = outlineSimplifier(
  municipalityFeatures.map((f) => polygonsOf(f).flat()),
  project,
  OUTLINE_TOLERANCE,
);

/** A feature's outline as path data, simplified. */
const outlineOf = (f: Feature) => ringsToPath(polygonsOf(f).flat().map(simplifier.simplify));

export const REGION_SHAPES: readonly RegionShape[] = regionFeatures
  .map((f) => {
    const code = Number(f.properties.code);
    const fixed = LABEL_AT[code];
    return {
      code,
      d: outlineOf(f),
      label: round1(fixed ? project(fixed) : anchorOf(f)),
    };
  })
  .sort((a, b) => a.code - b.code);

const MUNICIPALITY_OUTLINES: ReadonlyMap<number, string> = new Map(
  municipalityFeatures.map((f) => [Number(f.properties.code), outlineOf(f)]),
);

/** A municipality's outline as path data: what the map draws of it. */
export function municipalityOutline(code: number): string | undefined {
  return MUNICIPALITY_OUTLINES.get(code);
}

/** All municipality outlines as one path: drawn as thin borders over the region fills. */
export const MUNICIPALITY_BORDERS: string = [...MUNICIPALITY_OUTLINES.values()].join('');

const MUNICIPALITY_ANCHORS: ReadonlyMap<number, Point> = new Map(
  municipalityFeatures.map((f) => [Number(f.properties.code), round1(anchorOf(f))]),
);

type Outline = readonly (readonly (readonly Point[])[])[];

/** Each municipality's polygons in SVG units, as in the reference (not simplified): where its seats may go. */
const MUNICIPALITY_POLYGONS: ReadonlyMap<number, Outline> = new Map(
  municipalityFeatures.map((f) => [
    Number(f.properties.code),
    polygonsOf(f).map((polygon) => polygon.map((ring) => ring.map(project))),
  ]),
);

export function municipalityAnchor(code: number): Point | undefined {
  return MUNICIPALITY_ANCHORS.get(code);
}

/** The frame drawn around the Bornholm inset. */
export const BORNHOLM_FRAME = (() => {
  const bornholm = municipalityFeatures.find((f) => f.properties.code === '400');
  const points = bornholm ? polygonsOf(bornholm).flatMap((p) => (p[0] ?? []).map(project)) : [];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const pad = 6;
  const x = Math.floor(Math.min(...xs) - pad);
  const y = Math.floor(Math.min(...ys) - pad);
  return { x, y, width: Math.ceil(Math.max(...xs) + pad) - x, height: Math.ceil(Math.max(...ys) + pad) - y };
})();

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Positions of several seats in one municipality: a sunflower spiral around its anchor, so
 * dots of clusters sharing a town sit side by side instead of on top of each other.
 */
export function spreadAround(anchor: Point, count: number, spacing = 7): Point[] {
  return Array.from({ length: count }, (_, i) => {
    const r = spacing * Math.sqrt(i);
    return round1({
      x: anchor.x + r * Math.cos(i * GOLDEN_ANGLE),
      y: anchor.y + r * Math.sin(i * GOLDEN_ANGLE),
    });
  });
}

/** Even-odd rule: whether a point lies inside a ring. */
function inRing(p: Point, ring: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [a, b] = [ring[i] as Point, ring[j] as Point];
    if (a.y > p.y !== b.y > p.y && p.x < a.x + ((p.y - a.y) * (b.x - a.x)) / (b.y - a.y)) inside = !inside;
  }
  return inside;
}

const inOutline = (p: Point, outline: Outline) =>
  outline.some(([outer = [], ...holes]) => inRing(p, outer) && !holes.some((hole) => inRing(p, hole)));

/**
 * `count` seat positions inside a municipality: the points of the spiral around its anchor that
 * fall inside its outline, the spiral drawn tighter where the municipality is too small for the
 * spacing (dots may then touch). A seat outside its municipality would put the cluster elsewhere.
 */
function seatsInside(outline: Outline, anchor: Point, count: number): Point[] {
  for (let spacing = 7; spacing >= 0.5; spacing /= 2) {
    const inside = spreadAround(anchor, count * 8, spacing).filter((p) => inOutline(p, outline));
    if (inside.length >= count) return inside.slice(0, count);
  }
  return Array.from({ length: count }, () => anchor);
}

/**
 * Where each seat's dot goes: at its municipality's anchor, spread out inside the municipality
 * when several clusters share it. Seats in unknown municipalities are left out.
 */
export function placeSeats<T extends { municipalityCode: number }>(
  seats: readonly T[],
): { seat: T; at: Point }[] {
  const byMunicipality = new Map<number, T[]>();
  for (const seat of seats) {
    const group = byMunicipality.get(seat.municipalityCode);
    if (group) group.push(seat);
    else byMunicipality.set(seat.municipalityCode, [seat]);
  }
  return [...byMunicipality].flatMap(([code, here]) => {
    const anchor = municipalityAnchor(code);
    const polygons = MUNICIPALITY_POLYGONS.get(code);
    if (!anchor || !polygons) return [];
    const points = seatsInside(polygons, anchor, here.length);
    return here.map((seat, i) => ({ seat, at: points[i] ?? anchor }));
  });
}

/** Fill shades for the number of cluster seats in a region, lightest for none. */
export const SHADES = [
  { from: 0, fill: '#f4f7fb' },
  { from: 1, fill: '#dce9f7' },
  { from: 3, fill: '#bcd5f0' },
  { from: 6, fill: '#94bce6' },
  { from: 10, fill: '#6fa3db' },
] as const;

export function shadeOf(count: number): string {
  let fill: string = SHADES[0].fill;
  for (const shade of SHADES) if (count >= shade.from) fill = shade.fill;
  return fill;
}
