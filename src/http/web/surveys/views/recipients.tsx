import type { AudienceResult } from '../../../../domain/surveys/audiences.ts';
import type { RegistrantEvent } from '../../../../domain/surveys/event-registrants.ts';
import type { SurveyOverview } from '../../../../domain/surveys/listing.ts';
import type { ListIssue } from '../../../../domain/surveys/recipient-csv.ts';
import { surveyTitle } from '../../../../domain/surveys/store.ts';
import { formatDay, formatNumber, type Messages } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { FileIssueTable } from '../../../views/file-issues.tsx';
import { Alert, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { RecipientMessages } from '../recipients.messages.ts';

/** More problems than this are counted, not listed: a wrong file can have thousands. */
const ISSUES_SHOWN = 500;

export interface RecipientView {
  lang: Lang;
  t: RecipientMessages;
  m: Messages;
}

/** The problems of an uploaded list, each with its line, column and value. */
export function IssueTable({ v, issues }: { v: RecipientView; issues: readonly ListIssue[] }) {
  const { t } = v;
  return (
    <>
      <Alert variant="error">{t.listRefused(issues.length)}</Alert>
      <FileIssueTable
        caption={t.issuesCaption}
        words={t}
        rows={issues.slice(0, ISSUES_SHOWN).map((i) => ({
          line: i.line,
          column: i.column,
          value: i.code === 'duplicate' ? null : i.value,
          message: i.code === 'duplicate' && i.value ? t.duplicateOf(i.value) : t.issues[i.code],
        }))}
      />
    </>
  );
}

/** A file field for a CSV list, with its hint and error. */
export function FileField({
  v,
  hint,
  error,
}: {
  v: RecipientView;
  hint: string;
  error?: string | undefined;
}) {
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for="file">
        {v.t.file}
      </label>
      <span class="form-hint" id="file-hint">
        {hint}
      </span>
      {error && (
        <span class="form-error-message" id="file-error">
          {error}
        </span>
      )}
      <input
        type="file"
        id="file"
        name="file"
        accept=".csv,text/csv"
        aria-describedby={error ? 'file-hint file-error' : 'file-hint'}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export interface RecipientsState {
  values: Record<string, string>;
  errors: FieldErrors;
  result: AudienceResult | null;
  issues: readonly ListIssue[];
}

const ROLES = [
  'cluster_staff',
  'funder',
  'support_staff',
  'business_service_staff',
  'assessor',
  'admin',
] as const;

export function RecipientsPage(p: {
  v: RecipientView;
  overview: SurveyOverview;
  /** The events whose registrants the person may invite. */
  events: readonly RegistrantEvent[];
  state: RecipientsState;
  csrfToken: string;
}) {
  const { t, lang, m } = p.v;
  const { survey, sources } = p.overview;
  const { values, errors } = p.state;
  const sourceName = (s: SurveyOverview['sources'][number]) =>
    s.eventTitle !== null
      ? t.eventSource(s.eventTitle)
      : s.source.startsWith('role:')
        ? t.roleSource(m.roles[s.source.slice(5) as (typeof ROLES)[number]] ?? s.source)
        : (t.sources[s.source] ?? s.source);
  const choice = (value: string, label: string) => (
    <li class="form-group-radio">
      <input
        class="form-radio"
        type="radio"
        id={`source-${value}`}
        name="source"
        value={value}
        checked={values.source === value}
      />
      <label for={`source-${value}`}>{label}</label>
    </li>
  );
  return (
    <>
      <ErrorSummary m={m} errors={errors} />
      <h1>{t.title}</h1>
      <p class="font-lead">{surveyTitle(survey, lang)}</p>
      <p>{t.intro}</p>
      {p.state.result && <Alert variant="success">{t.added(p.state.result)}</Alert>}
      {p.state.issues.length > 0 && <IssueTable v={p.v} issues={p.state.issues} />}
      {sources.length === 0 ? (
        <p>{t.noneYet}</p>
      ) : (
        <table class="table table--compact">
          <caption>{t.sourcesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.source}</th>
              <th scope="col" class="text-align-right">
                {t.invitations}
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr>
                <th scope="row">{sourceName(s)}</th>
                <td class="results-number">{formatNumber(s.invitations, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t.platformHeading}</h2>
      <form method="post" action={pageHref('surveyRecipients', lang, { id: survey.id })} novalidate>
        <CsrfField token={p.csrfToken} />
        <fieldset class={errors.source ? 'form-group form-error' : 'form-group'} id="source">
          <legend class="form-label">{t.platformSource}</legend>
          {errors.source && <span class="form-error-message">{errors.source}</span>}
          <ul class="nobullet-list">
            {choice('participating_companies', t.fromCompanies)}
            {choice('cluster_organisations', t.fromClusters)}
            {choice('role', t.fromRole)}
            {p.events.length > 0 && choice('event_registrants', t.fromEvent)}
          </ul>
        </fieldset>
        <p class="form-hint">{t.companiesHint}</p>
        <div class="filter-form">
          <TextField name="fromYear" label={t.fromYear} value={values.fromYear} error={errors.fromYear} />
          <TextField name="toYear" label={t.toYear} value={values.toYear} error={errors.toYear} />
          <SelectField
            name="role"
            label={t.role}
            value={values.role}
            error={errors.role}
            options={ROLES.map((r) => ({ value: r, label: m.roles[r] }))}
          />
        </div>
        {p.events.length > 0 ? (
          <SelectField
            name="eventId"
            label={t.event}
            value={values.eventId}
            error={errors.eventId}
            options={p.events.map((e) => ({
              value: e.id,
              label: t.eventOption(e.title, formatDay(e.startsAt, lang), e.registrants),
            }))}
          />
        ) : (
          <p class="form-hint">{t.noEvents}</p>
        )}
        <button type="submit" class="button button-primary">
          {t.addFromPlatform}
        </button>
      </form>
      <h2>{t.listHeading}</h2>
      <form
        method="post"
        action={pageHref('surveyRecipientList', lang, { id: survey.id })}
        enctype="multipart/form-data"
      >
        <CsrfField token={p.csrfToken} />
        <FileField v={p.v} hint={t.listHint} error={errors.file} />
        <button type="submit" class="button button-primary">
          {t.upload}
        </button>
      </form>
      <p class="mt-7">
        <a href={pageHref('survey', lang, { id: survey.id })}>{t.back}</a>
      </p>
    </>
  );
}
