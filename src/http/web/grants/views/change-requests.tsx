import type { ChangeRequestView } from '../../../../domain/grants/change-requests.ts';
import { ACTIVITY_CATEGORIES } from '../../../../domain/grants/follow-up.ts';
import { formatDate, formatDateTime, type Messages } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import {
  DateInput,
  datePartsOf,
  describedBy,
  ErrorSummary,
  type FieldErrors,
  FieldShell,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { activityMessages } from '../../reporting/activities.messages.ts';
import type { GrantFollowUpMessages } from '../follow-up.messages.ts';

const STATUS_BADGE: Record<ChangeRequestView['status'], string> = {
  submitted: 'badge badge-info',
  approved: 'badge badge-success',
  rejected: 'badge badge-warning',
};

/** The form state of one request's decision: its errors are keyed `<field>-<request id>`. */
export interface DecisionState {
  requestId: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

interface ListProps {
  requests: ChangeRequestView[];
  t: GrantFollowUpMessages;
  lang: Lang;
  csrf: string;
  /** Where the grant's funder posts a decision on a request; absent for everyone else. */
  decideAction: ((requestId: string) => string) | undefined;
  decision: DecisionState | undefined;
}

function summary(r: ChangeRequestView, t: GrantFollowUpMessages, lang: Lang) {
  if (r.kind === 'deadline') return t.deadlineSummary(formatDate(r.newDeadline ?? '', lang));
  const categories = activityMessages(lang).categories;
  return t.shiftSummary(
    t.kr(r.amountDkk ?? 0),
    categories[r.fromCategory ?? ''] ?? '',
    categories[r.toCategory ?? ''] ?? '',
  );
}

function DecisionForm(p: {
  r: ChangeRequestView;
  action: string;
  t: GrantFollowUpMessages;
  csrf: string;
  state?: DecisionState;
}) {
  const { r, t } = p;
  const values = p.state?.values ?? {};
  const errors = p.state?.errors ?? {};
  const choiceId = `decision-${r.id}`;
  // The field's id carries the request's id (one form per request on the page); its name does not.
  const reasonField = {
    name: `decisionReason-${r.id}`,
    label: t.decisionReason,
    hint: t.decisionReasonHint,
    error: errors[`decisionReason-${r.id}`],
  };
  return (
    <form method="post" action={p.action} novalidate>
      <CsrfField token={p.csrf} />
      <fieldset class={errors[choiceId] ? 'form-group form-error' : 'form-group'} id={choiceId}>
        <legend class="form-label">{t.decisionLegend}</legend>
        {errors[choiceId] && <span class="form-error-message">{errors[choiceId]}</span>}
        <ul class="nobullet-list">
          {(['approve', 'reject'] as const).map((value) => (
            <li class="form-group-radio">
              <input
                class="form-radio"
                type="radio"
                id={`${choiceId}-${value}`}
                name="decision"
                value={value}
                checked={values.decision === value}
              />
              <label for={`${choiceId}-${value}`}>{t[value]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <FieldShell {...reasonField}>
        <textarea
          class="form-input"
          id={reasonField.name}
          name="decisionReason"
          rows={3}
          aria-invalid={reasonField.error ? 'true' : undefined}
          aria-describedby={describedBy(reasonField)}
        >
          {values.decisionReason ?? ''}
        </textarea>
      </FieldShell>
      <button type="submit" class="button button-primary">
        {t.decide}
      </button>
    </form>
  );
}

/** The grant's change requests, newest first, each with its decision or the funder's form. */
export function ChangeRequestList(p: ListProps) {
  const { t, lang } = p;
  if (p.requests.length === 0) return <p>{t.noChangeRequests}</p>;
  return (
    <ul class="nobullet-list">
      {p.requests.map((r) => (
        <li class="mb-6">
          <h3 class="h4">
            {t.changeKind[r.kind]} <span class={STATUS_BADGE[r.status]}>{t.changeStatus[r.status]}</span>
          </h3>
          <p>{summary(r, t, lang)}</p>
          <p>
            <strong>{t.reason}:</strong> {r.reason}
          </p>
          <p class="form-hint">
            {t.requestedBy(r.requestedBy ?? t.someone, formatDateTime(r.requestedAt, lang))}
          </p>
          {r.decidedAt && (
            <>
              <p>
                <strong>{t.decisionReason}:</strong> {r.decisionReason}
              </p>
              <p class="form-hint">
                {t.decidedBy(r.decidedBy ?? t.someone, formatDateTime(r.decidedAt, lang))}
              </p>
            </>
          )}
          {r.status === 'submitted' && p.decideAction && (
            <DecisionForm
              r={r}
              action={p.decideAction(r.id)}
              t={t}
              csrf={p.csrf}
              state={p.decision?.requestId === r.id ? p.decision : undefined}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** The cluster's form for a change request: what to change, the amounts or the day, and why. */
export function ChangeRequestForm(p: {
  t: GrantFollowUpMessages;
  m: Messages;
  lang: Lang;
  csrf: string;
  action: string;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const { t, values, errors } = p;
  const categories = activityMessages(p.lang).categories;
  const options = ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: categories[c] ?? c }));
  return (
    <>
      <ErrorSummary m={p.m} errors={errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.csrf} />
        <fieldset class={errors.kind ? 'form-group form-error' : 'form-group'} id="kind">
          <legend class="form-label">{t.kindLegend}</legend>
          {errors.kind && <span class="form-error-message">{errors.kind}</span>}
          <ul class="nobullet-list">
            {(['budget_shift', 'deadline'] as const).map((value) => (
              <li class="form-group-radio">
                <input
                  class="form-radio"
                  type="radio"
                  id={`kind-${value}`}
                  name="kind"
                  value={value}
                  checked={(values.kind ?? 'budget_shift') === value}
                />
                <label for={`kind-${value}`}>{t.changeKind[value]}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <h2 class="h3">{t.changeKind.budget_shift}</h2>
        <SelectField
          name="fromCategory"
          label={t.fromCategory}
          placeholder={t.choose}
          options={options}
          value={values.fromCategory}
          error={errors.fromCategory}
        />
        <SelectField
          name="toCategory"
          label={t.toCategory}
          placeholder={t.choose}
          options={options}
          value={values.toCategory}
          error={errors.toCategory}
        />
        <TextField
          name="amountDkk"
          label={t.shiftAmount}
          hint={t.amountHint}
          value={values.amountDkk}
          error={errors.amountDkk}
        />
        <h2 class="h3">{t.changeKind.deadline}</h2>
        <DateInput
          name="newDeadline"
          legend={t.newDeadline}
          m={p.m}
          value={datePartsOf(values, 'newDeadline')}
          error={errors.newDeadline}
        />
        <TextAreaField
          name="reason"
          label={t.reason}
          hint={t.reasonHint}
          value={values.reason}
          error={errors.reason}
        />
        <button type="submit" class="button button-primary">
          {t.send}
        </button>
      </form>
    </>
  );
}
