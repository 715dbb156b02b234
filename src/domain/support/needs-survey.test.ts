import { describe, expect, it } from 'vitest';
import { questionnaireDefinition } from '../surveys/questionnaire.ts';
import { needsQuestionnaire } from './needs-survey.ts';

describe('the needs survey of a year', () => {
  const services = [
    { id: 'a', titleDa: 'Analyse', titleEn: 'Analysis' },
    { id: 'b', titleDa: 'Bestyrelseskursus', titleEn: 'Board course' },
  ];

  it('asks one required question per service, in the order given, with the interest 0 to 3', () => {
    const definition = needsQuestionnaire(services);
    expect(questionnaireDefinition.safeParse(definition).success).toBe(true);
    expect(definition.questions.map((q) => [q.key, q.text.da, q.text.en, q.required, q.page])).toEqual([
      ['service_1', 'Analyse', 'Analysis', true, 1],
      ['service_2', 'Bestyrelseskursus', 'Board course', true, 1],
    ]);
    const first = definition.questions[0];
    expect(first?.type === 'single' ? first.options.map((o) => [o.key, o.label.da]) : []).toEqual([
      ['none', '0 – ingen interesse'],
      ['little', '1 – lille interesse'],
      ['some', '2 – nogen interesse'],
      ['much', '3 – stor interesse'],
    ]);
  });
});
