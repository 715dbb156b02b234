/**
 * A questionnaire's questions as one JSON document (a version's `definition`): the six question
 * types, required or optional, Danish and English texts, the page each question is on, and
 * simple skip logic (show a question only when an earlier page's answer is one of some
 * choices). Skip logic refers to earlier pages only, so a page can be shown complete without
 * JavaScript: the server knows every answer it depends on.
 */
import { z } from 'zod';

export const QUESTION_TYPES = ['single', 'multiple', 'scale', 'number', 'text', 'matrix'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** What a questionnaire is for, so later features find theirs (the support function's needs survey, ...). */
export const QUESTIONNAIRE_PURPOSES = [
  'company_effect',
  'needs',
  'event_evaluation',
  'follow_up',
  'general',
] as const;
export type QuestionnairePurpose = (typeof QUESTIONNAIRE_PURPOSES)[number];

/** The steps of a scale question, 1 to 5; only the ends carry labels. */
export const SCALE_STEPS = ['1', '2', '3', '4', '5'] as const;
export const MAX_PAGES = 20;
export const MAX_QUESTIONS = 100;

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const questionKey = z.string().regex(KEY, 'key');

const localText = (max: number) =>
  z.object({
    da: z.string().trim().min(1, 'required').max(max, 'tooLong'),
    en: z.string().trim().min(1, 'required').max(max, 'tooLong'),
  });
export type LocalText = { da: string; en: string };

const option = z.object({ key: questionKey, label: localText(300) });
export type QuestionOption = z.infer<typeof option>;

const common = {
  key: questionKey,
  page: z.number().int().min(1).max(MAX_PAGES),
  text: localText(1000),
  help: localText(1000).optional(),
  required: z.boolean(),
  /** Shown only when the answer to an earlier page's question is one of these choices. */
  showIf: z.object({ question: questionKey, anyOf: z.array(z.string()).min(1) }).optional(),
};

const question = z.discriminatedUnion('type', [
  z.object({
    ...common,
    type: z.literal('single'),
    options: z.array(option).min(2, 'tooFewOptions').max(30, 'tooManyOptions'),
  }),
  z.object({
    ...common,
    type: z.literal('multiple'),
    options: z.array(option).min(2, 'tooFewOptions').max(30, 'tooManyOptions'),
  }),
  z.object({ ...common, type: z.literal('scale'), low: localText(100), high: localText(100) }),
  z.object({
    ...common,
    type: z.literal('number'),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    integer: z.boolean(),
  }),
  z.object({ ...common, type: z.literal('text'), long: z.boolean() }),
  z.object({
    ...common,
    type: z.literal('matrix'),
    rows: z.array(option).min(1, 'tooFewRows').max(20, 'tooManyRows'),
    options: z.array(option).min(2, 'tooFewOptions').max(10, 'tooManyOptions'),
  }),
]);
export type Question = z.infer<typeof question>;
export type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' | 'scale' }>;

/** The choices a question's answers are counted by: its options, or the scale's steps. */
export function choicesOf(q: Question): string[] {
  if (q.type === 'scale') return [...SCALE_STEPS];
  if (q.type === 'single' || q.type === 'multiple' || q.type === 'matrix') return q.options.map((o) => o.key);
  return [];
}

/** Whether a question can be the condition of another's skip logic. */
export const canBeCondition = (q: Question): q is ChoiceQuestion =>
  q.type === 'single' || q.type === 'multiple' || q.type === 'scale';

function duplicates(keys: readonly string[]): string[] {
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

/** The rules between questions that one question's schema cannot see. */
function checkConsistency(questions: readonly Question[], ctx: z.RefinementCtx): void {
  for (const key of duplicates(questions.map((q) => q.key)))
    ctx.addIssue({ code: 'custom', path: ['questions'], message: `duplicateKey:${key}` });
  questions.forEach((q, i) => {
    const lists = [
      'options' in q ? q.options.map((o) => o.key) : [],
      'rows' in q ? q.rows.map((r) => r.key) : [],
    ];
    for (const list of lists)
      for (const key of duplicates(list))
        ctx.addIssue({ code: 'custom', path: ['questions', i], message: `duplicateOption:${key}` });
    if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max)
      ctx.addIssue({ code: 'custom', path: ['questions', i, 'max'], message: 'range' });
    if (!q.showIf) return;
    const condition = questions.find((c) => c.key === q.showIf?.question);
    if (!condition || !canBeCondition(condition) || condition.page >= q.page) {
      ctx.addIssue({ code: 'custom', path: ['questions', i, 'showIf'], message: 'showIfQuestion' });
      return;
    }
    const choices = choicesOf(condition);
    if (!q.showIf.anyOf.every((c) => choices.includes(c)))
      ctx.addIssue({ code: 'custom', path: ['questions', i, 'showIf'], message: 'showIfChoice' });
  });
}

export const questionnaireDefinition = z
  .object({ questions: z.array(question).max(MAX_QUESTIONS) })
  .superRefine((d, ctx) => checkConsistency(d.questions, ctx));
export type QuestionnaireDefinition = z.infer<typeof questionnaireDefinition>;

/** One question checked alone (the question form), before it is checked with the others. */
export const questionSchema = question;

/** A stored definition, read back: stored definitions were checked when written. */
export function readDefinition(json: unknown): QuestionnaireDefinition {
  return questionnaireDefinition.parse(json);
}

/** The pages that hold questions, in order. */
export function pagesOf(def: QuestionnaireDefinition): number[] {
  return [...new Set(def.questions.map((q) => q.page))].sort((a, b) => a - b);
}

/** The questions in the order a respondent meets them: by page, then as listed. */
export function inPageOrder(def: QuestionnaireDefinition): Question[] {
  return def.questions
    .map((q, i) => ({ q, i }))
    .sort((a, b) => a.q.page - b.q.page || a.i - b.i)
    .map(({ q }) => q);
}
