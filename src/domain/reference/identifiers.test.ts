import { describe, expect, it } from 'vitest';
import { completeCvr, db07Section, isValidCvr, isValidDb07Code, isValidDb07Prefix } from './identifiers.ts';

describe('CVR (mod 11, weights 2,7,6,5,4,3,2,1)', () => {
  it('accepts numbers whose weighted digit sum is divisible by 11', () => {
    // Weighted sums: 10000009 → 11, 29403473 → 132, 12345674 → 110.
    for (const cvr of ['10000009', '29403473', '12345674']) {
      const digits = [...cvr].map(Number);
      const sum = digits.reduce((s, d, i) => s + d * ([2, 7, 6, 5, 4, 3, 2, 1][i] as number), 0);
      expect(sum % 11, cvr).toBe(0);
      expect(isValidCvr(cvr), cvr).toBe(true);
    }
  });

  it('rejects a wrong check digit, wrong length, a leading zero and non-digits', () => {
    expect(isValidCvr('10000008')).toBe(false);
    expect(isValidCvr('1000009')).toBe(false);
    expect(isValidCvr('100000090')).toBe(false);
    expect(isValidCvr('01000009')).toBe(false);
    expect(isValidCvr('1000000X')).toBe(false);
    expect(isValidCvr(' 10000009')).toBe(false);
    expect(isValidCvr('')).toBe(false);
  });

  it('completes 7 digits to a valid CVR, or says none fits', () => {
    let completed = 0;
    for (let n = 1000000; n < 1000500; n++) {
      const cvr = completeCvr(String(n));
      if (cvr === null) continue;
      completed++;
      expect(isValidCvr(cvr)).toBe(true);
      expect(cvr.startsWith(String(n))).toBe(true);
    }
    // A check digit of 10 has no single digit: about 1 in 11 prefixes cannot be completed.
    expect(completed).toBeGreaterThan(430);
    expect(completed).toBeLessThan(500);
  });
});

describe('DB07 industry codes', () => {
  it('maps divisions to sections A-U', () => {
    expect(db07Section('011100')).toBe('A');
    expect(db07Section('282900')).toBe('C');
    expect(db07Section('620100')).toBe('J');
    expect(db07Section('990000')).toBe('U');
  });

  it('accepts 6-digit codes of existing divisions only', () => {
    expect(isValidDb07Code('620100')).toBe(true);
    expect(isValidDb07Code('040000')).toBe(false); // no division 04
    expect(isValidDb07Code('62010')).toBe(false);
    expect(isValidDb07Code('62010a')).toBe(false);
  });

  it('accepts stronghold prefixes of 2-6 digits', () => {
    expect(isValidDb07Prefix('28')).toBe(true);
    expect(isValidDb07Prefix('2829')).toBe(true);
    expect(isValidDb07Prefix('2')).toBe(false);
    expect(isValidDb07Prefix('1234567')).toBe(false);
    expect(isValidDb07Prefix('34')).toBe(false);
  });
});
