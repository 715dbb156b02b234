import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { conditionChoices, formOfQuestion, nextQuestionKey, questionFromForm } from './question-form.ts';
import type { QuestionnaireDefinition } from './questionnaire.ts';
import { TEMPLATES } from './templates.ts';

const effect = TEMPLATES.company_effect.definition;

function refusal(work: () => unknown): { field: string; message: string }[] {
  try {
    work();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).issues;
  }
  throw new Error('expected a refusal');
}

describe('the question editor’s form', () => {
  it('makes a single-choice question, giving new options keys and skipping empty rows', () => {
    const q = questionFromForm(
      {
        type: 'single',
        page: '2',
        textDa: 'Hvordan gik det?',
        textEn: 'How did it go?',
        required: 'on',
        'option-0-da': 'Godt',
        'option-0-en': 'Well',
        'option-1-da': '',
        'option-1-en': '',
        'option-2-da': 'Skidt',
        'option-2-en': 'Badly',
      },
      'q4',
      { questions: [] },
    );
    expect(q).toEqual({
      key: 'q4',
      type: 'single',
      page: 2,
      text: { da: 'Hvordan gik det?', en: 'How did it go?' },
      required: true,
      options: [
        { key: 'o1', label: { da: 'Godt', en: 'Well' } },
        { key: 'o2', label: { da: 'Skidt', en: 'Badly' } },
      ],
    });
  });

  it('keeps an option’s key when its text changes, so results compare across versions', () => {
    const fields = formOfQuestion(effect.questions[1] as never);
    fields['option-0-da'] = 'Ja, de bruges allerede';
    const q = questionFromForm(fields, 'new_products', effect);
    expect(q.type === 'single' && q.options.map((o) => o.key)).toEqual([
      'yes_launched',
      'yes_developing',
      'no',
      'dont_know',
    ]);
    expect(q.type === 'single' && q.options[0]?.label.da).toBe('Ja, de bruges allerede');
  });

  it('turns every question of the standard questionnaires into fields and back unchanged', () => {
    for (const template of Object.values(TEMPLATES))
      for (const q of template.definition.questions) {
        const others: QuestionnaireDefinition = {
          questions: template.definition.questions.filter((o) => o.key !== q.key),
        };
        expect(questionFromForm(formOfQuestion(q), q.key, others)).toEqual(q);
      }
  });

  it('names the field of each problem: a missing English text, an option without Danish, a bad range', () => {
    expect(
      refusal(() =>
        questionFromForm(
          {
            type: 'multiple',
            page: '1',
            textDa: 'Hvad?',
            textEn: '',
            'option-0-da': 'A',
            'option-0-en': 'A',
            'option-1-en': 'B',
          },
          'q1',
          { questions: [] },
        ),
      ),
    ).toEqual([
      { field: 'textEn', message: 'required' },
      { field: 'option-1-da', message: 'required' },
    ]);
    expect(
      refusal(() =>
        questionFromForm(
          { type: 'number', page: '1', textDa: 'Antal', textEn: 'Count', min: '10', max: '5' },
          'q1',
          {
            questions: [],
          },
        ),
      ),
    ).toEqual([{ field: 'max', message: 'range' }]);
    expect(refusal(() => questionFromForm({ type: 'slider' }, 'q1', { questions: [] }))).toEqual([
      { field: 'type', message: 'required' },
    ]);
  });

  it('offers skip logic on earlier pages’ choice questions only, and refuses choices of two questions', () => {
    expect(conditionChoices(effect, 2).map((c) => c.key)).toEqual([
      'competences',
      'new_products',
      'knowledge_collaboration',
    ]);
    const base = { type: 'text', page: '2', textDa: 'Hvorfor?', textEn: 'Why?' };
    const ok = questionFromForm(
      { ...base, showIf: ['new_products:no', 'new_products:dont_know'] },
      'why',
      effect,
    );
    expect(ok.showIf).toEqual({ question: 'new_products', anyOf: ['no', 'dont_know'] });
    expect(
      refusal(() =>
        questionFromForm({ ...base, showIf: ['new_products:no', 'competences:1'] }, 'why', effect),
      ),
    ).toEqual([{ field: 'showIf', message: 'showIf' }]);
    expect(
      refusal(() => questionFromForm({ ...base, page: '1', showIf: ['new_products:no'] }, 'why', effect)),
    ).toEqual([{ field: 'showIf', message: 'showIf' }]);
  });

  it('numbers new questions after the last', () => {
    expect(nextQuestionKey({ questions: [] })).toBe('q1');
    expect(nextQuestionKey(effect)).toBe(`q${effect.questions.length + 1}`);
  });
});
