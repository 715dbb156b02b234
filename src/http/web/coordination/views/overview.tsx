import type {
  ClusterFunding,
  CoordinationOverview,
  FunderTotal,
  Overlap,
} from '../../../../domain/coordination/funding-overview.ts';
import { formatNumber } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { BarChart, ChartFigure } from '../../../views/chart.tsx';
import { SelectField } from '../../../views/forms.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { meetingMessages } from '../meeting-messages.ts';
import { type CoordinationMessages, dkk, themeText } from '../messages.ts';

export const millions = (n: number, lang: Lang, t: CoordinationMessages) =>
  t.millions(
    new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 }).format(n / 1e6),
  );

const overlapTitle = (o: Overlap, lang: Lang, t: CoordinationMessages) =>
  t.overlapTitle(themeText(o.theme, lang), lang === 'da' ? o.regionName : o.regionNameEn);

function OverlapList({ overlaps, lang, t }: { overlaps: Overlap[]; lang: Lang; t: CoordinationMessages }) {
  return (
    <ul class="coordination-overlaps">
      {overlaps.map((o) => (
        <li>
          <strong>
            {t.overlapFlag}: {overlapTitle(o, lang, t)}
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

function FunderTotals({
  totals,
  year,
  lang,
  t,
}: {
  totals: FunderTotal[];
  year: number;
  lang: Lang;
  t: CoordinationMessages;
}) {
  return (
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
            bars={totals.map((f) => ({ label: f.name, value: f.totalDkk }))}
            format={(n) => millions(n, lang, t)}
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
  );
}

function ClusterRow({
  r,
  flags,
  lang,
  t,
}: {
  r: ClusterFunding;
  flags: string[] | undefined;
  lang: Lang;
  t: CoordinationMessages;
}) {
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
}

function ClusterFundingTable({
  overview,
  year,
  lang,
  t,
}: {
  overview: CoordinationOverview;
  year: number;
  lang: Lang;
  t: CoordinationMessages;
}) {
  // Each cluster's row names the overlaps it is part of.
  const inOverlap = new Map<string, string[]>();
  for (const o of overview.overlaps)
    for (const cl of o.clusters)
      inOverlap.set(cl.clusterId, [...(inOverlap.get(cl.clusterId) ?? []), overlapTitle(o, lang, t)]);
  return (
    <section aria-labelledby="clusters-heading">
      <h2 id="clusters-heading">{t.clustersHeading}</h2>
      <ScrollingTable label={t.clustersCaption(year)}>
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
            {overview.clusters.map((r) => (
              <ClusterRow r={r} flags={inOverlap.get(r.clusterId)} lang={lang} t={t} />
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </section>
  );
}

/** Who funds which cluster in a year, each funder's total, and the overlaps between funders. */
export function CoordinationOverviewView({
  overview,
  lang,
  t,
}: {
  overview: CoordinationOverview;
  lang: Lang;
  t: CoordinationMessages;
}) {
  const { year } = overview;
  return (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      <p>
        <a href={href('fundingPlans', lang)}>{t.fundingPlansLink}</a>
      </p>
      <p>
        <a href={href('coordinationMeetings', lang)}>{meetingMessages(lang).link}</a>
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
              options={overview.years.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <button type="submit" class="button button-secondary">
              {t.show}
            </button>
          </form>
          <section aria-labelledby="overlaps-heading">
            <h2 id="overlaps-heading">{t.overlapsHeading}</h2>
            <p>{t.overlapDefinition}</p>
            {overview.overlaps.length === 0 ? (
              <p>{t.noOverlaps(year)}</p>
            ) : (
              <OverlapList overlaps={overview.overlaps} lang={lang} t={t} />
            )}
          </section>
          <FunderTotals totals={overview.totals} year={year} lang={lang} t={t} />
          <ClusterFundingTable overview={overview} year={year} lang={lang} t={t} />
        </>
      )}
    </>
  );
}
