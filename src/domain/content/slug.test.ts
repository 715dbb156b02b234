import { describe, expect, it } from 'vitest';
import { firstFreeSlug, slugFromTitle } from './slug.ts';

describe('slugs from titles', () => {
  it('folds Danish letters and drops other accents and punctuation', () => {
    expect(slugFromTitle('Årsmøde på Ærø: Østjyske klynger')).toBe('aarsmoede-paa-aeroe-oestjyske-klynger');
    expect(slugFromTitle('ÆØÅ æøå')).toBe('aeoeaa-aeoeaa');
    expect(slugFromTitle('Café & Über-Straße 2027!')).toBe('cafe-uber-strasse-2027');
  });

  it('gives a usable slug for a title without letters or digits', () => {
    expect(slugFromTitle('!!!')).toBe('indhold');
    expect(slugFromTitle('')).toBe('indhold');
  });

  it('cuts a long title at a word boundary', () => {
    const slug = slugFromTitle(`${'klyngeindsatsen '.repeat(10)}slut`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^(klyngeindsatsen-)+klyngeindsatsen$/);
    expect(slugFromTitle('a'.repeat(100))).toHaveLength(80);
  });

  it('adds a number when the slug is taken, and never uses a reserved path segment', () => {
    expect(firstFreeSlug('nyhed', new Set())).toBe('nyhed');
    expect(firstFreeSlug('nyhed', new Set(['nyhed', 'nyhed-2']))).toBe('nyhed-3');
    expect(firstFreeSlug('ny', new Set())).toBe('ny-2');
    expect(firstFreeSlug('new', new Set())).toBe('new-2');
  });
});
