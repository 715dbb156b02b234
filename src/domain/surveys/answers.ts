/**
 * A respondent's answers: read from a page's form fields and checked against the questions,
 * with skip logic applied, and turned into the rows results count (and back). Form fields are
 * named `q-<question>` (`q-<question>-<row>` for a matrix row), the ids the error summary links to.
 */
import type { FieldIssue } from '../errors.ts';
import { parseDanishNumber } from '../reference/danish.ts';
import { choicesOf, inPageOrder, type Question, type QuestionnaireDefinition } from './questionnaire.ts';

/** One question's answer: a choice, a number or text as a string; choices of a multiple; a matrix's row → choice. */
export type AnswerValue = string | string[] | Record<string, string>;
export type Answers = Record<string, AnswerValue>;

/** Form fields as posted: repeated fields (checkboxes) as lists. */
export type FormFields = Record<string, string | string[]>;

export const MAX_TEXT_ANSWER = 5000;

export const fieldName = (q: Pick<Question, 'key'>, row?: string) =>
  row ? `q-${q.key}-${row}` : `q-${q.key}`;

const isEmpty = (v: AnswerValue | undefined) =>
  v === undefined ||
  v === '' ||
  (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && !Object.keys(v).length);

/** Whether a question is shown, given the answers to earlier pages. */
export function isVisible(q: Question, answers: Answers): boolean {
  if (!q.showIf) return true;
  const given = answers[q.showIf.question];
  const chosen = typeof given === 'string' ? [given] : Array.isArray(given) ? given : [];
  return chosen.some((c) => q.showIf?.anyOf.includes(c));
}

/** The answers without those to questions that their conditions now hide. */
export function withoutHidden(def: QuestionnaireDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const q of inPageOrder(def)) {
    const value = answers[q.key];
    if (value !== undefined && isVisible(q, kept)) kept[q.key] = value;
  }
  return kept;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const all = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter((s) => s !== '');

type Read = { value?: AnswerValue; issue?: string };

function readNumber(q: Extract<Question, { type: 'number' }>, raw: string): Read {
  const n = parseDanishNumber(raw);
  if (n === null) return {};
  if (!Number.isFinite(n) || (q.integer && !Number.isInteger(n)))
    return { issue: q.integer ? 'wholeNumber' : 'number' };
  if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) return { issue: 'range' };
  return { value: String(n) };
}

/** One question's answer from the form, or the reason it cannot be taken. */
function readQuestion(q: Question, fields: FormFields): Read {
  const raw = fields[fieldName(q)];
  const choices = choicesOf(q);
  switch (q.type) {
    case 'single':
    case 'scale': {
      const v = first(raw);
      if (v === '') return {};
      return choices.includes(v) ? { value: v } : { issue: 'invalid' };
    }
    case 'multiple': {
      const picked = [...new Set(all(raw))];
      if (!picked.every((v) => choices.includes(v))) return { issue: 'invalid' };
      return picked.length > 0 ? { value: choices.filter((c) => picked.includes(c)) } : {};
    }
    case 'number':
      return readNumber(q, first(raw));
    case 'text': {
      const v = first(raw);
      if (v.length > MAX_TEXT_ANSWER) return { issue: 'tooLong' };
      return v === '' ? {} : { value: v };
    }
    case 'matrix': {
      const value: Record<string, string> = {};
      for (const row of q.rows) {
        const v = first(fields[fieldName(q, row.key)]);
        if (v === '') continue;
        if (!choices.includes(v)) return { issue: 'invalid' };
        value[row.key] = v;
      }
      // A required matrix needs every row answered.
      if (q.required && Object.keys(value).length > 0 && Object.keys(value).length < q.rows.length)
        return { issue: 'allRows' };
      return Object.keys(value).length > 0 ? { value } : {};
    }
  }
}

/**
 * Reads one page's answers into the answers so far. Questions hidden by skip logic are not
 * asked and lose earlier answers; a required question that is shown must be answered.
 * Returns the merged answers and every problem, each naming its field.
 */
