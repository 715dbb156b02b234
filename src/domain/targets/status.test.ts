import { describe, expect, it } from 'vitest';
import { targetStatus } from './status.ts';

const t = {
  metric: 'innovating_companies' as const,
  direction: 'at_least' as const,
  baselineValue: 1600,
  targetValue: 2000,
};

describe('targetStatus', () => {
  it('is met at or above an at-least target, on its way above the baseline, behind otherwise', () => {
    expect(targetStatus(t, 2000)).toBe('met');
    expect(targetStatus(t, 2689)).toBe('met');
    expect(targetStatus(t, 1800)).toBe('progress');
    expect(targetStatus(t, 1600)).toBe('behind');
    expect(targetStatus(t, 900)).toBe('behind');
    expect(targetStatus({ ...t, baselineValue: null }, 1800)).toBe('behind');
  });

  it('reverses for at-most targets and does not score targets without a number', () => {
    const down = { ...t, direction: 'at_most' as const, baselineValue: 50, targetValue: 20 };
    expect(targetStatus(down, 19)).toBe('met');
    expect(targetStatus(down, 30)).toBe('progress');
    expect(targetStatus(down, 60)).toBe('behind');
    expect(targetStatus({ ...t, direction: 'none', targetValue: null }, 5)).toBe('no_target');
    expect(targetStatus({ ...t, metric: 'innovating_companies_by_region' }, null)).toBe('no_target');
  });
});
