import type { Completeness } from '../../../../domain/reporting/calendar/completeness.ts';
import { formatNumber } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import { BarChart, ChartFigure } from '../../../views/chart.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { PeriodMessages } from '../periods.messages.ts';

const percent = (n: number, of: number) => (of === 0 ? 0 : Math.round((100 * n) / of));

/**
 * The year the chart shows: the chosen one, else the newest year anything was submitted for, else
 * the newest year (a year nobody has submitted yet shows only zeros).
 */
function chartYear(rows: Completeness[], year: number | undefined): number | undefined {
  if (year !== undefined) return year;
  const national = rows.filter((r) => r.funderId === null);
  return (national.find((r) => r.submittedOnTime + r.submittedLate > 0) ?? national[0])?.year;
}

/** Timeliness per funder and nationally: a chart of one year's share on time, and the table of every year. */
export function CompletenessSection(p: {
  rows: Completeness[];
  year: number | undefined;
  t: PeriodMessages;
  lang: Lang;
}) {
  const { t, lang } = p;
  const shown = chartYear(p.rows, p.year);
  if (shown === undefined) return null;
  const ofYear = p.rows.filter((r) => r.year === shown);
  const name = (r: Completeness) => r.funderName ?? t.nationally;
  const num = (n: number) => formatNumber(n, lang);
  const share = (r: Completeness) => `${num(percent(r.submittedOnTime, r.funded))} %`;
  const tableRows = p.year === undefined ? p.rows : ofYear;
  return (
    <section aria-labelledby="completeness-heading">
      <h2 id="completeness-heading">{t.completenessHeading}</h2>
      <p>{t.completenessIntro}</p>
      <ChartFigure
        id="completeness"
        caption={t.completenessCaption(shown)}
        chart={
          <BarChart
            id="completeness-chart"
            title={t.completenessChartTitle(shown)}
            desc={t.completenessChartDesc(ofYear.length - 1)}
            bars={ofYear.map((r) => ({ label: name(r), value: percent(r.submittedOnTime, r.funded) }))}
            format={(n) => `${num(n)} %`}
          />
        }
        table={{
          head: [t.funderColumn, t.shareOnTime],
          rows: ofYear.map((r) => [name(r), share(r)]),
        }}
      />
      <div class="table-responsive">
        <ScrollingTable label={t.completenessTableCaption}>
          <table class="table table--compact">
            <caption>{t.completenessTableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.year}</th>
                <th scope="col">{t.funderColumn}</th>
                <th scope="col">{t.fundedColumn}</th>
                <th scope="col">{t.onTimeColumn}</th>
                <th scope="col">{t.shareOnTime}</th>
                <th scope="col">{t.approvedOnTimeColumn}</th>
                <th scope="col">{t.lateColumn}</th>
                <th scope="col">{t.overdueColumn}</th>
              </tr>
            </thead>
            <tbody>
              {tableRows.map((r) => (
                <tr>
                  <td>{r.year}</td>
                  <th scope="row">{name(r)}</th>
                  <td>{num(r.funded)}</td>
                  <td>{num(r.submittedOnTime)}</td>
                  <td>{share(r)}</td>
                  <td>{num(r.approvedOnTime)}</td>
                  <td>{num(r.submittedLate)}</td>
                  <td>{r.overdue > 0 ? <strong>{num(r.overdue)}</strong> : num(r.overdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      </div>
    </section>
  );
}