export function readPage(
  def: QuestionnaireDefinition,
  page: number,
  fields: FormFields,
  before: Answers,
): { answers: Answers; issues: FieldIssue[] } {
  const answers: Answers = { ...before };
  const issues: FieldIssue[] = [];
  for (const q of inPageOrder(def).filter((q) => q.page === page)) {
    delete answers[q.key];
    if (!isVisible(q, answers)) continue;
    const read = readQuestion(q, fields);
    if (read.issue) issues.push({ field: fieldName(q), message: read.issue });
    else if (read.value !== undefined) answers[q.key] = read.value;
    else if (q.required) issues.push({ field: fieldName(q), message: 'required' });
  }
  return { answers: withoutHidden(def, answers), issues };
}

/** The shown, required questions still unanswered, in the order a respondent meets them. */
export function unansweredRequired(def: QuestionnaireDefinition, answers: Answers): Question[] {
  return inPageOrder(def).filter((q) => q.required && isVisible(q, answers) && isEmpty(answers[q.key]));
}

/** The page a respondent continues on: the first with a required question still unanswered. */
export function resumePage(def: QuestionnaireDefinition, answers: Answers): number | null {
  return unansweredRequired(def, answers)[0]?.page ?? null;
}

export interface AnswerRow {
  questionKey: string;
  rowKey: string;
  choice: string;
  number: number | null;
  text: string | null;
}

/** The rows results count: one per chosen option, matrix row, number or text. */
export function answerRows(def: QuestionnaireDefinition, answers: Answers): AnswerRow[] {
  const rows: AnswerRow[] = [];
  const row = (questionKey: string, rest: Partial<AnswerRow>) =>
    rows.push({ questionKey, rowKey: '', choice: '', number: null, text: null, ...rest });
  for (const q of inPageOrder(def)) {
    const v = answers[q.key];
    if (v === undefined) continue;
    if (q.type === 'matrix' && typeof v === 'object' && !Array.isArray(v))
      for (const [rowKey, choice] of Object.entries(v)) row(q.key, { rowKey, choice });
    else if (q.type === 'multiple' && Array.isArray(v)) for (const choice of v) row(q.key, { choice });
    else if (q.type === 'scale' && typeof v === 'string') row(q.key, { choice: v, number: Number(v) });
    else if (q.type === 'single' && typeof v === 'string') row(q.key, { choice: v });
    else if (q.type === 'number' && typeof v === 'string') row(q.key, { number: Number(v) });
    else if (q.type === 'text' && typeof v === 'string') row(q.key, { text: v });
  }
  return rows;
}

/** Stored answer rows back as answers, for a respondent who changes a sent response. */
export function answersOfRows(def: QuestionnaireDefinition, rows: readonly AnswerRow[]): Answers {
  const answers: Answers = {};
  const byKey = new Map(def.questions.map((q) => [q.key, q]));
  for (const r of rows) {
    const q = byKey.get(r.questionKey);
    if (!q) continue;
    if (q.type === 'matrix') {
      const current = answers[q.key];
      answers[q.key] = {
        ...(typeof current === 'object' && !Array.isArray(current) ? current : {}),
        [r.rowKey]: r.choice,
      };
    } else if (q.type === 'multiple') {
      const current = answers[q.key];
      answers[q.key] = [...(Array.isArray(current) ? current : []), r.choice];
    } else if (q.type === 'number') answers[q.key] = String(r.number);
    else if (q.type === 'text') answers[q.key] = r.text ?? '';
    else answers[q.key] = r.choice;
  }
  return answers;
}

/** The answers as the form fields that show them, for a page shown again. */
export function fieldsOf(def: QuestionnaireDefinition, answers: Answers): FormFields {
  const fields: FormFields = {};
  for (const q of def.questions) {
    const v = answers[q.key];
    if (v === undefined) continue;
    if (typeof v === 'string' || Array.isArray(v)) fields[fieldName(q)] = v;
    else for (const [row, choice] of Object.entries(v)) fields[fieldName(q, row)] = choice;
  }
  return fields;
}
