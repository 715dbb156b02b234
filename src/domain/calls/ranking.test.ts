import { describe, expect, it } from 'vitest';
import { rankApplications, spread, weightedTotal } from './ranking.ts';
import { CALL_TRANSITIONS, canMove } from './workflow.ts';

const criteria = [
  { id: 'org', position: 1, weight: 35, scaleMax: 5 },
  { id: 'act', position: 2, weight: 35, scaleMax: 5 },
  { id: 'place', position: 3, weight: 15, scaleMax: 5 },
  { id: 'partners', position: 4, weight: 15, scaleMax: 5 },
];
const app = (id: string, scores: number[], submitted = '2020-05-01T10:00:00Z') => ({
  id,
  submittedAt: new Date(submitted),
  consensus: Object.fromEntries(criteria.map((c, i) => [c.id, scores[i] ?? 0]).filter(([, s]) => s !== -1)),
});

describe('weighted totals and ranking', () => {
  it('weighs each criterion by its share of 100 on its own scale', () => {
    expect(weightedTotal(criteria, app('a', [5, 5, 5, 5]).consensus)).toBe(100);
    expect(weightedTotal(criteria, app('a', [4, 3, 2, 1]).consensus)).toBe(28 + 21 + 6 + 3);
  });

  it('ranks by total, breaks ties on the heaviest criterion first, then the earlier submission', () => {
    // b and c both total 70: c scores higher on the first heavy criterion ("org", position 1)
    const a = app('a', [5, 5, 4, 4]);
    const b = app('b', [3, 5, 5, 5]);
    const c = app('c', [5, 3, 5, 5]);
    const d = app('d', [5, 3, 5, 5], '2020-04-30T10:00:00Z');
    const ranked = rankApplications(criteria, [b, a, c, d]);
    expect(ranked.map((r) => [r.application.id, r.total, r.rank])).toEqual([
      ['a', 94, 1],
      ['d', 86, 2],
      ['c', 86, 3],
      ['b', 86, 4],
    ]);
  });

  it('gives equal applications the same rank and marks missing consensus as incomplete', () => {
    const ranked = rankApplications(criteria, [
      app('x', [4, 4, 4, 4]),
      app('y', [4, 4, 4, 4]),
      app('z', [5, -1]),
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
    expect(ranked.find((r) => r.application.id === 'z')?.complete).toBe(false);
  });

  it('shows the spread of individual scores', () => {
    expect(spread([2, 4, 3])).toEqual({ min: 2, max: 4, mean: 3 });
    expect(spread([])).toBeNull();
  });
});

describe('call transitions', () => {
  it('moves only forward along publish → open → closed → assessed → decided', () => {
    expect(canMove('draft', 'published')).toBe(true);
    expect(canMove('published', 'open')).toBe(true);
    expect(canMove('open', 'closed')).toBe(true);
    expect(canMove('closed', 'assessed')).toBe(true);
    expect(canMove('assessed', 'decided')).toBe(true);
    expect(canMove('open', 'draft')).toBe(false);
    expect(canMove('closed', 'open')).toBe(false);
    expect(canMove('draft', 'decided')).toBe(false);
    expect(CALL_TRANSITIONS.decided).toEqual([]);
  });
});
