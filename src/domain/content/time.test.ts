import { describe, expect, it } from 'vitest';
import { addDays, danishMonthRange, danishTimeToInstant, instantToDanishTime } from './time.ts';

const iso = (d: Date | null) => d?.toISOString();

describe('Danish wall clock time', () => {
  it('is one hour ahead of UTC in winter and two in summer', () => {
    expect(iso(danishTimeToInstant('2027-03-01', '12:00'))).toBe('2027-03-01T11:00:00.000Z');
    expect(iso(danishTimeToInstant('2027-06-01', '12:00'))).toBe('2027-06-01T10:00:00.000Z');
  });

  it('changes offset exactly at the daylight-saving changes', () => {
    // Spring 2027: clocks go from 02:00 to 03:00 on 28 March (01:00 UTC).
    expect(iso(danishTimeToInstant('2027-03-28', '01:59'))).toBe('2027-03-28T00:59:00.000Z');
    expect(iso(danishTimeToInstant('2027-03-28', '03:00'))).toBe('2027-03-28T01:00:00.000Z');
    // Autumn 2026: clocks go from 03:00 back to 02:00 on 25 October (01:00 UTC).
    expect(iso(danishTimeToInstant('2026-10-24', '10:00'))).toBe('2026-10-24T08:00:00.000Z');
    expect(iso(danishTimeToInstant('2026-10-26', '10:00'))).toBe('2026-10-26T09:00:00.000Z');
  });

  it('moves a time skipped in spring forward, and takes the first of a time repeated in autumn', () => {
    expect(iso(danishTimeToInstant('2027-03-28', '02:30'))).toBe('2027-03-28T01:30:00.000Z');
    expect(iso(danishTimeToInstant('2026-10-25', '02:30'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses impossible dates and times', () => {
    expect(danishTimeToInstant('2027-02-29', '12:00')).toBeNull();
    expect(danishTimeToInstant('2027-13-01', '12:00')).toBeNull();
    expect(danishTimeToInstant('2027-01-01', '24:00')).toBeNull();
    expect(danishTimeToInstant('1. marts 2027', '12:00')).toBeNull();
    expect(danishTimeToInstant('2027-01-01', '12')).toBeNull();
  });

  it('reads an instant back as the Danish date and time it was entered as', () => {
    for (const [date, time] of [
      ['2027-03-01', '12:00'],
      ['2026-10-25', '01:30'],
      ['2026-12-31', '23:59'],
    ] as const) {
      const instant = danishTimeToInstant(date, time);
      expect(instant && instantToDanishTime(instant)).toEqual({ date, time });
    }
  });

  it('gives the instants a Danish month begins and ends', () => {
    expect(danishMonthRange('2026-10')).toEqual({
      from: new Date('2026-09-30T22:00:00Z'),
      to: new Date('2026-10-31T23:00:00Z'),
    });
    expect(danishMonthRange('2026-12')?.to).toEqual(new Date('2026-12-31T23:00:00Z'));
    expect(danishMonthRange('2026-13')).toBeNull();
  });

  it('counts days across month and year ends', () => {
    expect(addDays('2026-11-26', 123)).toBe('2027-03-29');
    expect(addDays('2026-11-26', -40)).toBe('2026-10-17');
  });
});
