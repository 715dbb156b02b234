import type { NewSurveyChoices } from '../../../../domain/surveys/listing.ts';
import { RESULTS_AUDIENCES } from '../../../../domain/surveys/schemas.ts';
import { TEMPLATE_KEYS, TEMPLATES } from '../../../../domain/surveys/templates.ts';
import type { Messages } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import { ErrorSummary, type FieldErrors, SelectField, TextField } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { SurveyMessages } from '../messages.ts';

export interface SurveyFormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

function Radios(p: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  value: string;
  error?: string | undefined;
}) {
  return (
    <fieldset class={p.error ? 'form-group form-error' : 'form-group'} id={p.name}>
      <legend class="form-label">{p.legend}</legend>
      {p.hint && <span class="form-hint">{p.hint}</span>}
      {p.error && <span class="form-error-message">{p.error}</span>}
      <ul class="nobullet-list">
        {p.options.map((o) => (
          <li class="form-group-radio">
            <input
              class="form-radio"
              type="radio"
              id={`${p.name}-${o.value}`}
              name={p.name}
              value={o.value}
              checked={p.value === o.value}
            />
            <label for={`${p.name}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * A survey's settings, and for a new survey also its owner and what it starts from. `choices`
 * is given for a new survey only.
 */
export function SurveyForm(p: {
  action: string;
  form: SurveyFormState;
  choices: NewSurveyChoices | null;
  published: boolean;
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: SurveyMessages;
}) {
  const { t, lang, form } = p;
  const { values, errors } = form;
  return (
    <form method="post" action={p.action} novalidate>
      <ErrorSummary m={p.m} errors={errors} />
      <CsrfField token={p.csrfToken} />
      {p.choices && p.choices.owners.length > 1 && (
        <SelectField
          name="ownerId"
          label={t.ownerLabel}
          value={values.ownerId}
          error={errors.ownerId}
          options={p.choices.owners.map((o) => ({ value: o.id, label: o.name }))}
        />
      )}
      <TextField name="titleDa" label={t.titleDa} value={values.titleDa} error={errors.titleDa} />
      <TextField name="titleEn" label={t.titleEn} value={values.titleEn} error={errors.titleEn} />
      {p.choices && (
        <Radios
          name="start"
          legend={t.start}
          hint={t.startHint}
          value={values.start ?? ''}
          error={errors.start}
          options={[
            ...TEMPLATE_KEYS.map((k) => ({
              value: `template:${k}`,
              label: t.startTemplate(TEMPLATES[k].name[lang]),
            })),
            ...p.choices.questionnaires.map((q) => ({
              value: `questionnaire:${q.id}`,
              label: t.startQuestionnaire(q.name, q.ownerName, q.latestVersion),
            })),
            { value: 'blank', label: t.startBlank },
          ]}
        />
      )}
      {!p.published && (
        <div class="form-group-checkbox form-group">
          <input
            class="form-checkbox"
            type="checkbox"
            id="anonymous"
            name="anonymous"
            value="on"
            checked={values.anonymous === 'on'}
            aria-describedby="anonymous-hint"
          />
          <label for="anonymous">{t.anonymous}</label>
          <span class="form-hint" id="anonymous-hint">
            {t.anonymousHint}
          </span>
        </div>
      )}
      {p.published && <input type="hidden" name="anonymous" value={values.anonymous ?? ''} />}
      <Radios
        name="resultsAudience"
        legend={t.resultsAudience}
        value={values.resultsAudience ?? 'owners'}
        error={errors.resultsAudience}
        options={RESULTS_AUDIENCES.map((a) => ({ value: a, label: t.audiences[a] }))}
      />
      <TextField
        name="closesOn"
        type="date"
        label={t.closesOn}
        hint={t.closesOnHint}
        value={values.closesOn}
        error={errors.closesOn}
      />
      <fieldset class="form-group">
        <legend class="form-label">{t.covers}</legend>
        <span class="form-hint">{t.coversHint}</span>
        <TextField
          name="coversFrom"
          label={t.coversFrom}
          value={values.coversFrom}
          error={errors.coversFrom}
        />
        <TextField name="coversTo" label={t.coversTo} value={values.coversTo} error={errors.coversTo} />
      </fieldset>
      <button type="submit" class="button button-primary">
        {p.choices ? t.createSubmit : t.saveSettings}
      </button>
    </form>
  );
}
