import type { Hono } from 'hono';
import { THEMES, type Theme } from '../../../domain/catalogue/themes.ts';
import { placeSeats, SHADES, shadeOf, VIEWBOX } from '../../../domain/landscape/map.ts';
import {
  type ClusterSeat,
  clusterSeats,
  LEAGUES,
  type League,
  landscapeFilter,
  type MatrixCell,
  OVERLAP_FROM,
  type OverlapCell,
  overlappingClusters,
  type Region,
  type RegionSeats,
  seatsPerRegion,
  themeRegionMatrix,
} from '../../../domain/landscape/queries.ts';
import { type AppEnv, today } from '../../context.ts';
import { formatNumber } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { SelectField } from '../../views/forms.tsx';
import { RegionShapes } from '../../views/region-map.tsx';
import { ScrollingTable } from '../../views/table.tsx';
import { onPage } from '../routes.ts';
import { type LandscapeMessages, landscapeMessages } from './messages.ts';

interface View {
  t: LandscapeMessages;
  lang: Lang;
  league: League | undefined;
}

/** Matrix counts by 'theme|regionCode', 'theme|' for a theme's total. */
type Counts = ReadonlyMap<string, number>;

const regionName = (r: Region, lang: Lang) => (lang === 'da' ? r.name : r.nameEn);

function LeagueFilter({ v }: { v: View }) {
  const { t, lang, league } = v;
  return (
    <form method="get" action={href('landscape', lang)} class="landscape-filter">
      <SelectField
        name="liga"
        label={t.filter.league}
        placeholder={t.filter.allLeagues}
        value={league}
        options={LEAGUES.map((l) => ({ value: l, label: t.leagues[l] }))}
      />
      <button type="submit" class="button button-secondary">
        {t.filter.submit}
      </button>
      {league && (
        <p class="landscape-filter-status">
          {t.filter.showing(t.leagues[league])} <a href={href('landscape', lang)}>{t.filter.reset}</a>
        </p>
      )}
    </form>
  );
}

interface CountCellProps {
  n: number;
  link: string;
  /** Completes the number for screen readers, e.g. "klynger med temaet Energi i Region Syddanmark". */
  label: string;
  overlap?: boolean;
  v: View;
}

function CountCell({ n, link, label, overlap, v }: CountCellProps) {
  if (n === 0)
    return (
      <td class="landscape-count landscape-zero">
        <span aria-hidden="true">–</span>
        <span class="sr-only">{v.t.matrix.none}</span>
      </td>
    );
  return (
    <td class={overlap ? 'landscape-count landscape-overlap' : 'landscape-count'}>
      <a href={link}>
        {formatNumber(n, v.lang)}
        <span class="sr-only"> {label}</span>
      </a>
      {overlap && <span class="landscape-overlap-marker">{v.t.matrix.overlap}</span>}
    </td>
  );
}

/** One theme: its count per region, each linking to the catalogue filtered the same way. */
function ThemeRow({ v, theme, regions, count }: { v: View; theme: Theme; regions: Region[]; count: Counts }) {
  const { t, lang, league } = v;
  const label = theme[lang];
  const total = count.get(`${theme.key}|`) ?? 0;
  return (
    <tr>
      <th scope="row">{label}</th>
      {regions.map((r) => {
        const n = count.get(`${theme.key}|${r.code}`) ?? 0;
        const link = href('clusters', lang, { tema: theme.key, region: String(r.code), liga: league });
        const text = t.matrix.cellLink(n, label, regionName(r, lang));
        return <CountCell n={n} link={link} label={text} overlap={n >= OVERLAP_FROM} v={v} />;
      })}
      <CountCell
        n={total}
        link={href('clusters', lang, { tema: theme.key, liga: league })}
        label={t.matrix.totalLink(total, label)}
        v={v}
      />
    </tr>
  );
}

