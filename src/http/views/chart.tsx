import type { Child } from 'hono/jsx';
import { ScrollingTable } from './table.tsx';

/**
 * Small server-rendered SVG charts: no client script and no style attributes (strict CSP); the
 * look comes from classes in app.css and SVG presentation attributes. Each chart is an image
 * named by its <title> and <desc>; the numbers themselves are in the data table beside it
 * (ChartFigure), so nothing is told by the drawing alone. Series differ by dash pattern and
 * marker shape as well as colour.
 */
export interface Series {
  name: string;
  values: readonly (number | null)[];
}

const WIDTH = 480;
const HEIGHT = 220;
const PAD = { top: 16, right: 16, bottom: 32, left: 64 };
const DASHES = ['', '6 4', '2 3', '10 3 2 3'] as const;
const COLOURS = ['#003b78', '#b64f00', '#2b7a2e', '#6a3d9a'] as const;

/** A round upper bound for an axis: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

function Marker({ index, x, y, colour }: { index: number; x: number; y: number; colour: string }) {
  const r = 4;
  switch (index % 3) {
    case 0:
      return <circle cx={x} cy={y} r={r} fill={colour} />;
    case 1:
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={colour} />;
    default:
      return <path d={`M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z`} fill={colour} />;
  }
}

function Frame({ id, title, desc, children }: { id: string; title: string; desc: string; children: Child }) {
  return (
    <svg
      class="chart-svg"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {children}
    </svg>
  );
}

/**
 * Gridlines at round values for an axis from 0 to at least `max`: a step of 1, 2 or 5 times a
 * power of ten, the fewest gridlines up to six (0, 2, 4, 6, 8, 10 rather than 0, 2.5, 5, 7.5, 10,
 * which whole-number labels would show as 0, 3, 5, 8, 10). The last tick is the axis's top.
 */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const power = 10 ** Math.floor(Math.log10(max / 5));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => Math.ceil(max / s - 1e-9) <= 5) ?? 10 * power;
  const count = Math.max(1, Math.ceil(max / step - 1e-9));
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

function Axis({ ticks, format }: { ticks: readonly number[]; format: (n: number) => string }) {
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const top = ticks.at(-1) ?? 1;
  return (
    <g class="chart-axis">
      {ticks.map((t) => {
        const y = PAD.top + innerH * (1 - t / top);
        return (
          <>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} stroke="#d0d0d0" stroke-width="1" />
            <text x={PAD.left - 6} y={y} text-anchor="end" dominant-baseline="central" class="chart-tick">
              {format(t)}
            </text>
          </>
        );
      })}
    </g>
  );
}

/** Lines over categories (years), with an optional dashed reference line, e.g. a target. */
export function LineChart(p: {
  id: string;
  title: string;
  desc: string;
  categories: readonly string[];
  series: readonly Series[];
  reference?: { value: number; label: string } | undefined;
  format: (n: number) => string;
}) {
  const all = p.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(Math.max(0, ...all, p.reference?.value ?? 0));
  const max = ticks.at(-1) ?? 1;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const n = p.categories.length;
  const x = (i: number) => PAD.left + (n <= 1 ? innerW / 2 : (innerW * i) / (n - 1));
  const y = (v: number) => PAD.top + innerH * (1 - v / max);
  return (
    <Frame id={p.id} title={p.title} desc={p.desc}>
      <Axis ticks={ticks} format={p.format} />
      {p.categories.map((c, i) => (
        <text x={x(i)} y={HEIGHT - 10} text-anchor="middle" class="chart-tick">
          {c}
        </text>
      ))}
      {p.reference && (
        <g class="chart-reference">
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(p.reference.value)}
            y2={y(p.reference.value)}
            stroke="#454545"
            stroke-width="1.5"
            stroke-dasharray="4 4"
          />
          <text x={WIDTH - PAD.right} y={y(p.reference.value) - 6} text-anchor="end" class="chart-tick">
            {p.reference.label}
          </text>
        </g>
      )}
      {p.series.map((s, si) => {
        const colour = COLOURS[si % COLOURS.length] as string;
        const points = s.values
          .map((v, i) => (v === null ? null : { x: x(i), y: y(v) }))
          .filter((pt): pt is { x: number; y: number } => pt !== null);
        const d = points
          .map((pt, i) => `${i === 0 ? 'M' : 'L'}${pt.x.toFixed(1)} ${pt.y.toFixed(1)}`)
          .join('');
        return (
          <g>
            {points.length > 1 && (
              <path
                d={d}
                fill="none"
                stroke={colour}
                stroke-width="2.5"
                stroke-dasharray={DASHES[si % DASHES.length] || undefined}
              />
            )}
            {points.map((pt) => (
              <Marker index={si} x={pt.x} y={pt.y} colour={colour} />
            ))}
          </g>
        );
      })}
    </Frame>
  );
}

