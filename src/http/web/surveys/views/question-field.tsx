import type { Child } from 'hono/jsx';
import { type FormFields, fieldName } from '../../../../domain/surveys/answers.ts';
import { type Question, type QuestionOption, SCALE_STEPS } from '../../../../domain/surveys/questionnaire.ts';
import type { Lang } from '../../../paths.ts';
import type { RespondMessages } from '../respond.messages.ts';

/**
 * One question as DKFDS form fields, the same on the respondent's page and in the preview:
 * choices as a fieldset of radios or checkboxes (a matrix as one fieldset per row), numbers and
 * texts as labelled inputs. The fieldset or input carries the id `q-<key>` the error summary
 * links to; the hint and error are tied to it with aria-describedby.
 */
export interface QuestionFieldProps {
  q: Question;
  lang: Lang;
  fields: FormFields;
  error?: string | undefined;
  /** An extra line under the question, e.g. the preview's note on skip logic. */
  note?: string | undefined;
  t: RespondMessages;
}

const valuesOf = (fields: FormFields, name: string): string[] => {
  const v = fields[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** The line under a question: its help text, a number's range, a note. */
function hintOf(p: QuestionFieldProps): string {
  const help = p.q.help?.[p.lang];
  const range =
    p.q.type === 'number'
      ? p.t.rangeHint(
          p.q.min === undefined ? null : String(p.q.min),
          p.q.max === undefined ? null : String(p.q.max),
        )
      : '';
  return [help, range, p.note].filter((s) => s).join(' ');
}

function Notes({ id, p }: { id: string; p: QuestionFieldProps }) {
  const hint = hintOf(p);
  return (
    <>
      {hint && (
        <span class="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {p.error && (
        <span class="form-error-message" id={`${id}-error`}>
          {p.error}
        </span>
      )}
    </>
  );
}

const describedBy = (id: string, p: QuestionFieldProps) =>
  [hintOf(p) && `${id}-hint`, p.error && `${id}-error`].filter(Boolean).join(' ') || undefined;

function Label({ p }: { p: QuestionFieldProps }) {
  return (
    <>
      {p.q.text[p.lang]}
      {!p.q.required && <span class="survey-optional"> {p.t.optional}</span>}
    </>
  );
}

function Choices(p: {
  name: string;
  type: 'radio' | 'checkbox';
  options: readonly QuestionOption[];
  chosen: readonly string[];
  lang: Lang;
  inline?: boolean;
}) {
  const radio = p.type === 'radio';
  return (
    <ul class={p.inline ? 'nobullet-list survey-choices-inline' : 'nobullet-list'}>
      {p.options.map((o) => (
        <li class={radio ? 'form-group-radio' : 'form-group-checkbox'}>
          <input
            class={radio ? 'form-radio' : 'form-checkbox'}
            type={p.type}
            id={`${p.name}-${o.key}`}
            name={p.name}
            value={o.key}
            checked={p.chosen.includes(o.key)}
          />
          <label for={`${p.name}-${o.key}`}>{o.label[p.lang]}</label>
        </li>
      ))}
    </ul>
  );
}

function Group({ id, p, children }: { id: string; p: QuestionFieldProps; children: Child }) {
  return (
    <fieldset
      class={p.error ? 'form-group form-error' : 'form-group'}
      id={id}
      aria-describedby={describedBy(id, p)}
    >
      <legend class="form-label">
        <Label p={p} />
      </legend>
      <Notes id={id} p={p} />
      {children}
    </fieldset>
  );
}

export function QuestionField(p: QuestionFieldProps) {
  const { q, lang } = p;
  const id = fieldName(q);
  switch (q.type) {
    case 'single':
    case 'multiple':
      return (
        <Group id={id} p={p}>
          <Choices
            name={id}
            type={q.type === 'single' ? 'radio' : 'checkbox'}
            options={q.options}
            chosen={valuesOf(p.fields, id)}
            lang={lang}
          />
        </Group>
      );
    case 'scale': {
      const steps = SCALE_STEPS.map((s, i) => ({
        key: s,
        label: {
          da: p.t.scaleStep(s, i === 0 ? q.low.da : i === SCALE_STEPS.length - 1 ? q.high.da : null),
          en: p.t.scaleStep(s, i === 0 ? q.low.en : i === SCALE_STEPS.length - 1 ? q.high.en : null),
        },
      }));
      return (
        <Group id={id} p={p}>
          <Choices
            name={id}
            type="radio"
            options={steps}
            chosen={valuesOf(p.fields, id)}
            lang={lang}
            inline
          />
        </Group>
      );
    }
    case 'matrix':
      return (
        <Group id={id} p={p}>
          {q.rows.map((row) => {
            const name = fieldName(q, row.key);
            return (
              <fieldset class="survey-matrix-row">
                <legend>{row.label[lang]}</legend>
                <Choices
                  name={name}
                  type="radio"
                  options={q.options}
                  chosen={valuesOf(p.fields, name)}
                  lang={lang}
                  inline
                />
              </fieldset>
            );
          })}
        </Group>
      );
    case 'number':
    case 'text': {
      const value = valuesOf(p.fields, id)[0] ?? '';
      const common = {
        id,
        name: id,
        'aria-invalid': p.error ? 'true' : undefined,
        'aria-describedby': describedBy(id, p),
      };
      return (
        <div class={p.error ? 'form-group form-error' : 'form-group'}>
          <label class="form-label" for={id}>
            <Label p={p} />
          </label>
          <Notes id={id} p={p} />
          {q.type === 'text' && q.long ? (
            <textarea class="form-input" rows={5} {...common}>
              {value}
            </textarea>
          ) : (
            <input
              class={q.type === 'number' ? 'form-input input-width-s' : 'form-input'}
              type="text"
              inputmode={q.type === 'number' ? 'decimal' : undefined}
              value={value}
              {...common}
            />
          )}
        </div>
      );
    }
  }
}
