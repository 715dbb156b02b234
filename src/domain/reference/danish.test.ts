import { describe, expect, it } from 'vitest';
import {
  checkDanishNumber,
  danishNumber,
  formatAmount,
  formatClock,
  formatDate,
  formatDateTime,
  formatNumber,
  isoDateOfParts,
  numberForInput,
  parseDanishNumber,
  partsOfIsoDate,
  possessive,
  requiredDanishNumber,
} from './danish.ts';

describe('parseDanishNumber: numbers as people in Denmark type them', () => {
  const cases: [string, number | null][] = [
    ['12,5', 12.5],
    ['10.000', 10_000],
    ['8.000.000', 8_000_000],
    ['8 000 000', 8_000_000],
    ['1.234,56', 1234.56],
    ['500000', 500_000],
    ['  42 ', 42],
    ['12.5', 12.5],
    ['2.500 kr.', 2500],
    ['2500 DKK', 2500],
    ['-3', -3],
    ['', null],
    ['   ', null],
  ];
  for (const [typed, expected] of cases)
    it(`reads ${JSON.stringify(typed)} as ${expected}`, () => {
      expect(parseDanishNumber(typed)).toBe(expected);
    });

  for (const typed of ['tolv', '12,5,5', '1.2.3', '10.00.000', '12-3', 'kr.'])
    it(`refuses ${JSON.stringify(typed)}`, () => {
      expect(parseDanishNumber(typed)).toBeNaN();
    });
});

describe('checkDanishNumber and the zod schemas', () => {
  it('says what is wrong: not a number, not whole, out of range', () => {
    expect(checkDanishNumber('abc')).toEqual({ problem: 'number' });
    expect(checkDanishNumber('12,5')).toEqual({ problem: 'wholeNumber' });
    expect(checkDanishNumber('12,5', { decimals: 1 })).toEqual({ value: 12.5 });
    expect(checkDanishNumber('12,55', { decimals: 1 })).toEqual({ problem: 'number' });
    expect(checkDanishNumber('-1', { min: 0 })).toEqual({ problem: 'tooSmall' });
    expect(checkDanishNumber('101', { max: 100 })).toEqual({ problem: 'tooLarge' });
    expect(checkDanishNumber('')).toEqual({ value: null });
  });

  it('parses form fields to numbers, null when empty, and names the problem', () => {
    expect(danishNumber().parse('10.000')).toBe(10_000);
    expect(danishNumber().parse('')).toBeNull();
    const refused = danishNumber({ min: 0 }).safeParse('-5');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('tooSmall');
    expect(requiredDanishNumber().safeParse('').error?.issues[0]?.message).toBe('required');
    expect(requiredDanishNumber().parse('8.000.000')).toBe(8_000_000);
  });
});

describe('dates from a DKFDS date input', () => {
  it('joins day, month and year into an ISO date', () => {
    expect(isoDateOfParts({ day: '1', month: '3', year: '2027' })).toBe('2027-03-01');
    expect(isoDateOfParts({ day: '29', month: '02', year: '2028' })).toBe('2028-02-29');
    expect(isoDateOfParts({ day: '', month: '', year: '' })).toBe('');
  });

  it('refuses what is not a real date', () => {
    expect(isoDateOfParts({ day: '31', month: '6', year: '2027' })).toBeNull();
    expect(isoDateOfParts({ day: '29', month: '2', year: '2027' })).toBeNull();
    expect(isoDateOfParts({ day: '1', month: '3', year: '27' })).toBeNull();
    expect(isoDateOfParts({ day: '1', month: '', year: '2027' })).toBeNull();
    expect(isoDateOfParts({ day: 'en', month: '3', year: '2027' })).toBeNull();
  });

  it('splits a stored date into the fields to show again', () => {
    expect(partsOfIsoDate('2027-03-01')).toEqual({ day: '1', month: '3', year: '2027' });
    expect(partsOfIsoDate(null)).toEqual({ day: '', month: '', year: '' });
  });
});

describe('formatting for pages, letters and reports', () => {
  it('writes numbers and amounts with Danish separators, and English ones in English', () => {
    expect(formatNumber(8_000_000, 'da')).toBe('8.000.000');
    expect(formatNumber(12.5, 'da')).toBe('12,5');
    expect(formatNumber(8_000_000, 'en')).toBe('8,000,000');
    expect(formatAmount(400_000, 'da')).toBe('400.000 kr.');
    expect(formatAmount(400_000, 'en')).toBe('DKK 400,000');
    expect(numberForInput(10_000)).toBe('10.000');
    expect(numberForInput(null)).toBe('');
  });

  it('writes dates in words and times on the Danish clock without seconds', () => {
    // 08:00 UTC in winter is 09:00 in Denmark; in summer 10:00.
    expect(formatDateTime(new Date('2026-12-10T08:00:00Z'), 'da')).toBe('10. december 2026 kl. 09.00');
    expect(formatClock(new Date('2026-06-10T08:00:00Z'), 'da')).toBe('10.00');
    expect(formatDateTime(new Date('2026-12-10T08:00:00Z'), 'en')).toBe('10 December 2026 at 09:00');
    expect(formatDate('2027-03-01', 'da')).toBe('1. marts 2027');
  });
});

describe('possessive: names in the genitive', () => {
  it('adds s in Danish and an apostrophe after s, x and z', () => {
    expect(possessive('Energy Cluster Denmark', 'da')).toBe('Energy Cluster Denmarks');
    expect(possessive('Odense Robotics', 'da')).toBe("Odense Robotics'");
    expect(possessive('Foodx', 'da')).toBe("Foodx'");
  });
  it("adds 's in English and an apostrophe after s", () => {
    expect(possessive('Energy Cluster Denmark', 'en')).toBe("Energy Cluster Denmark's");
    expect(possessive('Odense Robotics', 'en')).toBe("Odense Robotics'");
  });
});
