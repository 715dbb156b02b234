import { describe, expect, it } from 'vitest';
import type { BenchmarkRow, Quartile } from './benchmark.ts';
import { evaluationConfigSchema, flagRuleSchema } from './config.ts';
import type { FigureKey } from './figures.ts';
import { applyRules, reportedSpan } from './rules.ts';

const row = (year: number, key: FigureKey, value: number, quartile: Quartile): BenchmarkRow => ({
  clusterId: 'c',
  name: 'C',
  slug: 'c',
  league: 'regional',
  year,
  key,
  value,
  quartile,
  min: 0,
  q1: 0,
  median: 0,
  q3: 0,
  max: 0,
  n: 4,
});

describe('mid-term flag rules', () => {
  const rows = [
    row(2021, 'activities', 0, 1),
    row(2022, 'activities', 10, 1),
    row(2023, 'activities', 7, 2),
    row(2024, 'activities', 12, 1),
    row(2022, 'innovating_companies', 20, 1),
    row(2023, 'innovating_companies', 15, 1),
    row(2024, 'innovating_companies', 5, 1),
  ];

  it('finds the reported span from the years with activities', () => {
    expect(reportedSpan(rows)).toEqual({ first: 2022, last: 2024 });
    expect(reportedSpan([row(2022, 'activities', 0, 1)])).toBeNull();
  });

  it('needs consecutive bottom-quartile years, not just enough of them', () => {
    const rule = { id: 'r', kind: 'bottom_quartile_running', key: 'activities', years: 3 } as const;
    expect(applyRules([rule], rows, new Map())).toEqual([]);
    expect(applyRules([{ ...rule, years: 2 }], rows, new Map())).toEqual([
      { ruleId: 'r', kind: 'bottom_quartile_running', key: 'activities', years: [2021, 2022] },
    ]);
  });

  it('flags a decline beyond the threshold from the first reported year, and not at it', () => {
    const decline = (percent: number) =>
      applyRules(
        [{ id: 'd', kind: 'decline_from_first_year', key: 'innovating_companies', percent }],
        rows,
        new Map(),
      );
    expect(decline(70)).toHaveLength(1);
    expect(decline(75)).toEqual([]);
    expect(decline(70)[0]).toMatchObject({
      first: 20,
      last: 5,
      change: -75,
      firstYear: 2022,
      lastYear: 2024,
    });
  });

  it('compares with a goal only where the cluster has one', () => {
    const rule = { id: 'g', kind: 'below_goal', key: 'innovating_companies' } as const;
    expect(applyRules([rule], rows, new Map())).toEqual([]);
    expect(applyRules([rule], rows, new Map([['2024|innovating_companies', 5]]))).toEqual([]);
    expect(applyRules([rule], rows, new Map([['2024|innovating_companies', 6]]))).toHaveLength(1);
  });

  it('refuses rules with unknown keys, out-of-range thresholds or duplicate ids', () => {
    expect(flagRuleSchema.safeParse({ id: 'x', kind: 'below_goal', key: 'gold_clusters' }).success).toBe(
      false,
    );
    expect(
      flagRuleSchema.safeParse({ id: 'x', kind: 'decline_from_first_year', key: 'activities', percent: 0 })
        .success,
    ).toBe(false);
    const dup = { id: 'x', kind: 'below_goal', key: 'activities' };
    expect(
      evaluationConfigSchema.safeParse({
        rules: [dup, dup],
        dataQuality: { outlierChangePercent: 50, missingSharePercent: 10 },
      }).success,
    ).toBe(false);
  });
});
