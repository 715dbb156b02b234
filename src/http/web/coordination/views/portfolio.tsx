import type { Portfolio } from '../../../../domain/coordination/funding-overview.ts';
import { href, type Lang } from '../../../paths.ts';
import { BarChart, ChartFigure } from '../../../views/chart.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { type CoordinationMessages, dkk } from '../messages.ts';
import { millions } from './overview.tsx';

function PortfolioTable({ p, lang, t }: { p: Portfolio; lang: Lang; t: CoordinationMessages }) {
  return (
    <ScrollingTable label={t.portfolioCaption(p.funder.name)}>
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
    </ScrollingTable>
  );
}

/** One funder's clusters with the grant per year and the totals. */
export function PortfolioView({
  p,
  title,
  lang,
  t,
}: {
  p: Portfolio;
  title: string;
  lang: Lang;
  t: CoordinationMessages;
}) {
  return (
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
                format={(n) => millions(n, lang, t)}
              />
            }
            table={{
              head: [t.year, t.total],
              rows: p.years.map((y) => [String(y), dkk(p.yearTotals[y] ?? 0, lang, t)]),
            }}
          />
          <PortfolioTable p={p} lang={lang} t={t} />
        </>
      )}
      <p>
        <a href={href('coordination', lang)}>{t.back}</a>
      </p>
    </>
  );
}
