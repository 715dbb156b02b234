import { THEMES } from '../../../../domain/catalogue/themes.ts';
import { PRACTICE_MODELS } from '../../../../domain/practices/schemas.ts';
import { REGIONS } from '../../../../domain/reference/geography.ts';
import type { Messages } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import {
  Checkboxes,
  describedBy,
  ErrorSummary,
  FieldShell,
  formList,
  formText,
  type PostedForm,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { PracticeMessages } from '../messages.ts';

type Option = { id: string; name: string };

/** Several organisations of the register in one list box (works without JavaScript). */
function ActorsField(p: {
  t: PracticeMessages;
  options: Option[];
  chosen: string[];
  error?: string | undefined;
}) {
  const field = { name: 'actors', label: p.t.actors, hint: p.t.actorsHint, error: p.error };
  return (
    <FieldShell {...field}>
      <select
        class="form-select"
        id="actors"
        name="actors"
        multiple
        size={8}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(field)}
      >
        {p.options.map((o) => (
          <option value={o.id} selected={p.chosen.includes(o.id)}>
            {o.name}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

const LONG_TEXTS = ['whatWasDone', 'whatWorked', 'whatDidNot'] as const;

/**
 * The case form: the proposal (with the proposing organisation when the person works for more
 * than one) and the support function's editing.
 */
export function PracticeFormView(p: {
  heading: string;
  lead?: string;
  action: string;
  submit: string;
  form: PostedForm;
  actors: Option[];
  proposers: Option[];
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: PracticeMessages;
}) {
  const { form, t, lang } = p;
  const v = (k: string) => formText(form.values[k]);
  const e = form.errors;
  return (
    <>
      <h1>{p.heading}</h1>
      {p.lead && <p class="font-lead">{p.lead}</p>}
      <ErrorSummary m={p.m} errors={e} />
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.csrfToken} />
        {p.proposers.length > 1 && (
          <SelectField
            name="proposerId"
            label={t.proposer}
            value={v('proposerId')}
            options={p.proposers.map((o) => ({ value: o.id, label: o.name }))}
            error={e.proposerId}
          />
        )}
        <TextField name="title" label={t.titleField} value={v('title')} error={e.title} />
        <SelectField
          name="model"
          label={t.model}
          placeholder={t.choose}
          value={v('model')}
          options={PRACTICE_MODELS.map((k) => ({ value: k, label: t.modelNames[k] }))}
          error={e.model}
        />
        <TextAreaField name="summary" label={t.summary} value={v('summary')} rows={3} error={e.summary} />
        <ActorsField t={t} options={p.actors} chosen={formList(form.values.actors)} error={e.actors} />
        <Checkboxes
          name="regions"
          legend={t.regions}
          hint={t.regionsHint}
          options={REGIONS.map((r) => ({ value: String(r.code), label: lang === 'en' ? r.nameEn : r.name }))}
          checked={formList(form.values.regions)}
          error={e.regions}
        />
        <Checkboxes
          name="themes"
          legend={t.themes}
          hint={t.themesHint}
          options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
          checked={formList(form.values.themes)}
          error={e.themes}
        />
        {LONG_TEXTS.map((name) => (
          <TextAreaField name={name} label={t[name]} value={v(name)} rows={6} error={e[name]} />
        ))}
        <TextField name="contactName" label={t.contactName} value={v('contactName')} error={e.contactName} />
        <TextField
          name="contactEmail"
          type="email"
          label={t.contactEmail}
          value={v('contactEmail')}
          error={e.contactEmail}
        />
        <button type="submit" class="button button-primary">
          {p.submit}
        </button>
      </form>
    </>
  );
}
