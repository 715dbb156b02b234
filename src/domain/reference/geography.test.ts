import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES, MUNICIPALITY_CODES, REGIONS, regionName } from './geography.ts';

describe('reference geography', () => {
  it('has the 98 municipalities, each in one of the 5 regions', () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(REGIONS.map((r) => r.code)).toEqual([1081, 1082, 1083, 1084, 1085]);
    for (const m of MUNICIPALITIES)
      expect(
        REGIONS.some((r) => r.code === m.regionCode),
        m.name,
      ).toBe(true);
    expect(MUNICIPALITY_CODES.has(101)).toBe(true);
    expect(MUNICIPALITY_CODES.has(411)).toBe(false); // Christiansø is not a municipality
  });

  it('puts Bornholm in Region Hovedstaden and names regions in both languages', () => {
    expect(MUNICIPALITIES.find((m) => m.code === 400)?.regionCode).toBe(1084);
    expect(regionName(1083, 'da')).toBe('Region Syddanmark');
    expect(regionName(1083, 'en')).toBe('Region of Southern Denmark');
  });
});
