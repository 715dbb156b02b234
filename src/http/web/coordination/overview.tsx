import type { Hono } from 'hono';
import { z } from 'zod';
import {
  clusterFunding,
  defaultYear,
  funderPortfolio,
  funderTotals,
  fundingOverlaps,
  grantYears,
  type Overlap,
} from '../../../domain/coordination/queries.ts';
import { notFound } from '../../../domain/errors.ts';
import { authorize } from '../../../domain/policy/policy.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatNumber } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { BarChart, ChartFigure } from '../../views/chart.tsx';
import { SelectField } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { type CoordinationMessages, coordinationMessages, dkk, themeText } from './messages.ts';

const mio = (n: number, lang: Lang, t: CoordinationMessages) =>
  t.millions(
    new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 }).format(n / 1e6),
  );
/** Bar labels sit in a fixed gutter: long names are shortened there; the table has them whole. */
const short = (s: string) => (s.length > 22 ? `${s.slice(0, 21)}…` : s);

const yearQuery = z.object({ aar: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

function OverlapList({ overlaps, lang, t }: { overlaps: Overlap[]; lang: Lang; t: CoordinationMessages }) {
  return (
    <ul class="coordination-overlaps">
      {overlaps.map((o) => (
        <li>
          <strong>
            {t.overlapFlag}:{' '}
            {t.overlapTitle(themeText(o.theme, lang), lang === 'da' ? o.regionName : o.regionNameEn)}
          </strong>
          <ul>
            {o.clusters.map((c) => (
              <li>{t.overlapCluster(c.name, c.funders.join(', '))}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

async function overview(c: AppContext) {
  authorize(c.get('user'), 'coordination.view');
  const lang = c.get('lang');
  const t = coordinationMessages(lang);
  const db = c.get('deps').db;
  const years = await grantYears(db);
  const wanted = yearQuery.parse(c.req.query()).aar;
  const year =
    wanted !== undefined && years.includes(wanted)
      ? wanted
      : defaultYear(years, Number(c.get('deps').clock().getUTCFullYear()));
  const [rows, totals, overlaps] =
    year === null
      ? [[], [], []]
      : await Promise.all([clusterFunding(db, year), funderTotals(db, year), fundingOverlaps(db, year)]);
  const inOverlap = new Map<string, string[]>();
  for (const o of overlaps)
    for (const cl of o.clusters)
      inOverlap.set(cl.clusterId, [
        ...(inOverlap.get(cl.clusterId) ?? []),
        t.overlapTitle(themeText(o.theme, lang), lang === 'da' ? o.regionName : o.regionNameEn),
      ]);
  return renderPage(c, t.title, () => (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      <p>
        <a href={href('plannedInitiatives', lang)}>{t.initiativesLink}</a>
      </p>
      {year === null ? (
        <p>{t.noGrants}</p>
      ) : (
        <>
          <form method="get" action={href('coordination', lang)}>
            <SelectField
              name="aar"
              label={t.year}
              value={String(year)}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <button type="submit" class="button button-secondary">
              {t.show}
            </button>
          </form>
          <section aria-labelledby="overlaps-heading">
            <h2 id="overlaps-heading">{t.overlapsHeading}</h2>
            <p>{t.overlapDefinition}</p>
            {overlaps.length === 0 ? (
              <p>{t.noOverlaps(year)}</p>
            ) : (
              <OverlapList overlaps={overlaps} lang={lang} t={t} />
            )}
          </section>
          <section aria-labelledby="funders-heading">
            <h2 id="funders-heading">{t.funderTotalsHeading}</h2>
            <ChartFigure
              id="funder-totals"
              caption={t.funderTotalsCaption(year)}
              chart={
                <BarChart
                  id="funder-totals-chart"
                  title={t.funderTotalsCaption(year)}
                  desc={t.funderTotalsDesc(year)}
                  bars={totals.map((f) => ({ label: short(f.name), value: f.totalDkk }))}
                  format={(n) => mio(n, lang, t)}
                />
              }
              table={{
                head: [t.funder, t.clusterCount, t.total],
                rows: totals.map((f) => [f.name, formatNumber(f.clusters, lang), dkk(f.totalDkk, lang, t)]),
              }}
            />
            <ul>
              {totals.map((f) => (
                <li>
                  <a href={pageHref('coordinationFunder', lang, { slug: f.slug })}>
                    {t.portfolioLink}: {f.name}
                  </a>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="clusters-heading">
            <h2 id="clusters-heading">{t.clustersHeading}</h2>
            <div class="table--responsive-scroll">
              <table class="table table--compact">
                <caption>{t.clustersCaption(year)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.cluster}</th>
                    <th scope="col">{t.league}</th>
                    <th scope="col">{t.region}</th>
                    <th scope="col">{t.themes}</th>
                    <th scope="col">{t.funders}</th>
                    <th scope="col">{t.responsibleFunder}</th>
                    <th scope="col">{t.total}</th>
                    <th scope="col">{t.flags}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const flags = inOverlap.get(r.clusterId);
                    const responsible = r.funders.filter((f) => f.responsible).map((f) => f.name);
                    return (
                      <tr>
                        <th scope="row">
                          <a href={pageHref('cluster', lang, { slug: r.slug })}>{r.name}</a>
                        </th>
                        <td>{t.leagues[r.league] ?? r.league}</td>
                        <td>{(lang === 'da' ? r.regionName : r.regionNameEn) ?? t.unknown}</td>
                        <td>{r.themes.map((k) => themeText(k, lang)).join(', ')}</td>
                        <td>
                          <ul class="nobullet-list">
                            {r.funders.map((f) => (
                              <li>
                                {f.name}: {dkk(f.amountDkk, lang, t)}
                                {f.responsible && ` (${t.responsibleMark})`}
                              </li>
                            ))}
                          </ul>
                        </td>
                        <td>{responsible.length > 0 ? responsible.join(', ') : t.noResponsible}</td>
                        <td class="results-number">{dkk(r.totalDkk, lang, t)}</td>
                        <td>{flags ? `${t.overlapFlag}: ${flags.join('; ')}` : t.none}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  ));
}

async function portfolio(c: AppContext) {
  authorize(c.get('user'), 'coordination.view');
  const lang = c.get('lang');
  const t = coordinationMessages(lang);
  const p = await funderPortfolio(c.get('deps').db, c.req.param('slug') ?? '');
  if (!p) throw notFound('funder');
  const title = t.portfolioTitle(p.funder.name);
  return renderPage(c, title, () => (
    <>
      <h1>{title}</h1>
      <p class="font-lead">{t.portfolioLead}</p>
      {p.clusters.length === 0 ? (
        <p>{t.emptyPortfolio}</p>
      ) : (
        <>
          <ChartFigure
            id="portfolio-years"
            caption={t.portfolioChartCaption(p.funder.name)}
            chart={
              <BarChart
                id="portfolio-years-chart"
                title={t.portfolioChartCaption(p.funder.name)}
                desc={t.portfolioChartDesc}
                bars={p.years.map((y) => ({ label: String(y), value: p.yearTotals[y] ?? 0 }))}
                format={(n) => mio(n, lang, t)}
              />
            }
            table={{
              head: [t.year, t.total],
              rows: p.years.map((y) => [String(y), dkk(p.yearTotals[y] ?? 0, lang, t)]),
            }}
          />
          <div class="table--responsive-scroll">
            <table class="table table--compact">
              <caption>{t.portfolioCaption(p.funder.name)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.cluster}</th>
                  <th scope="col">{t.league}</th>
                  {p.years.map((y) => (
                    <th scope="col">{y}</th>
                  ))}
                  <th scope="col">{t.total}</th>
                </tr>
              </thead>
              <tbody>
                {p.clusters.map((cl) => (
                  <tr>
                    <th scope="row">
                      {cl.name}
                      {cl.responsible && ` (${t.responsibleMark})`}
                    </th>
                    <td>{t.leagues[cl.league] ?? cl.league}</td>
                    {p.years.map((y) => (
                      <td class="results-number">
                        {cl.amounts[y] === undefined ? '–' : dkk(cl.amounts[y] ?? 0, lang, t)}
                      </td>
                    ))}
                    <td class="results-number">{dkk(cl.totalDkk, lang, t)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t.total}</th>
                  <td />
                  {p.years.map((y) => (
                    <td class="results-number">{dkk(p.yearTotals[y] ?? 0, lang, t)}</td>
                  ))}
                  <td class="results-number">{dkk(p.totalDkk, lang, t)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
      <p>
        <a href={href('coordination', lang)}>{t.back}</a>
      </p>
    </>
  ));
}

export function registerCoordinationPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'coordination', overview);
  onPage(app, 'GET', 'coordinationFunder', portfolio);
}
