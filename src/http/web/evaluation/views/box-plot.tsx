import type { Distribution } from '../../../../domain/evaluation/benchmark.ts';

/** Width and height of the drawing in user units; it scales to the column width. */
const W = 600;
const H = 84;
const PAD = 24;
const MID = 34;

export interface BoxPlotProps {
  id: string;
  title: string;
  /** Read out instead of the drawing: the same numbers as text. */
  description: string;
  dist: Distribution;
  /** Every cluster's value (anonymous). */
  values: readonly number[];
  own?: { label: string; value: number } | undefined;
  /** Formats an axis value. */
  format: (n: number) => string;
}

/**
 * A server-rendered box plot with one dot per cluster: an image for assistive technology
 * (role="img", named by its title and description), drawn with presentation attributes only,
 * so the strict CSP (no inline styles) holds. The highlighted cluster is a labelled diamond,
 * not only a colour.
 */
export function BoxPlot(p: BoxPlotProps) {
  const lo = Math.min(0, p.dist.min);
  const hi = p.dist.max > lo ? p.dist.max : lo + 1;
  const x = (v: number) => PAD + ((v - lo) / (hi - lo)) * (W - 2 * PAD);
  const { q1, median, q3, min, max } = p.dist;
  const titleId = `${p.id}-title`;
  const descId = `${p.id}-desc`;
  const own = p.own;
  const ownX = own ? x(own.value) : 0;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      class="benchmark-plot"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={titleId}>{p.title}</title>
      <desc id={descId}>{p.description}</desc>
      <line x1={PAD} x2={W - PAD} y1={H - 14} y2={H - 14} stroke="#747474" stroke-width="1" />
      <text x={PAD} y={H - 1} font-size="12" fill="#1a1a1a" text-anchor="start">
        {p.format(lo)}
      </text>
      <text x={W - PAD} y={H - 1} font-size="12" fill="#1a1a1a" text-anchor="end">
        {p.format(hi)}
      </text>
      <line x1={x(min)} x2={x(max)} y1={MID} y2={MID} stroke="#1a1a1a" stroke-width="2" />
      <line x1={x(min)} x2={x(min)} y1={MID - 8} y2={MID + 8} stroke="#1a1a1a" stroke-width="2" />
      <line x1={x(max)} x2={x(max)} y1={MID - 8} y2={MID + 8} stroke="#1a1a1a" stroke-width="2" />
      <rect
        x={x(q1)}
        y={MID - 14}
        width={Math.max(1, x(q3) - x(q1))}
        height="28"
        fill="#dce8f5"
        stroke="#1a1a1a"
        stroke-width="1.5"
      />
      <line x1={x(median)} x2={x(median)} y1={MID - 14} y2={MID + 14} stroke="#1a1a1a" stroke-width="4" />
      {p.values.map((v) => (
        <circle cx={x(v)} cy={H - 24} r="4" fill="#ffffff" stroke="#454545" stroke-width="1.5" />
      ))}
      {own && (
        <>
          <path
            d={`M ${ownX} ${MID - 12} L ${ownX + 9} ${MID} L ${ownX} ${MID + 12} L ${ownX - 9} ${MID} Z`}
            fill="#b51d09"
            stroke="#ffffff"
            stroke-width="1.5"
          />
          <text
            x={Math.min(Math.max(ownX, PAD + 30), W - PAD - 30)}
            y="12"
            font-size="12"
            font-weight="bold"
            fill="#1a1a1a"
            text-anchor="middle"
          >
            {own.label}
          </text>
        </>
      )}
    </svg>
  );
}
