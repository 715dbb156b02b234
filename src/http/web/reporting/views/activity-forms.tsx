import type { FieldIssue } from '../../../../domain/errors.ts';
import { MUNICIPALITIES } from '../../../../domain/reference/geography.ts';
import { issueMessage } from '../../../../domain/reporting/activities/issues.ts';
import type { ActivityDetail, ParticipantView } from '../../../../domain/reporting/activities/queries.ts';
import {
  ACTIVITY_CATEGORIES,
  INSTITUTION_KINDS,
  optionalColumn,
  PARTICIPANT_TYPES,
  RULE_MESSAGES,
  type TableName,
} from '../../../../domain/reporting/format/rows.ts';
import { type Messages, messages, numberForInput } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import {
  DateInput,
  datePartsOf,
  type FieldErrors,
  optionalLabel,
  RequiredFieldsNote,
  SelectField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { activityMessages } from '../activities.messages.ts';

/** Form values as the user typed them, keyed by the reporting format's column names. */
export type Values = Record<string, string>;

export const ACTIVITY_FIELDS = [
  'activity_ref',
  'title',
  'category',
  'start_date',
  'end_date',
  'municipality_code',
  'grant_dkk',
  'external_funding_dkk',
  'private_cofinancing_hours',
  'cofinancing_fees_dkk',
  'cofinancing_sponsorship_dkk',
  'cofinancing_foundations_dkk',
  'eu_application',
] as const;
export const PARTICIPANT_FIELDS = [
  'participant_type',
  'cvr',
  'name',
  'country',
  'employees',
  'municipality_code',
  'industry_code',
  'institution_kind',
  'new_competence',
  'new_idea',
  'new_product',
] as const;
const FLAGS = ['new_competence', 'new_idea', 'new_product'] as const;

/**
 * Field errors in the user's language: the field's label followed by the reporting format's own
 * message for the issue, so a form says what a file's error report says about the same value.
 */
export function fieldErrors(issues: readonly FieldIssue[], lang: Lang): FieldErrors {
  const t = activityMessages(lang) as unknown as Record<string, unknown>;
  const out: FieldErrors = {};
  for (const i of issues) {
    if (out[i.field]) continue;
    const label = typeof t[i.field] === 'string' ? (t[i.field] as string) : null;
    // A form takes a date as day, month and year: the file format's "YYYY-MM-DD" would mislead.
    const message =
      i.message === 'date' ? messages(lang).validation.date('').trim() : issueMessage(i.message, lang);
    const predicate = i.message in RULE_MESSAGES || i.message === 'activityRefTaken';
    out[i.field] = label ? `${label}${predicate ? ' ' : ': '}${message}` : message;
  }
  return out;
}

const municipalityOptions = MUNICIPALITIES.map((m) => ({
  value: String(m.code).padStart(3, '0'),
  label: m.name,
})).sort((a, b) => a.label.localeCompare(b.label, 'da'));

export function activityValues(a: ActivityDetail): Values {
  const s = (v: number | string | null) => (v === null ? '' : String(v));
  const n = (v: number | null) => numberForInput(v);
  return {
    activity_ref: a.activityRef,
    title: a.title,
    category: a.category,
    start_date: a.startDate,
    end_date: s(a.endDate),
    municipality_code: a.municipalityCode === null ? '' : String(a.municipalityCode).padStart(3, '0'),
    grant_dkk: n(a.grantDkk),
    external_funding_dkk: n(a.externalFundingDkk),
    private_cofinancing_hours: n(a.privateCofinancingHours),
    cofinancing_fees_dkk: n(a.cofinancingFeesDkk),
    cofinancing_sponsorship_dkk: n(a.cofinancingSponsorshipDkk),
    cofinancing_foundations_dkk: n(a.cofinancingFoundationsDkk),
    eu_application: a.euApplication ? '1' : '',
  };
}

export function participantValues(p: ParticipantView): Values {
  const s = (v: number | string | null) => (v === null ? '' : String(v));
  return {
    participant_type: p.participantType,
    cvr: s(p.cvr),
    name: p.name,
    country: s(p.country),
    employees: s(p.employees),
    municipality_code: p.municipalityCode === null ? '' : String(p.municipalityCode).padStart(3, '0'),
    industry_code: s(p.industryCode),
    institution_kind: s(p.institutionKind),
    new_competence: p.newCompetence ? '1' : '',
    new_idea: p.newIdea ? '1' : '',
    new_product: p.newProduct ? '1' : '',
  };
}

/**
 * A field's label, marked "(valgfri)" when the reporting format lets the column be empty. A
 * participant's CVR number and country depend on the participant type: their hints say when.
 */
function markedLabel(m: Messages, table: TableName, column: string, label: string): string {
  const dependsOnType = table === 'participants' && (column === 'cvr' || column === 'country');
  return optionalColumn(table, column) && !dependsOnType ? optionalLabel(m, label) : label;
}

export function ActivityForm(p: {
  lang: Lang;
  action: string;
  csrf: string;
  v: Values;
  e: FieldErrors;
  clusters?: { id: string; name: string }[];
  cancel: string;
}) {
  const { v, e, lang } = p;
  const t = activityMessages(lang);
  const m = messages(lang);
  const label = (column: string, text: string) => markedLabel(m, 'activities', column, text);
  const field = (name: (typeof ACTIVITY_FIELDS)[number], hint?: string) => (
    <TextField name={name} label={label(name, t[name])} hint={hint} value={v[name] ?? ''} error={e[name]} />
  );
  return (
    <form method="post" action={p.action} novalidate>
      <RequiredFieldsNote m={m} />
      <CsrfField token={p.csrf} />
      {p.clusters && p.clusters.length > 1 && (
        <SelectField
          name="cluster"
          label={t.clusterField}
          value={v.cluster}
          error={e.cluster}
          options={p.clusters.map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
      {field('title')}
      {field('activity_ref', t.activity_refHint)}
      <SelectField
        name="category"
        label={label('category', t.category)}
        value={v.category}
        error={e.category}
        placeholder={t.chooseCategory}
        options={ACTIVITY_CATEGORIES.map((k) => ({ value: k, label: t.categories[k] ?? k }))}
      />
      <DateInput
        name="start_date"
        legend={label('start_date', t.start_date)}
        hint={t.start_dateHint}
        m={m}
        value={datePartsOf(v, 'start_date')}
        error={e.start_date}
      />
      <DateInput
        name="end_date"
        legend={label('end_date', t.end_date)}
        hint={t.end_dateHint}
        m={m}
        value={datePartsOf(v, 'end_date')}
        error={e.end_date}
      />
      <SelectField
        name="municipality_code"
        label={label('municipality_code', t.municipality_code)}
        value={v.municipality_code}
        error={e.municipality_code}
        placeholder={t.noMunicipality}
        options={municipalityOptions}
      />
      {field('grant_dkk', t.grant_dkkHint)}
      {field('external_funding_dkk', t.grant_dkkHint)}
      {field('private_cofinancing_hours', t.private_cofinancing_hoursHint)}
      <fieldset class="form-group">
        <legend class="form-label">{t.cofinancingBySource}</legend>
        <p class="form-hint">{t.cofinancingBySourceHint}</p>
        {field('cofinancing_fees_dkk', t.cofinancing_fees_dkkHint)}
        {field('cofinancing_sponsorship_dkk', t.cofinancing_sponsorship_dkkHint)}
        {field('cofinancing_foundations_dkk', t.cofinancing_foundations_dkkHint)}
      </fieldset>
      <fieldset class={e.eu_application ? 'form-group form-error' : 'form-group'}>
        <legend class="form-label">{label('eu_application', t.euApplicationLegend)}</legend>
        <Checkbox
          name="eu_application"
          label={t.eu_application}
          checked={v.eu_application === '1'}
          error={e.eu_application}
        />
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button button-primary">
          {t.save}
        </button>{' '}
        <a href={p.cancel} class="button button-tertiary">
          {t.cancel}
        </a>
      </div>
    </form>
  );
}

function Checkbox(p: { name: string; label: string; checked: boolean; error?: string | undefined }) {
  return (
    <div class="form-group-checkbox">
      {p.error && (
        <span class="form-error-message" id={`${p.name}-error`}>
          {p.error}
        </span>
      )}
      <input
        class="form-checkbox"
        type="checkbox"
        id={p.name}
        name={p.name}
        value="1"
        checked={p.checked}
        aria-describedby={p.error ? `${p.name}-error` : undefined}
      />
      <label for={p.name}>{p.label}</label>
    </div>
  );
}

export function ParticipantForm(p: {
  lang: Lang;
  action: string;
  csrf: string;
  v: Values;
  e: FieldErrors;
  submit: string;
  cancel?: string;
}) {
  const { v, e, lang } = p;
  const t = activityMessages(lang);
  const m = messages(lang);
  const label = (column: string, text: string) => markedLabel(m, 'participants', column, text);
  const text = (name: 'cvr' | 'name' | 'country' | 'employees' | 'industry_code', hint: string) => (
    <TextField name={name} label={label(name, t[name])} hint={hint} value={v[name] ?? ''} error={e[name]} />
  );
  const flagError = FLAGS.map((f) => e[f]).find(Boolean);
  return (
    <form method="post" action={p.action} novalidate>
      <RequiredFieldsNote m={m} />
      <CsrfField token={p.csrf} />
      <p class="form-hint">{t.companyNote}</p>
      <SelectField
        name="participant_type"
        label={label('participant_type', t.participant_type)}
        value={v.participant_type}
        error={e.participant_type}
        placeholder={t.chooseType}
        options={PARTICIPANT_TYPES.map((k) => ({ value: k, label: t.types[k] ?? k }))}
      />
      {text('cvr', t.cvrHint)}
      {text('name', t.nameHint)}
      {text('country', t.countryHint)}
      {text('employees', t.employeesHint)}
      <SelectField
        name="municipality_code"
        label={label('municipality_code', t.municipality_code)}
        value={v.municipality_code}
        error={e.municipality_code}
        placeholder={t.noMunicipality}
        options={municipalityOptions}
      />
      {text('industry_code', t.industry_codeHint)}
      <SelectField
        name="institution_kind"
        label={label('institution_kind', t.institution_kind)}
        hint={t.institution_kindHint}
        value={v.institution_kind}
        error={e.institution_kind}
        placeholder={t.noInstitutionKind}
        options={INSTITUTION_KINDS.map((k) => ({ value: k, label: t.institutionKinds[k] ?? k }))}
      />
      <fieldset class={flagError ? 'form-group form-error' : 'form-group'}>
        {/* The outcome flags may all be left unchecked. */}
        <legend class="form-label">{optionalLabel(m, t.effects)}</legend>
        {FLAGS.map((f) => (
          <Checkbox name={f} label={t[f]} checked={v[f] === '1'} error={e[f]} />
        ))}
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button button-primary">
          {p.submit}
        </button>
        {p.cancel && (
          <>
            {' '}
            <a href={p.cancel} class="button button-tertiary">
              {t.cancel}
            </a>
          </>
        )}
      </div>
    </form>
  );
}

/** A confirmation before something is removed: a POST form with the CSRF field, and a way back. */
export function Confirm(p: {
  action: string;
  csrf: string;
  text: string;
  confirm: string;
  cancel: string;
  lang: Lang;
}) {
  const t = activityMessages(p.lang);
  return (
    <form method="post" action={p.action}>
      <CsrfField token={p.csrf} />
      <p>{p.text}</p>
      <div class="form-actions">
        <button type="submit" class="button button-primary">
          {p.confirm}
        </button>{' '}
        <a href={p.cancel} class="button button-tertiary">
          {t.cancel}
        </a>
      </div>
    </form>
  );
}
