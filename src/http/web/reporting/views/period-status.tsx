import type { Completeness } from '../../../../domain/reporting/calendar/completeness.ts';
import { historyKey, type PeriodEvent } from '../../../../domain/reporting/periods/history.ts';
import type { ActionableRow, YearSummary } from '../../../../domain/reporting/periods/overview.ts';
import type { PeriodAction } from '../../../../domain/reporting/periods/transitions.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { actionPlanMessages } from '../../action-plans/messages.ts';
import { deadlineMessages } from '../deadlines.messages.ts';
import { type PeriodMessages, periodMessages } from '../periods.messages.ts';
import { CompletenessSection } from './period-completeness.tsx';
import { Decisions, History, type PeriodProblem, StatusBadge, TimelinessBadge } from './period-forms.tsx';

type Rows = ActionableRow[];
const SHOWN_STATUSES = ['submitted', 'approved', 'locked', 'returned', 'open'] as const;

function YearFilter({
  years,
  year,
  t,
  lang,
}: {
  years: number[];
  year: number | undefined;
  t: PeriodMessages;
  lang: Lang;
}) {
  return (
    <form method="get" action={href('reportingStatus', lang)} class="period-filter">
      <div class="form-group">
        <label class="form-label" for="year">
          {t.filterYear}
        </label>
        <select class="form-select" id="year" name="year">
          <option value="">{t.allYears}</option>
          {years.map((y) => (
            <option value={String(y)} selected={y === year}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button-secondary">
        {t.show}
      </button>
    </form>
  );
}

function Summary({ summary, t, lang }: { summary: YearSummary[]; t: PeriodMessages; lang: Lang }) {
  return (
    <>
      <h2>{t.summaryHeading}</h2>
      <ScrollingTable label={t.summaryCaption}>
        <table class="table table--compact">
          <caption>{t.summaryCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.year}</th>
              <th scope="col">{t.reportedColumn}</th>
              {SHOWN_STATUSES.map((s) => (
                <th scope="col">{t.status[s]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.map((s) => (
              <tr>
                <th scope="row">{s.year}</th>
                <td>{t.submittedOf(s.submitted, s.expected)}</td>
                {SHOWN_STATUSES.map((st) => (
                  <td>{formatNumber(s.byStatus[st], lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  );
}

/** One year's clusters: status, counts, the decisions the user may take and each one's history. */
function YearTable(p: {
  year: number;
  rows: Rows;
  histories: Map<string, PeriodEvent[]>;
  t: PeriodMessages;
  lang: Lang;
  csrf: string;
  problem: PeriodProblem | undefined;
}) {
  const { t, lang } = p;
  return (
    <>
      <h2>{t.yearTableHeading(p.year)}</h2>
      <ScrollingTable label={t.yearTableHeading(p.year)}>
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t.cluster}</th>
              <th scope="col">{t.statusLabel}</th>
              <th scope="col">{t.activities}</th>
              <th scope="col">{t.participants}</th>
              <th scope="col">{t.deadline}</th>
              <th scope="col">{t.lastChange}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map(({ name, cells }) => {
              const cell = cells.find((x) => x.year === p.year);
              return cell ? (
                <tr id={`p-${cell.clusterId}-${cell.year}`}>
                  <th scope="row">
                    <a
                      href={pageHref('reportingReview', lang, {
                        id: cell.clusterId,
                        year: String(cell.year),
                      })}
                    >
                      {name}
                    </a>
                  </th>
                  <td>
                    {cell.expected ? <StatusBadge status={cell.status} t={t} /> : t.notExpected}
                    {cell.comment && (
                      <p class="form-hint">
                        <q>{cell.comment}</q>
                      </p>
                    )}
                    {cell.noActivitiesReason && (
                      <p class="form-hint">
                        {t.noActivitiesReasonShown}: <q>{cell.noActivitiesReason}</q>
                      </p>
                    )}
                  </td>
                  <td>{formatNumber(cell.activities, lang)}</td>
                  <td>{formatNumber(cell.participants, lang)}</td>
                  <td>
                    {cell.deadline ? formatDate(cell.deadline, lang) : '–'}
                    {cell.timeliness && (
                      <>
                        {' '}
                        <TimelinessBadge timeliness={cell.timeliness} t={t} />
                      </>
                    )}
                  </td>
                  <td>{cell.updatedAt ? formatDateTime(cell.updatedAt, lang) : '–'}</td>
                  <td>
                    <Decisions
                      cell={cell}
                      actions={cell.actions}
                      t={t}
                      lang={lang}
                      csrf={p.csrf}
                      problem={p.problem}
                    />
                    <History
                      events={p.histories.get(historyKey(cell.clusterId, cell.year)) ?? []}
                      t={t}
                      lang={lang}
                    />
                  </td>
                </tr>
              ) : null;
            })}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  );
}

/** Clusters × years, each cell a status and, where the user may act, a link to the year's table. */
function Matrix(p: { years: number[]; rows: Rows; t: PeriodMessages; lang: Lang }) {
  const { t, lang } = p;
  if (p.rows.length === 0) return null;
  return (
    <>
      <h2>{t.matrixHeading}</h2>
      <div class="table-responsive">
        <ScrollingTable label={t.matrixCaption}>
          <table class="table table--compact">
            <caption>{t.matrixCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.cluster}</th>
                {p.years.map((y) => (
                  <th scope="col">{y}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.rows.map((row) => (
                <tr>
                  <th scope="row">{row.name}</th>
                  {row.cells.map((cell) => (
                    <td>
                      {cell.expected ? (
                        <>
                          <StatusBadge status={cell.status} t={t} />
                          {(cell.timeliness === 'late' || cell.timeliness === 'overdue') && (
                            <>
                              {' '}
                              <TimelinessBadge timeliness={cell.timeliness} t={t} />
                            </>
                          )}
                        </>
                      ) : (
                        <>
                          <span aria-hidden="true">–</span>
                          <span class="sr-only">{t.notExpected}</span>
                        </>
                      )}
                      {cell.actions.length > 0 && (
                        <>
                          {' '}
                          <a
                            href={`${href('reportingStatus', lang, { year: String(cell.year) })}#p-${cell.clusterId}-${cell.year}`}
                          >
                            {t.handle}
                            <span class="sr-only">
                              {' '}
                              {row.name} {cell.year}
                            </span>
                          </a>
                        </>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      </div>
    </>
  );
}

/**
 * The funders' status page: which clusters reported which year. All years as a matrix, or one
 * year as a table with the decisions.
 */
export function StatusOverviewPage(p: {
  years: number[];
  rows: Rows;
  summary: YearSummary[];
  completeness: Completeness[];
  managesDeadlines: boolean;
  histories: Map<string, PeriodEvent[]>;
  year: number | undefined;
  mayDecide: boolean;
  followsActionPlans: boolean;
  done: PeriodAction | undefined;
  problem: PeriodProblem | undefined;
  lang: Lang;
  csrf: string;
}) {
  const { year, lang } = p;
  const t = periodMessages(lang);
  const summary = year === undefined ? p.summary : p.summary.filter((s) => s.year === year);
  return (
    <>
      <h1>{t.statusTitle}</h1>
      <p class="font-lead">{t.statusIntro}</p>
      {p.followsActionPlans && (
        <p>
          <a href={href('fundingActionPlans', lang)}>{actionPlanMessages(lang).overviewTitle}</a>
        </p>
      )}
      {p.managesDeadlines && (
        <p>
          <a href={href('reportingDeadlines', lang)}>{deadlineMessages(lang).link}</a>
        </p>
      )}
      {!p.mayDecide && <Alert variant="info">{t.readOnly}</Alert>}
      {p.done && <Alert variant="success">{t.done[p.done]}</Alert>}
      {p.problem && <Alert variant="error">{p.problem.message}</Alert>}
      <YearFilter years={p.years} year={year} t={t} lang={lang} />
      {p.rows.length === 0 && <p>{t.noClustersFunded}</p>}
      <Summary summary={summary} t={t} lang={lang} />
      <CompletenessSection rows={p.completeness} year={year} t={t} lang={lang} />
      {year === undefined ? (
        <Matrix years={p.years} rows={p.rows} t={t} lang={lang} />
      ) : (
        <YearTable
          year={year}
          rows={p.rows}
          histories={p.histories}
          t={t}
          lang={lang}
          csrf={p.csrf}
          problem={p.problem}
        />
      )}
    </>
  );
}
