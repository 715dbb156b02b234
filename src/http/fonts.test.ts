import { describe, expect, it } from 'vitest';
import { plexFontFaces, withoutPlexFontFaces } from './fonts.ts';

/** The @font-face rules as [file, weight, style, code points]. */
function faces() {
  return [...plexFontFaces((file) => file).matchAll(/@font-face\{([^}]*)\}/g)].map((m) => {
    const rule = m[1] as string;
    const points = new Set<number>();
    for (const range of /unicode-range:([^;}]*)/.exec(rule)?.[1]?.split(',') ?? []) {
      const [from = '', to = from] = range.trim().replace('U+', '').split('-');
      for (let c = Number.parseInt(from, 16); c <= Number.parseInt(to, 16); c++) points.add(c);
    }
    return {
      file: /url\(([^)]*)\)/.exec(rule)?.[1] ?? '',
      weight: /font-weight:(\d+)/.exec(rule)?.[1],
      style: /font-style:(\w+)/.exec(rule)?.[1],
      points,
    };
  });
}

const regular = () => faces().filter((f) => f.weight === '400' && f.style === 'normal');
const fileFor = (char: string) =>
  regular()
    .filter((f) => f.points.has(char.codePointAt(0) as number))
    .map((f) => f.file);

describe('IBM Plex Sans from subset files', () => {
  it('takes Danish and English text, quotes, dashes and the euro from the Latin-1 subset alone', () => {
    for (const char of [...'AZaz09 æøåÆØÅéü»«–—‘’“”…€•−'])
      expect(fileFor(char), char).toEqual(['fonts/IBMPlexSans/split/woff2/IBMPlexSans-Regular-Latin1.woff2']);
  });

  it('finds the arrows and signs some pages use in the Pi subset, and other scripts in theirs', () => {
    expect(fileFor('→')).toEqual(['fonts/IBMPlexSans/split/woff2/IBMPlexSans-Regular-Pi.woff2']);
    expect(fileFor('≥')).toEqual(['fonts/IBMPlexSans/split/woff2/IBMPlexSans-Regular-Pi.woff2']);
    expect(fileFor('ł')).toEqual(['fonts/IBMPlexSans/split/woff2/IBMPlexSans-Regular-Latin2.woff2']);
    expect(fileFor('Ж')).toEqual(['fonts/IBMPlexSans/split/woff2/IBMPlexSans-Regular-Cyrillic.woff2']);
    expect(fileFor('λ')).toEqual(['fonts/IBMPlexSans/split/woff2/IBMPlexSans-Regular-Greek.woff2']);
    // A combining accent (a decomposed "å") is in no subset: the complete font has it.
    expect(fileFor('\u030a')).toEqual(['fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Regular.woff2']);
  });

  it('gives no character to two files of one face', () => {
    for (const weight of ['400', '500', '600', '700'])
      for (const style of ['normal', 'italic']) {
        const face = faces().filter((f) => f.weight === weight && f.style === style);
        expect(face).toHaveLength(7);
        const total = face.reduce((n, f) => n + f.points.size, 0);
        expect(new Set(face.flatMap((f) => [...f.points])).size, `${weight} ${style}`).toBe(total);
      }
  });

  it('removes only the IBM Plex Sans rules from a stylesheet', () => {
    const css =
      '@font-face{font-family:IBM Plex Sans;src:url(a.woff2)}.a{color:red}@font-face{font-family:system;src:local("Tahoma")}';
    expect(withoutPlexFontFaces(css)).toBe('.a{color:red}@font-face{font-family:system;src:local("Tahoma")}');
  });
});
