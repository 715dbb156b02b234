/**
 * Synthetic answers for the demo surveys, drawn question by question from a questionnaire: the
 * templates list options from the most to the least positive (and a scale's 5 is its best), so a
 * respondent's "positivity" tilts every answer the same way. Skip logic is respected.
 */
import { type Answers, isVisible } from '../surveys/answers.ts';
import { inPageOrder, type Question, type QuestionnaireDefinition } from '../surveys/questionnaire.ts';
import type { Random } from './random.ts';

const COMMENTS = [
  'Godt arrangeret, og vi fik nye kontakter.',
  'Mere tid til at tale med de andre deltagere, tak.',
  'Relevant, men for mange oplæg på én dag.',
  'Vi vil gerne have flere aktiviteter i Jylland.',
  'Klyngen har hjulpet os i gang med et udviklingsprojekt.',
  'Svært at finde tid i hverdagen, men det var pengene værd.',
];

/** Weights of n ordered choices, best first: steeper towards the best the more positive. */
const orderedWeights = (n: number, positivity: number) =>
  Array.from({ length: n }, (_, i) => (n - i) ** (0.5 + 2.5 * positivity));

function pickIndex(random: Random, weights: readonly number[]): number {
  return random.weighted(
    weights.map((w, i) => ({ w, i })),
    (x) => x.w,
  ).i;
}

function answerTo(q: Question, random: Random, positivity: number): Answers[string] | undefined {
  switch (q.type) {
    case 'single':
      return q.options[pickIndex(random, orderedWeights(q.options.length, positivity))]?.key;
    case 'scale':
      return String(5 - pickIndex(random, orderedWeights(5, positivity)));
    case 'multiple': {
      const picked = q.options.filter(() => random.chance(0.25 + positivity / 3)).map((o) => o.key);
      return picked.length > 0 ? picked : [random.pick(q.options).key];
    }
    case 'matrix':
      return Object.fromEntries(
        q.rows.map((r) => [
          r.key,
          q.options[pickIndex(random, orderedWeights(q.options.length, positivity))]?.key ?? '',
        ]),
      );
    case 'number': {
      const min = q.min ?? 0;
      const max = Math.min(q.max ?? 100, min + 200);
      return String(
        random.int(min, Math.max(min, Math.round(min + (max - min) * positivity * random.next()))),
      );
    }
    case 'text':
      return random.chance(0.2) ? random.pick(COMMENTS) : undefined;
  }
}

/** One respondent's answers: every shown required question, most optional ones. */
export function demoAnswers(def: QuestionnaireDefinition, random: Random, positivity: number): Answers {
  const answers: Answers = {};
  for (const q of inPageOrder(def)) {
    if (!isVisible(q, answers)) continue;
    if (!q.required && q.type !== 'text' && random.chance(0.3)) continue;
    const value = answerTo(q, random, positivity);
    if (value !== undefined) answers[q.key] = value;
  }
  return answers;
}
