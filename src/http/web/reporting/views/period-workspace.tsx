import { historyKey, type PeriodEvent } from '../../../../domain/reporting/periods/history.ts';
import type { ActionableCell } from '../../../../domain/reporting/periods/overview.ts';
import type { PeriodAction } from '../../../../domain/reporting/periods/transitions.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { periodMessages } from '../periods.messages.ts';
import { ActionForm, History, type PeriodProblem, StatusBadge, TimelinessBadge } from './period-forms.tsx';

/** One reporting year of a cluster: its status, the funder's comment, the counts, Submit and its history. */
function Year(p: {
  cell: ActionableCell;
  events: PeriodEvent[];
  lang: Lang;
  csrf: string;
  problem: PeriodProblem | undefined;
}) {
  const { cell, lang } = p;
  const t = periodMessages(lang);
  const headingId = `p-${cell.clusterId}-${cell.year}`;
  return (
    <section aria-labelledby={headingId} class="period">
      <h3 id={headingId}>
        {t.yearHeading(cell.year)} <StatusBadge status={cell.status} t={t} />
      </h3>
      {cell.comment && (cell.status === 'returned' || cell.status === 'open') && (
        <div class="alert alert-warning">
          <div class="alert-body">
            <p class="alert-heading">{cell.status === 'returned' ? t.returnedHeading : t.reopenedHeading}</p>
            <p class="alert-text">{cell.comment}</p>
          </div>
        </div>
      )}
      <dl class="summary-list">
        <dt>{t.activities}</dt>
        <dd>{formatNumber(cell.activities, lang)}</dd>
        <dt>{t.participants}</dt>
        <dd>{formatNumber(cell.participants, lang)}</dd>
        {cell.deadline && (
          <>
            <dt>{t.deadline}</dt>
            <dd>
              {formatDate(cell.deadline, lang)}
              {cell.timeliness && (
                <>
                  {' '}
                  <TimelinessBadge timeliness={cell.timeliness} t={t} />
                </>
              )}
            </dd>
          </>
        )}
        {cell.updatedAt && (
          <>
            <dt>{t.lastChange}</dt>
            <dd>{formatDateTime(cell.updatedAt, lang)}</dd>
          </>
        )}
      </dl>
      {(cell.status === 'approved' || cell.status === 'locked') && <p>{t.closedNote}</p>}
      {cell.actions.includes('submit') && (
        <ActionForm
          page="workspacePeriods"
          lang={lang}
          csrf={p.csrf}
          cell={cell}
          action="submit"
          t={t}
          label={t.submit(cell.year)}
          commentLabel={t.submitNote}
          noActivities={cell.activities === 0}
          problem={p.problem}
        />
      )}
      <History events={p.events} t={t} lang={lang} />
    </section>
  );
}

/** The cluster workspace's reporting periods: each of the user's clusters with its years. */
export function WorkspacePeriodsPage(p: {
  clusters: { clusterId: string; name: string; cells: ActionableCell[] }[];
  histories: Map<string, PeriodEvent[]>;
  done: PeriodAction | undefined;
  problem: PeriodProblem | undefined;
  lang: Lang;
  csrf: string;
}) {
  const t = periodMessages(p.lang);
  return (
    <>
      <h1>{t.workspaceTitle}</h1>
      <p class="font-lead">{t.workspaceIntro}</p>
      {p.done && <Alert variant="success">{t.done[p.done]}</Alert>}
      {p.problem && <Alert variant="error">{p.problem.message}</Alert>}
      {p.clusters.map(({ clusterId, name, cells }) => (
        <section aria-labelledby={`cluster-${clusterId}`}>
          <h2 id={`cluster-${clusterId}`}>{name}</h2>
          {cells.map((cell) => (
            <Year
              cell={cell}
              events={p.histories.get(historyKey(cell.clusterId, cell.year)) ?? []}
              lang={p.lang}
              csrf={p.csrf}
              problem={p.problem}
            />
          ))}
        </section>
      ))}
    </>
  );
}
