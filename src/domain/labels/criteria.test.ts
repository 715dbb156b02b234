import { describe, expect, it } from 'vitest';
import { CRITERION_AREAS, indicatedLevel, LABEL_CRITERIA, type Score } from './criteria.ts';

/** Scores with `met` criteria at 2, `partly` at 1 and the rest at 0, in criteria order. */
const scores = (met: number, partly: number) =>
  Object.fromEntries(
    LABEL_CRITERIA.map((c, i) => [c.key, (i < met ? 2 : i < met + partly ? 1 : 0) as Score]),
  );

describe('label criteria and the level they indicate', () => {
  it('covers the six ECEI areas with unique keys', () => {
    expect(new Set(LABEL_CRITERIA.map((c) => c.area))).toEqual(new Set(CRITERION_AREAS));
    expect(new Set(LABEL_CRITERIA.map((c) => c.key)).size).toBe(LABEL_CRITERIA.length);
    expect(LABEL_CRITERIA).toHaveLength(13);
  });

  it('indicates nothing until every criterion is scored', () => {
    const partial = scores(13, 0);
    delete partial.satisfaction;
    expect(indicatedLevel(partial)).toBeNull();
  });

  it('indicates Gold from 80 % met, Silver from 60 % of the highest score, else Bronze', () => {
    // 13 criteria: 11 met is 84.6 % (Gold), 10 met is 76.9 %; 10 met + 0 partly = 20 of 26 = 76.9 % (Silver).
    expect(indicatedLevel(scores(11, 0))).toBe('gold');
    expect(indicatedLevel(scores(10, 0))).toBe('silver');
    // 5 met + 6 partly = 16 of 26 = 61.5 % (Silver); 5 met + 5 partly = 15 of 26 = 57.7 % (Bronze).
    expect(indicatedLevel(scores(5, 6))).toBe('silver');
    expect(indicatedLevel(scores(5, 5))).toBe('bronze');
    expect(indicatedLevel(scores(0, 0))).toBe('bronze');
  });
});
