import { describe, expect, it } from 'vitest';
import { MIN_RESPONDENTS, marginOfError, suppressCounts } from './statistics.ts';

describe('small-cell suppression', () => {
  it('hides nothing when every count is 0 or at least five', () => {
    expect(suppressCounts([12, 0, 7, 5], 24, { exclusive: true })).toEqual([12, 0, 7, 5]);
  });

  it('hides every count when fewer than five answered', () => {
    expect(MIN_RESPONDENTS).toBe(5);
    expect(suppressCounts([3, 1, 0], 4, { exclusive: true })).toEqual([null, null, null]);
  });

  it('hides counts of 1 to 4, and one more so a single hidden count cannot be subtracted out', () => {
    // 30 answered: 3 is hidden; alone it would be 30 - 12 - 15, so the smallest other count goes too.
    expect(suppressCounts([12, 3, 15], 30, { exclusive: true })).toEqual([null, null, 15]);
    // Zeros are not the complement while a non-zero count remains.
    expect(suppressCounts([0, 2, 9, 20], 31, { exclusive: true })).toEqual([0, null, null, 20]);
  });

  it('needs no complement when two counts are hidden already', () => {
    expect(suppressCounts([2, 4, 20], 26, { exclusive: true })).toEqual([null, null, 20]);
  });

  it('hides small counts of a multiple-choice question without a complement (they do not add up)', () => {
    expect(suppressCounts([12, 3, 15], 20, { exclusive: false })).toEqual([12, null, 15]);
  });
});

describe('margin of error of a share at 95 % confidence', () => {
  it('is 1.96·√(0.25/n) for a sample of a very large population', () => {
    expect(marginOfError(400, 1e9)).toBeCloseTo(0.049, 6);
  });

  it('shrinks with the finite population correction √((N−n)/(N−1))', () => {
    // 1.96 · √(0.25/100) · √(900/999) = 0.098 · 0.949158 = 0.0930175
    expect(marginOfError(100, 1000)).toBeCloseTo(0.0930175, 6);
  });

  it('is zero when everyone answered, and unknown without answers', () => {
    expect(marginOfError(50, 50)).toBe(0);
    expect(marginOfError(0, 50)).toBeNull();
  });

  it('uses the share when given: p = 0.2 gives 1.96·√(0.16/n)', () => {
    expect(marginOfError(64, 1e9, 0.2)).toBeCloseTo(0.098, 6);
  });
});
