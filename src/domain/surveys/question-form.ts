/**
 * The question editor's form, which works without JavaScript: flat fields in, one question out,
 * and back. Options and matrix rows are numbered rows of fields (`option-0-da`, `option-0-en`,
 * ...) with a few empty rows to add more; an option keeps its key when its texts change, so
 * results compare across versions. Skip logic is a set of `question:choice` checkboxes.
 */
import { AppError, type FieldIssue } from '../errors.ts';
import { parseDanishNumber } from '../reference/danish.ts';
import {
  canBeCondition,
  choicesOf,
  QUESTION_TYPES,
  type Question,
  type QuestionnaireDefinition,
  type QuestionOption,
  type QuestionType,
  questionSchema,
} from './questionnaire.ts';

export type QuestionFields = Record<string, string | string[]>;

/** Empty rows the form offers below the filled ones, to add options without JavaScript. */
export const SPARE_ROWS = 3;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const ticked = (v: string | string[] | undefined) => one(v) !== '';

/** The filled rows of a numbered list of options (`<prefix>-<i>-key|da|en`), with keys kept or made. */
function readOptions(fields: QuestionFields, prefix: 'option' | 'row'): QuestionOption[] {
  const rows: { key: string; da: string; en: string }[] = [];
  for (let i = 0; i < 60; i++) {
    const da = one(fields[`${prefix}-${i}-da`]);
    const en = one(fields[`${prefix}-${i}-en`]);
    const key = one(fields[`${prefix}-${i}-key`]);
    if (da !== '' || en !== '') rows.push({ key, da, en });
  }
  const used = new Set(rows.map((r) => r.key).filter((k) => k !== ''));
  let n = 1;
  const fresh = () => {
    while (used.has(`${prefix === 'option' ? 'o' : 'r'}${n}`)) n++;
    const key = `${prefix === 'option' ? 'o' : 'r'}${n}`;
    used.add(key);
    return key;
  };
  return rows.map((r) => ({ key: r.key || fresh(), label: { da: r.da, en: r.en } }));
}

const optionalNumber = (raw: string) => {
  const n = parseDanishNumber(raw);
  return n === null ? undefined : n;
};

/** The question as its type needs it, from the fields; checked by the questionnaire's schema after. */
function draftQuestion(fields: QuestionFields, key: string, type: QuestionType): Record<string, unknown> {
  const local = (name: string) => ({ da: one(fields[`${name}Da`]), en: one(fields[`${name}En`]) });
  const help = local('help');
  const conditions = many(fields.showIf).map((v) => v.split(':'));
  const base = {
    key,
    type,
    page: Number(one(fields.page) || '1'),
    text: local('text'),
    ...(help.da || help.en ? { help } : {}),
    required: ticked(fields.required),
    // Every ticked choice must belong to the same question; a mix names no question and is refused.
    ...(conditions.length > 0
      ? {
          showIf: {
            question: new Set(conditions.map((c) => c[0])).size === 1 ? (conditions[0]?.[0] ?? '') : '',
            anyOf: conditions.map((c) => c[1] ?? ''),
          },
        }
      : {}),
  };
  switch (type) {
    case 'single':
    case 'multiple':
      return { ...base, options: readOptions(fields, 'option') };
    case 'matrix':
      return { ...base, options: readOptions(fields, 'option'), rows: readOptions(fields, 'row') };
    case 'scale':
      return { ...base, low: local('low'), high: local('high') };
    case 'number':
      return {
        ...base,
        integer: ticked(fields.integer),
        min: optionalNumber(one(fields.min)),
        max: optionalNumber(one(fields.max)),
      };
    case 'text':
      return { ...base, long: ticked(fields.long) };
  }
}

