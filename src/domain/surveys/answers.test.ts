import { describe, expect, it } from 'vitest';
import {
  answerRows,
  answersOfRows,
  readPage,
  resumePage,
  unansweredRequired,
  withoutHidden,
} from './answers.ts';
import type { QuestionnaireDefinition } from './questionnaire.ts';
import { TEMPLATES } from './templates.ts';

const effect: QuestionnaireDefinition = TEMPLATES.company_effect.definition;
const page1 = {
  'q-competences': '4',
  'q-new_products': 'yes_developing',
  'q-knowledge_collaboration': 'yes_first',
};

describe('reading a page of answers', () => {
  it('takes the answers of the page, checked against the choices', () => {
    const { answers, issues } = readPage(effect, 1, page1, {});
    expect(issues).toEqual([]);
    expect(answers).toEqual({
      competences: '4',
      new_products: 'yes_developing',
      knowledge_collaboration: 'yes_first',
    });
  });

  it('names each field that is missing or not one of the choices', () => {
    const { issues } = readPage(effect, 1, { 'q-competences': '6', 'q-new_products': '' }, {});
    expect(issues).toEqual([
      { field: 'q-competences', message: 'invalid' },
      { field: 'q-new_products', message: 'required' },
      { field: 'q-knowledge_collaboration', message: 'required' },
    ]);
  });

  it('asks a question only when its condition holds, and drops its answer when the condition changes', () => {
    const first = readPage(effect, 1, page1, {}).answers;
    const page2 = {
      'q-institution_types': ['rto', 'university'],
      'q-turnover': 'increase',
      'q-employment': 'unchanged',
      'q-international': 'no',
    };
    const second = readPage(effect, 2, page2, first).answers;
    // Kept in the order of the options, whatever order the browser sent them in.
    expect(second.institution_types).toEqual(['university', 'rto']);
    const changed = readPage(effect, 1, { ...page1, 'q-knowledge_collaboration': 'no' }, second).answers;
    expect(changed.institution_types).toBeUndefined();
    expect(changed.turnover).toBe('increase');
  });

  it('reads numbers as Danes write them and checks whole numbers and bounds', () => {
    const fields = (hours: string) => ({ 'q-hours': hours });
    expect(readPage(effect, 3, fields('1.250'), {}).answers.hours).toBe('1250');
    expect(readPage(effect, 3, fields('12,5'), {}).issues).toEqual([
      { field: 'q-hours', message: 'wholeNumber' },
    ]);
    expect(readPage(effect, 3, fields('20000'), {}).issues).toEqual([{ field: 'q-hours', message: 'range' }]);
    expect(readPage(effect, 3, fields('mange'), {}).issues).toEqual([
      { field: 'q-hours', message: 'wholeNumber' },
    ]);
  });

  it('takes a matrix row by row; a required matrix needs every row', () => {
    const needs = TEMPLATES.needs.definition;
    const rows = [
      'courses',
      'internationalisation',
      'funding_monitoring',
      'templates',
      'tools',
      'network_events',
    ];
    const partial = Object.fromEntries(rows.map((r) => [`q-services-${r}`, 'some']));
    expect(readPage(needs, 1, { ...partial, 'q-priority': 'tools' }, {}).issues).toEqual([
      { field: 'q-services', message: 'allRows' },
    ]);
    const all = { ...partial, 'q-services-label_support': 'high', 'q-priority': 'tools' };
    expect(readPage(needs, 1, all, {}).answers.services).toEqual({
      courses: 'some',
      internationalisation: 'some',
      funding_monitoring: 'some',
      templates: 'some',
      tools: 'some',
      network_events: 'some',
      label_support: 'high',
    });
  });
});

describe('what is still missing, and the stored rows', () => {
  const complete = {
    competences: '5',
    new_products: 'no',
    knowledge_collaboration: 'yes_again',
    institution_types: ['university'],
    turnover: 'increase',
    employment: 'increase',
    international: 'yes',
    statements: { partners: 'agree', knowledge: 'neutral' },
    hours: '40',
    comments: 'Godt, men for mange møder.',
  };

  it('lists the shown required questions without an answer, and the page to continue on', () => {
    expect(unansweredRequired(effect, {}).map((q) => q.key)).toEqual([
      'competences',
      'new_products',
      'knowledge_collaboration',
      'turnover',
      'employment',
      'international',
    ]);
    expect(resumePage(effect, { competences: '1', new_products: 'no', knowledge_collaboration: 'no' })).toBe(
      2,
    );
    expect(resumePage(effect, complete)).toBeNull();
  });

  it('stores one row per choice, matrix row, number and text, and reads them back', () => {
    const rows = answerRows(effect, complete);
    expect(rows).toEqual([
      { questionKey: 'competences', rowKey: '', choice: '5', number: 5, text: null },
      { questionKey: 'new_products', rowKey: '', choice: 'no', number: null, text: null },
      { questionKey: 'knowledge_collaboration', rowKey: '', choice: 'yes_again', number: null, text: null },
      { questionKey: 'institution_types', rowKey: '', choice: 'university', number: null, text: null },
      { questionKey: 'turnover', rowKey: '', choice: 'increase', number: null, text: null },
      { questionKey: 'employment', rowKey: '', choice: 'increase', number: null, text: null },
      { questionKey: 'international', rowKey: '', choice: 'yes', number: null, text: null },
      { questionKey: 'statements', rowKey: 'partners', choice: 'agree', number: null, text: null },
      { questionKey: 'statements', rowKey: 'knowledge', choice: 'neutral', number: null, text: null },
      { questionKey: 'hours', rowKey: '', choice: '', number: 40, text: null },
      { questionKey: 'comments', rowKey: '', choice: '', number: null, text: 'Godt, men for mange møder.' },
    ]);
    expect(answersOfRows(effect, rows)).toEqual(complete);
  });

  it('drops answers to questions their conditions now hide', () => {
    expect(
      withoutHidden(effect, { ...complete, knowledge_collaboration: 'no' }).institution_types,
    ).toBeUndefined();
  });
});
