import { describe, expect, it } from 'vitest';
import {
  inPageOrder,
  pagesOf,
  type QuestionnaireDefinition,
  questionnaireDefinition,
} from './questionnaire.ts';
import { MATCHMAKING_FOLLOW_UP_TEMPLATE, TEMPLATES } from './templates.ts';

const t = (da: string) => ({ da, en: `${da} (en)` });
const yesNo = [
  { key: 'yes', label: t('Ja') },
  { key: 'no', label: t('Nej') },
];

const issuesOf = (def: unknown) => {
  const r = questionnaireDefinition.safeParse(def);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('questionnaire definitions', () => {
  it('accepts the standard questionnaires', () => {
    for (const template of [...Object.values(TEMPLATES), MATCHMAKING_FOLLOW_UP_TEMPLATE])
      expect(issuesOf(template.definition)).toEqual([]);
  });

  it('refuses two questions with one key, and two options with one key', () => {
    const def = {
      questions: [
        { key: 'a', type: 'single', page: 1, required: true, text: t('A'), options: yesNo },
        { key: 'a', type: 'text', page: 1, required: false, text: t('B'), long: false },
        {
          key: 'c',
          type: 'multiple',
          page: 1,
          required: false,
          text: t('C'),
          options: [...yesNo, { key: 'yes', label: t('Igen') }],
        },
      ],
    };
    expect(issuesOf(def)).toEqual(['duplicateKey:a', 'duplicateOption:yes']);
  });

  it('lets skip logic depend only on an earlier page’s choice question, and only on its choices', () => {
    const base = { key: 'a', type: 'single', page: 2, required: true, text: t('A'), options: yesNo };
    const follow = (page: number, anyOf: string[]) => ({
      key: 'b',
      type: 'text',
      page,
      required: false,
      long: false,
      text: t('B'),
      showIf: { question: 'a', anyOf },
    });
    expect(issuesOf({ questions: [base, follow(3, ['yes'])] })).toEqual([]);
    expect(issuesOf({ questions: [base, follow(2, ['yes'])] })).toEqual(['showIfQuestion']);
    expect(issuesOf({ questions: [base, follow(3, ['maybe'])] })).toEqual(['showIfChoice']);
    const onText = { key: 'c', type: 'text', page: 1, required: false, long: false, text: t('C') };
    expect(
      issuesOf({ questions: [onText, { ...follow(2, ['x']), showIf: { question: 'c', anyOf: ['x'] } }] }),
    ).toEqual(['showIfQuestion']);
  });

  it('needs Danish and English texts, and at least two options', () => {
    expect(
      issuesOf({
        questions: [
          {
            key: 'a',
            type: 'single',
            page: 1,
            required: true,
            text: { da: 'A', en: ' ' },
            options: [yesNo[0]],
          },
        ],
      }),
    ).toEqual(['required', 'tooFewOptions']);
  });

  it('orders questions by page, keeping the list order within a page', () => {
    const def: QuestionnaireDefinition = {
      questions: [
        { key: 'p2a', type: 'text', page: 2, required: false, long: false, text: t('x') },
        { key: 'p1a', type: 'text', page: 1, required: false, long: false, text: t('x') },
        { key: 'p2b', type: 'text', page: 2, required: false, long: false, text: t('x') },
        { key: 'p5', type: 'text', page: 5, required: false, long: false, text: t('x') },
      ],
    };
    expect(inPageOrder(def).map((q) => q.key)).toEqual(['p1a', 'p2a', 'p2b', 'p5']);
    expect(pagesOf(def)).toEqual([1, 2, 5]);
  });
});
