import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  danishPublicHolidays,
  easterSunday,
  isWorkingDay,
  waitedMoreThanSince,
  workingDaysAfter,
} from './working-days.ts';

describe('Danish working days', () => {
  it('finds Easter Sunday (published dates)', () => {
    expect(easterSunday(2023)).toBe('2023-04-09');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the public holidays of 2026, without Store bededag (abolished from 2024)', () => {
    expect([...danishPublicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('kept Store bededag until 2023', () => {
    expect(danishPublicHolidays(2023).has('2023-05-05')).toBe(true);
    expect(isWorkingDay('2023-05-05')).toBe(false);
    expect(isWorkingDay('2024-04-26')).toBe(true);
  });

  it('counts weekdays that are not holidays', () => {
    expect(isWorkingDay('2026-03-02')).toBe(true); // Monday
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-06-05')).toBe(true); // Grundlovsdag is no public holiday
    // Monday 2 March to Monday 9 March 2026: Tue-Fri and Mon.
    expect(workingDaysAfter('2026-03-02', '2026-03-09')).toBe(5);
    expect(workingDaysAfter('2026-03-09', '2026-03-02')).toBe(0);
    // Easter week 2026: Thursday 2 April to Monday 6 April are holidays or the weekend.
    expect(workingDaysAfter('2026-03-31', '2026-04-08')).toBe(3);
  });

  it('finds the last date that has waited more than five working days', () => {
    // On Tuesday 10 March 2026 a referral sent Monday 2 March has waited six working days.
    expect(waitedMoreThanSince(5, '2026-03-10')).toBe('2026-03-02');
    // Over Easter the wait is longer in calendar days: on Wednesday 8 April 2026 a referral sent
    // Thursday 26 March has waited Fri 27, Mon 30, Tue 31, Wed 1, Tue 7 and Wed 8 April.
    expect(waitedMoreThanSince(5, '2026-04-08')).toBe('2026-03-26');
  });

  it('waitedMoreThanSince agrees with counting, for any day and threshold', () => {
    const day = fc.integer({ min: 0, max: 365 * 20 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 15 }), (today, days) => {
        const since = waitedMoreThanSince(days, today);
        expect(workingDaysAfter(since, today)).toBeGreaterThan(days);
        expect(workingDaysAfter(addDays(since, 1), today)).toBeLessThanOrEqual(days);
      }),
    );
  });
});
