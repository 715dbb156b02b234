import { describe, expect, it } from 'vitest';
import { applicationReference, readyToSubmit, sectionStatuses } from './tasks.ts';

const rules = { requirements: [{ id: 'r1' }, { id: 'r2' }], criteria: [{ id: 'k1' }] };
const empty = { title: '', answers: {}, texts: {}, budget: [] };

describe('the task list of an application', () => {
  it('has every section not started before the first save', () => {
    expect(sectionStatuses(rules, null, 0)).toEqual({
      about: 'notStarted',
      requirements: 'notStarted',
      budget: 'notStarted',
      attachments: 'notStarted',
    });
  });

  it('counts a section in progress when some of its fields are filled, done when all are', () => {
    const partly = sectionStatuses(
      rules,
      { ...empty, title: 'Robotter', answers: { r1: 'CVR', r2: '  ' } },
      0,
    );
    expect(partly.about).toBe('inProgress');
    expect(partly.requirements).toBe('inProgress');
    const full = sectionStatuses(
      rules,
      {
        title: 'Robotter',
        answers: { r1: 'CVR', r2: 'Guld' },
        texts: { k1: 'Plan' },
        budget: [{ amountDkk: 1 }],
      },
      2,
    );
    expect(full).toEqual({ about: 'done', requirements: 'done', budget: 'done', attachments: 'done' });
  });

  it('is ready to submit without attachments, not without a budget', () => {
    const base = { about: 'done', requirements: 'done', budget: 'done', attachments: 'notStarted' } as const;
    expect(readyToSubmit(base)).toBe(true);
    expect(readyToSubmit({ ...base, budget: 'notStarted' })).toBe(false);
    expect(readyToSubmit({ ...base, requirements: 'inProgress' })).toBe(false);
  });

  it('gives a reference number of the year created and the start of the id', () => {
    const app = { id: '0a1b2c3d-0000-4000-8000-000000000000', createdAt: new Date('2027-03-01T09:00:00Z') };
    expect(applicationReference(app)).toBe('ANS-2027-0A1B2C3D');
  });
});
