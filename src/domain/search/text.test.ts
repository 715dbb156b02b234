import { describe, expect, it } from 'vitest';
import { escapeHtml, excerpt, highlight, searchTokens, segmentsToHtml } from './text.ts';

describe('searchTokens', () => {
  it('keeps only words of letters and digits, lower case, once each', () => {
    expect(searchTokens("Fødevarer & 'robot':* | !Energi fødevarer")).toEqual([
      'fødevarer',
      'robot',
      'energi',
    ]);
    expect(searchTokens('  ')).toEqual([]);
    expect(searchTokens('<->()\\')).toEqual([]);
  });

  it('caps the number and length of words', () => {
    expect(searchTokens('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTokens('x'.repeat(100))[0]).toHaveLength(40);
  });
});

describe('highlight', () => {
  it('marks matched words case-insensitively and keeps everything else as text', () => {
    expect(highlight('Energi og ENERGY, energier', new Set(['energi', 'energy']))).toEqual([
      { text: 'Energi', mark: true },
      { text: ' og ', mark: false },
      { text: 'ENERGY', mark: true },
      { text: ', energier', mark: false },
    ]);
  });

  it('turns into HTML where only the marks are markup', () => {
    const html = segmentsToHtml(highlight('<b>Robot</b> & "co"', new Set(['robot'])));
    expect(html).toBe('&lt;b&gt;<mark>Robot</mark>&lt;/b&gt; &amp; &quot;co&quot;');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });
});

describe('excerpt', () => {
  it('leaves a short text whole and cuts a long one around the first match', () => {
    expect(excerpt('Kort  tekst', new Set())).toBe('Kort tekst');
    const long = `${'indledning '.repeat(40)}her står robotter midt i teksten ${'afslutning '.repeat(40)}`;
    const cut = excerpt(long, new Set(['robotter']), 120);
    expect(cut).toContain('robotter');
    expect(cut.startsWith('… ')).toBe(true);
    expect(cut.endsWith(' …')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(124);
  });
});
