import { THEMES } from '../../../../domain/catalogue/themes.ts';
import { REGIONS, regionName } from '../../../../domain/reference/geography.ts';
import type { Messages } from '../../../i18n/index.ts';
import { href, type Lang } from '../../../paths.ts';
import {
  DateInput,
  datePartsOf,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { CoordinationMessages } from '../messages.ts';

/** A form as typed: values (a list for repeated fields) and the errors to show beside them. */
export type PostedForm = { values: Record<string, string | string[]>; errors: FieldErrors };
export const EMPTY_FORM: PostedForm = { values: {}, errors: {} };

export const formText = (v: unknown) => (typeof v === 'string' ? v : '');
export const formList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(formText) : typeof v === 'string' ? [v] : [];

function Checkboxes(p: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string | undefined;
}) {
  return (
    <fieldset class={p.error ? 'form-group form-error' : 'form-group'} id={p.name}>
      <legend class="form-label">{p.legend}</legend>
      {p.hint && <span class="form-hint">{p.hint}</span>}
      {p.error && <span class="form-error-message">{p.error}</span>}
      {p.options.map((o) => (
        <div class="form-group-checkbox">
          <input
            class="form-checkbox"
            type="checkbox"
            id={`${p.name}-${o.value}`}
            name={p.name}
            value={o.value}
            checked={p.checked.includes(o.value)}
          />
          <label for={`${p.name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The form a funder records a funding plan with. */
export function FundingPlanFormView(p: {
  form: PostedForm;
  clusters: { value: string; label: string }[];
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: CoordinationMessages;
}) {
  const { form, lang } = p;
  const tp = p.t.fundingPlans;
  const v = (k: string) => formText(form.values[k]);
  return (
    <>
      <h1>{tp.formTitle}</h1>
      <p class="font-lead">{tp.formLead}</p>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={href('fundingPlanNew', lang)} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextField
          name="title"
          label={tp.plan}
          hint={tp.titleHint}
          value={v('title')}
          error={form.errors.title}
        />
        <TextAreaField
          rows={5}
          name="description"
          label={tp.description}
          hint={tp.descriptionHint}
          value={v('description')}
          error={form.errors.description}
        />
        <SelectField
          name="theme"
          label={tp.theme}
          placeholder={tp.chooseTheme}
          value={v('theme')}
          options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
          error={form.errors.theme}
        />
        <Checkboxes
          name="regionCodes"
          legend={tp.regions}
          options={REGIONS.map((r) => ({ value: String(r.code), label: regionName(r.code, lang) }))}
          checked={formList(form.values.regionCodes)}
          error={form.errors.regionCodes}
        />
        <TextField
          name="budgetDkk"
          label={tp.budget}
          hint={tp.budgetHint}
          value={v('budgetDkk')}
          error={form.errors.budgetDkk}
        />
        <DateInput
          name="decisionDate"
          legend={tp.decisionDate}
          hint={tp.dateHint}
          m={p.m}
          value={datePartsOf(
            Object.fromEntries(Object.entries(form.values).map(([k, x]) => [k, formText(x)])),
            'decisionDate',
          )}
          error={form.errors.decisionDate}
        />
        <Checkboxes
          name="relatedClusterIds"
          legend={tp.related}
          hint={tp.relatedHint}
          options={p.clusters}
          checked={formList(form.values.relatedClusterIds)}
          error={form.errors.relatedClusterIds}
        />
        <button type="submit" class="button button-primary">
          {tp.submit}
        </button>
      </form>
    </>
  );
}
