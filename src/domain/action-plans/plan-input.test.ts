import { describe, expect, it } from 'vitest';
import { validatePlan } from './plan-input.ts';

describe('validatePlan', () => {
  it('accepts empty goals and a plan without activities', () => {
    expect(validatePlan({ goals: { activities: null }, activities: {}, narrative: ' ' })).toEqual({
      goals: [],
      activities: [],
      narrative: '',
    });
  });

  it('refuses NaN and absurd numbers', () => {
    expect(() =>
      validatePlan({ goals: { activities: Number.NaN, grant_dkk: 1e13 }, activities: {}, narrative: '' }),
    ).toThrow(
      expect.objectContaining({
        issues: [
          { field: 'goal-activities', message: 'notNumber' },
          { field: 'goal-grant_dkk', message: 'tooLarge' },
        ],
      }),
    );
  });
});
