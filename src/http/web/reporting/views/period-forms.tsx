import { COMMENT_MAX } from '../../../../domain/reporting/periods/commands.ts';
import { historyKey, type PeriodEvent } from '../../../../domain/reporting/periods/history.ts';
import type { PeriodCell, Timeliness } from '../../../../domain/reporting/periods/overview.ts';
import type { PeriodAction, PeriodStatus } from '../../../../domain/reporting/periods/transitions.ts';
import { href, type Lang } from '../../../paths.ts';
import { StatusHistory } from '../../../views/history.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { type PeriodMessages, STATUS_BADGE, TIMELINESS_BADGE } from '../periods.messages.ts';

/** A failed change, shown at the period it was about. */
export interface PeriodProblem {
  key: string;
  action: PeriodAction;
  comment: string;
  message: string;
  /** A year without activities: the reason as typed, and the fields in error with their message. */
  noActivitiesReason?: string | undefined;
  fieldErrors?: Record<string, string> | undefined;
}

export function StatusBadge({ status, t }: { status: PeriodStatus; t: PeriodMessages }) {
  return <span class={STATUS_BADGE[status]}>{t.status[status]}</span>;
}

/** A funded year against its deadline; the text always says it (the colour only adds to it). */
export function TimelinessBadge({
  timeliness,
  t,
}: {
  timeliness: NonNullable<Timeliness>;
  t: PeriodMessages;
}) {
  return <span class={TIMELINESS_BADGE[timeliness]}>{t.timeliness[timeliness]}</span>;
}

export function History({ events, t, lang }: { events: PeriodEvent[]; t: PeriodMessages; lang: Lang }) {
  const items = events.map((e) => ({ ...e, change: t.historyLine(t.status[e.from], t.status[e.to]) }));
  return <StatusHistory heading={t.history} empty={t.noHistory} by={t.by} items={items} lang={lang} />;
}

/** A textarea for a comment, with its error in DKFDS style. */
function CommentField(p: { id: string; label: string; value: string; error?: string | undefined }) {
  return (
    <div class={p.error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={p.id}>
        {p.label}
      </label>
      {p.error && (
        <span class="form-error-message" id={`${p.id}-error`}>
          {p.error}
        </span>
      )}
      <textarea
        class="form-input"
        id={p.id}
        name="comment"
        rows={2}
        maxlength={COMMENT_MAX}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? `${p.id}-error` : undefined}
      >
        {p.value}
      </textarea>
    </div>
  );
}

/**
 * Submitting a year without activities: the cluster ticks that the year really has none and says
 * why (the funder reads the reason).
 */
function NoActivitiesFields(p: { id: string; t: PeriodMessages; problem: PeriodProblem | undefined }) {
  const { t, id } = p;
  const errors = p.problem?.fieldErrors ?? {};
  const confirmError = errors.confirmNoActivities;
  const reasonError = errors.noActivitiesReason;
  return (
    <fieldset class="form-group">
      <legend class="form-label">{t.noActivitiesLegend}</legend>
      <div class={confirmError ? 'form-group form-error' : 'form-group'}>
        {confirmError && (
          <span class="form-error-message" id={`${id}-confirm-error`}>
            {confirmError}
          </span>
        )}
        <div class="form-group-checkbox">
          <input
            class="form-checkbox"
            type="checkbox"
            id={`${id}-confirm`}
            name="confirmNoActivities"
            value="1"
            aria-describedby={confirmError ? `${id}-confirm-error` : undefined}
          />
          <label for={`${id}-confirm`}>{t.noActivitiesConfirm}</label>
        </div>
      </div>
      <div class={reasonError ? 'form-group form-error' : 'form-group'}>
        <label class="form-label" for={`${id}-reason`}>
          {t.noActivitiesReason}
        </label>
        {reasonError && (
          <span class="form-error-message" id={`${id}-reason-error`}>
            {reasonError}
          </span>
        )}
        <textarea
          class="form-input"
          id={`${id}-reason`}
          name="noActivitiesReason"
          rows={2}
          maxlength={COMMENT_MAX}
          aria-invalid={reasonError ? 'true' : undefined}
          aria-describedby={reasonError ? `${id}-reason-error` : undefined}
        >
          {p.problem?.noActivitiesReason ?? ''}
        </textarea>
      </div>
    </fieldset>
  );
}

export function ActionForm(p: {
  page: 'workspacePeriods' | 'reportingStatus';
  lang: Lang;
  csrf: string;
  cell: PeriodCell;
  action: PeriodAction;
  t: PeriodMessages;
  label: string;
  commentLabel?: string;
  /** A submit of a year without activities asks for a confirmation and a reason. */
  noActivities?: boolean;
  problem: PeriodProblem | undefined;
}) {
  const key = historyKey(p.cell.clusterId, p.cell.year);
  const mine = p.problem?.key === key && p.problem.action === p.action ? p.problem : undefined;
  const id = `comment-${p.action}-${p.cell.clusterId}-${p.cell.year}`;
  // A problem with the empty-year fields is shown at those fields, not at the comment.
  const commentError = mine?.fieldErrors ? undefined : mine?.message;
  return (
    <form method="post" action={href(p.page, p.lang)} class="period-action">
      <CsrfField token={p.csrf} />
      <input type="hidden" name="clusterId" value={p.cell.clusterId} />
      <input type="hidden" name="year" value={String(p.cell.year)} />
      <input type="hidden" name="action" value={p.action} />
      {mine && !p.commentLabel && <p class="form-error-message">{mine.message}</p>}
      {p.noActivities && (
        <NoActivitiesFields id={`empty-${p.cell.clusterId}-${p.cell.year}`} t={p.t} problem={mine} />
      )}
      {p.commentLabel && (
        <CommentField id={id} label={p.commentLabel} value={mine?.comment ?? ''} error={commentError} />
      )}
      <button
        type="submit"
        class={p.action === 'submit' ? 'button button-primary' : 'button button-secondary'}
      >
        {p.label}
      </button>
    </form>
  );
}

/** The decisions the user may take on a period, each its own form. */
export function Decisions(p: {
  cell: PeriodCell;
  actions: PeriodAction[];
  t: PeriodMessages;
  lang: Lang;
  csrf: string;
  problem: PeriodProblem | undefined;
}) {
  const { t } = p;
  const common = {
    page: 'reportingStatus' as const,
    lang: p.lang,
    csrf: p.csrf,
    cell: p.cell,
    t,
    problem: p.problem,
  };
  return (
    <>
      {p.actions.includes('approve') && <ActionForm {...common} action="approve" label={t.approve} />}
      {p.actions.includes('return') && (
        <ActionForm {...common} action="return" label={t.returnButton} commentLabel={t.returnComment} />
      )}
      {p.actions.includes('lock') && <ActionForm {...common} action="lock" label={t.lock} />}
      {p.actions.includes('reopen') && (
        <ActionForm {...common} action="reopen" label={t.reopenButton} commentLabel={t.reopenReason} />
      )}
    </>
  );
}
