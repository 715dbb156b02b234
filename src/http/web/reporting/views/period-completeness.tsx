import type { Completeness } from '../../../../domain/reporting/calendar/completeness.ts';
import { formatNumber } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import { BarChart, ChartFigure } from '../../../views/chart.tsx';
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
  const tableRows = (p.year === undefined ? p.rows : ofYear).map((r) => [
    `${r.year} · ${name(r)}`,
    num(r.funded),
    num(r.submittedOnTime),
    share(r),
    num(r.approvedOnTime),
    num(r.submittedLate),
    num(r.overdue),
  ]);
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
            labelWidth={200}
          />
        }
        table={{
          head: [
            `${t.year} · ${t.funderColumn}`,
            t.fundedColumn,
            t.onTimeColumn,
            t.shareOnTime,
            t.approvedOnTimeColumn,
            t.lateColumn,
            t.overdueColumn,
          ],
          rows: tableRows,
        }}
      />
    </section>
  );
}
