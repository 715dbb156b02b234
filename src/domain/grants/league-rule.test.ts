import { describe, expect, it } from 'vitest';
import { followsLeagueRule, usualSource } from './league-rule.ts';

describe('the league rule', () => {
  // Written out by hand from seed 000: league × funder level → responsible without an override.
  const expected: [
    Parameters<typeof followsLeagueRule>[0],
    Parameters<typeof followsLeagueRule>[1],
    boolean,
  ][] = [
    ['world_class', 'national', true],
    ['world_class', 'regional', false],
    ['world_class', 'municipal', false],
    ['regional', 'national', true],
    ['regional', 'regional', true],
    ['regional', 'municipal', false],
    ['emerging', 'national', false],
    ['emerging', 'regional', false],
    ['emerging', 'municipal', true],
  ];
  it.each(expected)('a %s cluster with a %s funder responsible: %s', (league, level, allowed) => {
    expect(followsLeagueRule(league, level)).toBe(allowed);
  });

  it('proposes each level its usual budget', () => {
    expect([usualSource('national'), usualSource('regional'), usualSource('municipal')]).toEqual([
      'finance_act',
      'regional_development_funds',
      'municipal_budget',
    ]);
  });
});
