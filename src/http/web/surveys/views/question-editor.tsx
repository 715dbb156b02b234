import type { Child } from 'hono/jsx';
import type { FormFields } from '../../../../domain/surveys/answers.ts';
import { conditionChoices, SPARE_ROWS } from '../../../../domain/surveys/question-form.ts';
import {
  MAX_PAGES,
  pagesOf,
  QUESTION_TYPES,
  type Question,
  type QuestionnaireDefinition,
} from '../../../../domain/surveys/questionnaire.ts';
import { type SurveyRecord, surveyTitle } from '../../../../domain/surveys/store.ts';
import type { Messages } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { ErrorSummary, type FieldErrors, SelectField, TextField } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { EditorMessages } from '../editor.messages.ts';

export interface EditorView {
  lang: Lang;
  t: EditorMessages;
}

const one = (fields: FormFields, name: string) => {
  const v = fields[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

/** The questions page by page, each with links to change or delete it. */
export function QuestionList(p: {
  v: EditorView;
  survey: SurveyRecord;
  editable: boolean;
  csrfToken: string;
}) {
  const { t, lang } = p.v;
  const id = p.survey.id;
  const def = p.survey.definition;
  return (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{surveyTitle(p.survey, lang)}</p>
      <p>{p.editable ? t.intro : t.locked}</p>
      {pagesOf(def).map((page) => (
        <section aria-labelledby={`page-${page}`}>
          <h2 id={`page-${page}`}>{t.page(page)}</h2>
          <ol class="survey-question-list">
            {def.questions
              .filter((q) => q.page === page)
              .map((q) => (
                <li>
                  <p>
                    <strong>{q.text[lang]}</strong>
                    <br />
                    {t.types[q.type]} · {q.required ? t.required : t.optional}
                  </p>
                  {p.editable && (
                    <div class="survey-question-actions">
                      <a
                        href={pageHref('surveyQuestion', lang, { id, key: q.key })}
                        aria-label={t.editQuestion(q.text[lang])}
                      >
                        {t.edit}
                      </a>
                      <form method="post" action={pageHref('surveyQuestionDelete', lang, { id, key: q.key })}>
                        <CsrfField token={p.csrfToken} />
                        <button
                          type="submit"
                          class="button button-tertiary"
                          aria-label={t.removeQuestion(q.text[lang])}
                        >
                          {t.remove}
                        </button>
                      </form>
                    </div>
                  )}
                </li>
              ))}
          </ol>
        </section>
      ))}
      <p class="form-actions">
        {p.editable && (
          <a class="button button-primary" href={pageHref('surveyQuestionNew', lang, { id })}>
            {t.add}
          </a>
        )}
        <a class="button button-secondary" href={pageHref('surveyPreview', lang, { id })}>
          {t.preview}
        </a>
      </p>
    </>
  );
}

function Box({ legend, hint, children }: { legend: string; hint?: string; children: Child }) {
  return (
    <fieldset class="form-group survey-editor-box">
      <legend class="form-label">{legend}</legend>
      {hint && <span class="form-hint">{hint}</span>}
      {children}
    </fieldset>
  );
}

function Checkbox(p: { name: string; label: string; checked: boolean; value?: string; id?: string }) {
  const id = p.id ?? p.name;
  return (
    <div class="form-group-checkbox">
      <input
        class="form-checkbox"
        type="checkbox"
        id={id}
        name={p.name}
        value={p.value ?? 'on'}
        checked={p.checked}
      />
      <label for={id}>{p.label}</label>
    </div>
  );
}

/** Numbered rows of Danish and English texts, with spare empty rows to add more. */
function OptionRows(p: {
  prefix: 'option' | 'row';
  fields: FormFields;
  errors: FieldErrors;
  labelDa: (n: number) => string;
  labelEn: (n: number) => string;
}) {
  let filled = 0;
  while (one(p.fields, `${p.prefix}-${filled}-da`) || one(p.fields, `${p.prefix}-${filled}-en`)) filled++;
  const rows = Array.from({ length: filled + SPARE_ROWS }, (_, i) => i);
  return (
    <>
      {rows.map((i) => (
        <div class="survey-option-row">
          <input type="hidden" name={`${p.prefix}-${i}-key`} value={one(p.fields, `${p.prefix}-${i}-key`)} />
          <TextField
            name={`${p.prefix}-${i}-da`}
            label={p.labelDa(i + 1)}
            value={one(p.fields, `${p.prefix}-${i}-da`)}
            error={p.errors[`${p.prefix}-${i}-da`]}
          />
          <TextField
            name={`${p.prefix}-${i}-en`}
            label={p.labelEn(i + 1)}
            value={one(p.fields, `${p.prefix}-${i}-en`)}
            error={p.errors[`${p.prefix}-${i}-en`]}
          />
        </div>
      ))}
    </>
  );
}

/** The checkboxes of skip logic: each earlier choice question with its choices. */
function Conditions(p: {
  v: EditorView;
  def: QuestionnaireDefinition;
  fields: FormFields;
  error?: string | undefined;
}) {
  const { t, lang } = p.v;
  const chosen = new Set([p.fields.showIf ?? []].flat());
  const label = (q: Question, c: string) =>
    q.type === 'scale' ? c : 'options' in q ? (q.options.find((o) => o.key === c)?.label[lang] ?? c) : c;
  // Every choice question is offered: the page of this question is chosen in the same form, and
  // the domain refuses a condition that is not on an earlier page.
  const candidates = conditionChoices(p.def, MAX_PAGES + 1);
  return (
    <fieldset class={p.error ? 'form-group form-error' : 'form-group'} id="showIf">
      <legend class="form-label">{t.showIf}</legend>
      <span class="form-hint">{t.showIfHint}</span>
      {p.error && <span class="form-error-message">{p.error}</span>}
      {candidates.map((c) => (
        <fieldset class="survey-matrix-row">
          <legend>{t.showIfQuestion(c.question.text[lang])}</legend>
          {c.choices.map((choice) => (
            <Checkbox
              name="showIf"
              id={`showIf-${c.key}-${choice}`}
              value={`${c.key}:${choice}`}
              label={label(c.question, choice)}
              checked={chosen.has(`${c.key}:${choice}`)}
            />
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}

/** The form of one question: every type's fields, grouped, so it works without JavaScript. */
export function QuestionEditor(p: {
  v: EditorView;
  survey: SurveyRecord;
  action: string;
  questionKey: string | null;
  fields: FormFields;
  errors: FieldErrors;
  csrfToken: string;
  m: Messages;
}) {
  const { t, lang } = p.v;
  const f = (name: string) => one(p.fields, name);
  const e = p.errors;
  const others = { questions: p.survey.definition.questions.filter((q) => q.key !== p.questionKey) };
  return (
    <>
      <ErrorSummary m={p.m} errors={e} />
      <h1>{p.questionKey ? t.editTitle : t.newTitle}</h1>
      <p class="font-lead">{surveyTitle(p.survey, lang)}</p>
      <form method="post" action={p.action} id="questions" novalidate>
        <CsrfField token={p.csrfToken} />
        <SelectField
          name="type"
          label={t.type}
          value={f('type')}
          error={e.type}
          options={QUESTION_TYPES.map((type) => ({ value: type, label: t.types[type] }))}
        />
        <TextField
          name="page"
          label={t.pageLabel}
          hint={t.pageHint}
          value={f('page') || '1'}
          error={e.page}
        />
        <TextField name="textDa" label={t.textDa} value={f('textDa')} error={e.textDa} />
        <TextField name="textEn" label={t.textEn} value={f('textEn')} error={e.textEn} />
        <TextField name="helpDa" label={t.helpDa} value={f('helpDa')} error={e.helpDa} />
        <TextField name="helpEn" label={t.helpEn} value={f('helpEn')} error={e.helpEn} />
        <Checkbox name="required" label={t.isRequired} checked={f('required') === 'on'} />
        <Box legend={t.options} hint={t.optionsHint}>
          {e.options && (
            <span class="form-error-message" id="options">
              {e.options}
            </span>
          )}
          <OptionRows
            prefix="option"
            fields={p.fields}
            errors={e}
            labelDa={t.optionDa}
            labelEn={t.optionEn}
          />
        </Box>
        <Box legend={t.rows} hint={t.rowsHint}>
          {e.rows && (
            <span class="form-error-message" id="rows">
              {e.rows}
            </span>
          )}
          <OptionRows prefix="row" fields={p.fields} errors={e} labelDa={t.rowDa} labelEn={t.rowEn} />
        </Box>
        <Box legend={t.scale} hint={t.scaleHint}>
          <TextField name="lowDa" label={t.lowDa} value={f('lowDa')} error={e.lowDa} />
          <TextField name="lowEn" label={t.lowEn} value={f('lowEn')} error={e.lowEn} />
          <TextField name="highDa" label={t.highDa} value={f('highDa')} error={e.highDa} />
          <TextField name="highEn" label={t.highEn} value={f('highEn')} error={e.highEn} />
        </Box>
        <Box legend={t.number} hint={t.numberHint}>
          <TextField name="min" label={t.min} value={f('min')} error={e.min} />
          <TextField name="max" label={t.max} value={f('max')} error={e.max} />
          <Checkbox name="integer" label={t.integer} checked={f('integer') === 'on'} />
        </Box>
        <Box legend={t.text}>
          <Checkbox name="long" label={t.long} checked={f('long') === 'on'} />
        </Box>
        <Conditions v={p.v} def={others} fields={p.fields} error={e.showIf} />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            {t.save}
          </button>
          <a class="button button-secondary" href={pageHref('surveyQuestions', lang, { id: p.survey.id })}>
            {t.cancel}
          </a>
        </div>
      </form>
    </>
  );
}