function ThemeMatrix({ v, regions, cells }: { v: View; regions: RegionSeats[]; cells: MatrixCell[] }) {
  const { t, lang, league } = v;
  const count = new Map(cells.map((c) => [`${c.theme}|${c.regionCode ?? ''}`, c.clusters]));
  const totalSeats = regions.reduce((sum, r) => sum + r.clusters, 0);
  return (
    <ScrollingTable
      label={league ? `${t.matrix.caption}: ${t.leagues[league]}` : t.matrix.caption}
      class="landscape-scroll"
    >
      <table class="table table--compact landscape-matrix">
        <caption>
          {t.matrix.caption}
          {league && `: ${t.leagues[league]}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.matrix.theme}</th>
            {regions.map((r) => (
              <th scope="col">{regionName(r, lang)}</th>
            ))}
            <th scope="col">{t.matrix.total}</th>
          </tr>
        </thead>
        <tbody>
          {THEMES.map((theme) => (
            <ThemeRow v={v} theme={theme} regions={regions} count={count} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.matrix.clustersRow}</th>
            {regions.map((r) => (
              <td class="landscape-count">{formatNumber(r.clusters, lang)}</td>
            ))}
            <td class="landscape-count">{formatNumber(totalSeats, lang)}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollingTable>
  );
}

function OverlapList({ v, regions, overlaps }: { v: View; regions: Region[]; overlaps: OverlapCell[] }) {
  const { t, lang } = v;
  const names = new Map(regions.map((r) => [r.code, regionName(r, lang)]));
  const themes = new Map<string, string>(THEMES.map((th) => [th.key, th[lang]]));
  // In the matrix's row order, so the list reads like the table above it.
  const rank = new Map<string, number>(THEMES.map((th, i) => [th.key, i]));
  const known = overlaps
    .filter((o) => themes.has(o.theme))
    .sort((a, b) => (rank.get(a.theme) ?? 0) - (rank.get(b.theme) ?? 0) || a.regionCode - b.regionCode);
  return (
    <section aria-labelledby="overlaps-heading">
      <h2 id="overlaps-heading">{t.overlaps.heading}</h2>
      <p>{t.overlaps.intro}</p>
      {known.length === 0 ? (
        <p>{t.overlaps.none}</p>
      ) : (
        <ul class="landscape-overlaps">
          {known.map((o) => (
            <li>
              <strong>
                {t.overlaps.cell(themes.get(o.theme) ?? o.theme, names.get(o.regionCode) ?? '')}:
              </strong>{' '}
              {o.clusters.map((cl, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={pageHref('cluster', lang, { slug: cl.slug })}>{cl.name}</a>
                </>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The drawing is an image (role="img", named by its title and description); the seat links sit
 * beside it in an outer SVG, because links inside role="img" would be hidden from assistive
 * technology while still taking keyboard focus (axe: nested-interactive).
 */
function MapSvg({ v, regions, seats }: { v: View; regions: RegionSeats[]; seats: ClusterSeat[] }) {
  const { t, lang } = v;
  const counts = new Map(regions.map((r) => [r.code, r.clusters]));
  const viewBox = `0 0 ${VIEWBOX.width} ${VIEWBOX.height}`;
  return (
    <svg class="landscape-svg" viewBox={viewBox} aria-label={t.map.group} xmlns="http://www.w3.org/2000/svg">
      <svg
        viewBox={viewBox}
        width={VIEWBOX.width}
        height={VIEWBOX.height}
        role="img"
        aria-labelledby="landscape-map-title landscape-map-desc"
      >
        <title id="landscape-map-title">{t.map.title}</title>
        <desc id="landscape-map-desc">{t.map.desc}</desc>
        <RegionShapes
          fill={(code) => shadeOf(counts.get(code) ?? 0)}
          label={(code) => formatNumber(counts.get(code) ?? 0, lang)}
          bornholm={t.map.bornholm}
        />
      </svg>
      {placeSeats(seats).map(({ seat, at }) => (
        <a href={pageHref('cluster', lang, { slug: seat.slug })} class="landscape-seat">
          <title>{t.map.seatTitle(seat.name, seat.municipality)}</title>
          <circle cx={at.x} cy={at.y} r="4.5" fill="#003b78" stroke="#ffffff" stroke-width="1.5" />
        </a>
      ))}
    </svg>
  );
}

function MapLegend({ t }: { t: LandscapeMessages }) {
  const swatch = (fill: string) => (
    <svg width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="15" height="15" fill={fill} stroke="#454545" />
    </svg>
  );
  return (
    <>
      <p class="landscape-legend-title" id="landscape-legend-title">
        {t.map.legend}
      </p>
      <ul class="landscape-legend" aria-labelledby="landscape-legend-title">
        {SHADES.map((s, i) => (
          <li>
            {swatch(s.fill)}{' '}
            {t.map.range(s.from, i + 1 < SHADES.length ? (SHADES[i + 1]?.from ?? 1) - 1 : null)}
          </li>
        ))}
        <li>
          <svg width="16" height="16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="5" fill="#003b78" stroke="#ffffff" stroke-width="1.5" />
          </svg>{' '}
          {t.map.seat}
        </li>
      </ul>
    </>
  );
}

function SeatTable({ v, regions, seats }: { v: View; regions: RegionSeats[]; seats: ClusterSeat[] }) {
  const { t, lang } = v;
  return (
    <ScrollingTable label={t.table.caption} class="landscape-scroll">
      <table class="table table--compact landscape-seats">
        <caption>{t.table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.table.region}</th>
            <th scope="col">{t.table.count}</th>
            <th scope="col">{t.table.clusters}</th>
          </tr>
        </thead>
        <tbody>
          {regions.map((r) => {
            const here = seats.filter((s) => s.regionCode === r.code);
            return (
              <tr>
                <th scope="row">{regionName(r, lang)}</th>
                <td class="landscape-count">{formatNumber(r.clusters, lang)}</td>
                <td>
                  {here.length === 0 ? (
                    t.table.none
                  ) : (
                    <ul class="nobullet-list landscape-seat-list">
                      {here.map((s) => (
                        <li>
                          <a href={pageHref('cluster', lang, { slug: s.slug })}>{s.name}</a>
                          <span class="landscape-municipality">, {s.municipality}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

export function registerLandscapePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'landscape', async (c) => {
    const { db } = c.get('deps');
    const { liga: league } = landscapeFilter.parse(c.req.query());
    const q = { league, today: today(c) };
    const [regions, cells, seats, overlaps] = await Promise.all([
      seatsPerRegion(db, q),
      themeRegionMatrix(db, q),
      clusterSeats(db, q),
      overlappingClusters(db, c.get('user'), q),
    ]);
    const t = landscapeMessages(c.get('lang'));
    return renderPage(c, t.title, ({ lang }) => {
      const v: View = { t, lang, league };
      return (
        <>
          <h1>{t.title}</h1>
          <p class="font-lead">{t.lead}</p>
          <LeagueFilter v={v} />
          <section aria-labelledby="matrix-heading">
            <h2 id="matrix-heading">{t.matrix.heading}</h2>
            <p>{t.matrix.intro}</p>
            <p>{t.matrix.overlapNote}</p>
            <ThemeMatrix v={v} regions={regions} cells={cells} />
          </section>
          {overlaps ? (
            <OverlapList v={v} regions={regions} overlaps={overlaps} />
          ) : (
            <p>{t.overlaps.signInHint}</p>
          )}
          <section aria-labelledby="map-heading">
            <h2 id="map-heading">{t.map.heading}</h2>
            <div class="row landscape-map-row">
              <figure class="col-12 col-lg-7 landscape-map">
                <MapSvg v={v} regions={regions} seats={seats} />
                <MapLegend t={t} />
                <figcaption class="landscape-attribution">
                  <span lang="da">{t.map.attribution}</span>
                  {t.map.attributionNote && <span> ({t.map.attributionNote})</span>}
                </figcaption>
              </figure>
              <div class="col-12 col-lg-5">
                <SeatTable v={v} regions={regions} seats={seats} />
              </div>
            </div>
          </section>
        </>
      );
    });
  });
}
