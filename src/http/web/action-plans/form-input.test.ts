import { describe, expect, it } from 'vitest';
import { parseAmount } from './form-input.ts';

describe('parseAmount', () => {
  it('reads numbers as Danes and others type them', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount(' 1 500 000 ')).toBe(1_500_000);
    expect(parseAmount('1.500.000')).toBe(1_500_000);
    expect(parseAmount('12,5')).toBe(12.5);
    expect(parseAmount('-3')).toBe(-3);
    expect(parseAmount('tolv')).toBeNaN();
  });
});