/** A schema path as the form's field name: ['options', 2, 'label', 'da'] is option-2-da. */
function fieldOf(path: readonly PropertyKey[]): string {
  const [head, index, part, lang] = path.map(String);
  const cap = (s = '') => s.charAt(0).toUpperCase() + s.slice(1);
  if ((head === 'options' || head === 'rows') && index !== undefined) {
    if (part === 'label') return `${head === 'options' ? 'option' : 'row'}-${index}-${lang ?? 'da'}`;
    return head === 'options' ? 'options' : 'rows';
  }
  if (['text', 'help', 'low', 'high'].includes(head ?? '')) return `${head}${cap(index ?? 'da')}`;
  return head ?? 'form';
}

/**
 * One question from the editor's fields, checked alone and with the questions it joins.
 * `key` is the question's key (a new one when it is added). Throws `validation` with the
 * problems of every field.
 */
export function questionFromForm(
  fields: QuestionFields,
  key: string,
  others: QuestionnaireDefinition,
): Question {
  const type = one(fields.type) as QuestionType;
  if (!QUESTION_TYPES.includes(type))
    throw new AppError('validation', 'Invalid question', [{ field: 'type', message: 'required' }]);
  const draft = draftQuestion(fields, key, type);
  const parsed = questionSchema.safeParse(draft);
  const issues: FieldIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ field: fieldOf(i.path), message: i.message }));
  if (parsed.success) issues.push(...conditionIssues(parsed.data, others));
  // Whatever is wrong with skip logic, the form can only say: choose answers of one earlier question.
  const named = issues.map((i) => (i.field === 'showIf' ? { field: 'showIf', message: 'showIf' } : i));
  if (!parsed.success || named.length > 0)
    throw new AppError('validation', 'Invalid question', dedupe(named));
  return parsed.data;
}

function conditionIssues(q: Question, others: QuestionnaireDefinition): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max)
    issues.push({ field: 'max', message: 'range' });
  if (!q.showIf) return issues;
  const condition = conditionChoices(others, q.page).find((c) => c.key === q.showIf?.question);
  if (!condition || !q.showIf.anyOf.every((c) => condition.choices.includes(c)))
    issues.push({ field: 'showIf', message: 'showIf' });
  return issues;
}

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  return issues.filter((issue, i) => issues.findIndex((other) => other.field === issue.field) === i);
}

/** The questions on pages before `page` that skip logic may depend on, with their choices. */
export function conditionChoices(def: QuestionnaireDefinition, page: number) {
  return def.questions
    .filter((q) => q.page < page && canBeCondition(q))
    .map((q) => ({ key: q.key, question: q, choices: choicesOf(q) }));
}

/** A question as the editor's fields, to edit it. */
export function formOfQuestion(q: Question): QuestionFields {
  const fields: QuestionFields = {
    type: q.type,
    page: String(q.page),
    textDa: q.text.da,
    textEn: q.text.en,
    helpDa: q.help?.da ?? '',
    helpEn: q.help?.en ?? '',
    required: q.required ? 'on' : '',
    showIf: q.showIf ? q.showIf.anyOf.map((c) => `${q.showIf?.question}:${c}`) : [],
  };
  const list = (prefix: 'option' | 'row', options: readonly QuestionOption[]) =>
    options.forEach((o, i) => {
      fields[`${prefix}-${i}-key`] = o.key;
      fields[`${prefix}-${i}-da`] = o.label.da;
      fields[`${prefix}-${i}-en`] = o.label.en;
    });
  if ('options' in q) list('option', q.options);
  if (q.type === 'matrix') list('row', q.rows);
  if (q.type === 'scale')
    Object.assign(fields, { lowDa: q.low.da, lowEn: q.low.en, highDa: q.high.da, highEn: q.high.en });
  if (q.type === 'number')
    Object.assign(fields, {
      integer: q.integer ? 'on' : '',
      min: q.min === undefined ? '' : String(q.min),
      max: q.max === undefined ? '' : String(q.max),
    });
  if (q.type === 'text') fields.long = q.long ? 'on' : '';
  return fields;
}

/** The next free question key: q1, q2, ... */
export function nextQuestionKey(def: QuestionnaireDefinition): string {
  const used = new Set(def.questions.map((q) => q.key));
  let n = def.questions.length + 1;
  while (used.has(`q${n}`)) n++;
  return `q${n}`;
}