/** Drawing units per letter of a 12px tick label, generously: labels must not be cut off. */
const LETTER = 6.8;

/**
 * A bar's label in at most two lines of `maxChars` letters, broken between words; a second line
 * that is still too long ends in an ellipsis (the data table beside the chart has it in full).
 */
export function labelLines(label: string, maxChars: number): string[] {
  if (label.length <= maxChars) return [label];
  const words = label.split(' ');
  let first = '';
  while (words.length > 0 && `${first} ${words[0]}`.trim().length <= maxChars)
    first = `${first} ${words.shift()}`.trim();
  if (!first) return [`${label.slice(0, maxChars - 1)}…`];
  const rest = words.join(' ');
  return [first, rest.length <= maxChars ? rest : `${rest.slice(0, maxChars - 1)}…`];
}

/** Horizontal bars, one per category, each with its value written at its end. */
export function BarChart(p: {
  id: string;
  title: string;
  desc: string;
  bars: readonly { label: string; value: number }[];
  format: (n: number) => string;
}) {
  const max = niceMax(Math.max(0, ...p.bars.map((b) => b.value)));
  const longest = Math.max(0, ...p.bars.map((b) => b.label.length));
  // Room for the longest label, up to about 26 letters a line; longer ones take two lines.
  const left = Math.round(Math.min(190, Math.max(60, longest * LETTER + 10)));
  const maxChars = Math.floor((left - 10) / LETTER);
  const row = 32;
  const height = Math.max(HEIGHT, p.bars.length * row + 16);
  const innerW = WIDTH - left - 72;
  return (
    <svg
      class="chart-svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${p.id}-title ${p.id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.desc}</desc>
      {p.bars.map((b, i) => {
        const y = 8 + i * row;
        const w = (innerW * b.value) / max;
        const lines = labelLines(b.label, maxChars);
        const middle = y + (row - 8) / 2;
        return (
          <g>
            <text x={left - 8} y={middle} text-anchor="end" dominant-baseline="central" class="chart-tick">
              {lines.length === 1 ? (
                lines[0]
              ) : (
                <>
                  <tspan x={left - 8} dy="-0.55em">
                    {lines[0]}
                  </tspan>
                  <tspan x={left - 8} dy="1.1em">
                    {lines[1]}
                  </tspan>
                </>
              )}
            </text>
            <rect x={left} y={y} width={Math.max(w, 1)} height={row - 8} fill={COLOURS[0]} />
            <text x={left + w + 6} y={middle} dominant-baseline="central" class="chart-tick">
              {p.format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A line's legend: the dash and marker of each series next to its name. */
export function Legend({ series }: { series: readonly Series[] }) {
  return (
    <ul class="chart-legend">
      {series.map((s, si) => {
        const colour = COLOURS[si % COLOURS.length] as string;
        return (
          <li>
            <svg width="36" height="12" aria-hidden="true" focusable="false">
              <line
                x1="0"
                x2="36"
                y1="6"
                y2="6"
                stroke={colour}
                stroke-width="2.5"
                stroke-dasharray={DASHES[si % DASHES.length] || undefined}
              />
              <Marker index={si} x={18} y={6} colour={colour} />
            </svg>{' '}
            {s.name}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A chart with its caption and the data table beside it: the table carries the same numbers
 * for screen readers, for copying, and when the drawing cannot be seen.
 */
export function ChartFigure(p: {
  id: string;
  caption: string;
  chart: Child;
  legend?: Child;
  table: { head: readonly string[]; rows: readonly (readonly string[])[] };
}) {
  return (
    <figure class="chart" aria-labelledby={`${p.id}-caption`}>
      <figcaption id={`${p.id}-caption`} class="chart-caption">
        {p.caption}
      </figcaption>
      <div class="chart-body">
        <div class="chart-drawing">
          {p.chart}
          {p.legend}
        </div>
        <ScrollingTable label={p.caption} class="chart-data">
          <table class="table table--compact">
            <caption class="sr-only">{p.caption}</caption>
            <thead>
              <tr>
                {p.table.head.map((h) => (
                  <th scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.table.rows.map(([first, ...rest]) => (
                <tr>
                  <th scope="row">{first}</th>
                  {rest.map((v) => (
                    <td class="results-number">{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      </div>
    </figure>
  );
}
