import { describe, expect, it } from 'vitest';
import { labelLines, niceMax, niceTicks } from './chart.tsx';

describe('chart axes', () => {
  it('puts gridlines at round values that whole-number labels show exactly', () => {
    expect(niceTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(81)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(365_000_000)).toEqual([0, 100_000_000, 200_000_000, 300_000_000, 400_000_000]);
    expect(niceTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.62)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it('draws an empty axis from 0 to 1', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('ends every axis at or above its largest value with at most six gridlines', () => {
    for (const max of [0.013, 0.5, 1.5, 4, 9.99, 12, 250, 999, 1234, 56_789]) {
      const ticks = niceTicks(max);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(niceMax(max)).toBeGreaterThanOrEqual(max);
    }
  });
});

describe('bar labels', () => {
  it('keeps a short label whole and breaks a long one between words into two lines', () => {
    expect(labelLines('Region Sjælland', 26)).toEqual(['Region Sjælland']);
    expect(labelLines('Uddannelses- og Forskningsministeriet', 26)).toEqual([
      'Uddannelses- og',
      'Forskningsministeriet',
    ]);
    expect(labelLines('Danmarks Erhvervsfremmebestyrelse', 26)).toEqual([
      'Danmarks',
      'Erhvervsfremmebestyrelse',
    ]);
  });

  it('ends a second line that is still too long with an ellipsis, and cuts one unbroken word', () => {
    expect(labelLines('Meget lang tekst der slet ikke kan være på to linjer i en graf', 20)).toEqual([
      'Meget lang tekst der',
      'slet ikke kan være …',
    ]);
    expect(labelLines('Erhvervsfremmebestyrelsessekretariatet', 20)).toEqual(['Erhvervsfremmebesty…']);
  });
});
