import { BORNHOLM_FRAME, MUNICIPALITY_BORDERS, REGION_SHAPES } from '../../domain/landscape/map.ts';

type RegionCode = (typeof REGION_SHAPES)[number]['code'];

/**
 * The five regions shaded by a figure each, with the figure written on the region and Bornholm
 * in its framed inset: the drawing shared by the landscape map and the performance account's
 * regional map. Goes inside an <svg> with the map's viewBox, title and description.
 */
export function RegionShapes({
  fill,
  label,
  bornholm,
}: {
  fill: (code: RegionCode) => string;
  label: (code: RegionCode) => string;
  bornholm: string;
}) {
  const f = BORNHOLM_FRAME;
  return (
    <>
      {REGION_SHAPES.map((r) => (
        <path d={r.d} fill={fill(r.code)} stroke="#454545" stroke-width="1" />
      ))}
      <path d={MUNICIPALITY_BORDERS} fill="none" stroke="#ffffff" stroke-width="0.5" />
      <rect
        x={f.x}
        y={f.y}
        width={f.width}
        height={f.height}
        fill="none"
        stroke="#707070"
        stroke-dasharray="3 2"
      />
      <text x={f.x + f.width / 2} y={f.y + f.height + 14} text-anchor="middle" class="landscape-inset-label">
        {bornholm}
      </text>
      {REGION_SHAPES.map((r) => (
        <text
          x={r.label.x}
          y={r.label.y}
          text-anchor="middle"
          dominant-baseline="central"
          class="landscape-region-count"
        >
          {label(r.code)}
        </text>
      ))}
    </>
  );
}
