/**
 * IBM Plex Sans, the typeface of DKFDS, as the split (subset) woff2 files DKFDS ships instead of
 * the complete fonts its stylesheet names: every face is declared once per subset with the
 * characters that subset holds, so a browser fetches only the subsets of the faces a page uses
 * (for Danish and English text the Latin-1 subset, 17 KB instead of 57-60 KB).
 */

/** The faces DKFDS's stylesheet declares (weight, style) and the file names IBM gives them. */
const FACES = [
  { weight: 400, style: 'normal', file: 'Regular' },
  { weight: 400, style: 'italic', file: 'Italic' },
  { weight: 500, style: 'normal', file: 'Medium' },
  { weight: 500, style: 'italic', file: 'MediumItalic' },
  { weight: 600, style: 'normal', file: 'SemiBold' },
  { weight: 600, style: 'italic', file: 'SemiBoldItalic' },
  { weight: 700, style: 'normal', file: 'Bold' },
  { weight: 700, style: 'italic', file: 'BoldItalic' },
] as const;

/**
 * The characters of each split file: their cmap tables (the same in every face of DKFDS 11.2),
 * read with fc-query. A browser picks a subset by these ranges, so they must be what the file
 * holds. Later rules win where ranges would overlap (they do not): Latin-1 comes last.
 */
const SUBSETS = [
  {
    name: 'Cyrillic',
    range:
      'U+0400-045F, U+0472-0473, U+0490-049D, U+04A0-04A5, U+04AA-04AB, U+04AE-04B3, U+04B6-04BB, U+04C0-04C2, U+04CF-04D9, U+04DC-04DF, U+04E2-04E9, U+04EE-04F5, U+04F8-04F9',
  },
  { name: 'Greek', range: 'U+037E, U+0386-038A, U+038C, U+038E-03A1, U+03A3-03CE' },
  {
    name: 'Pi',
    range:
      'U+0E3F, U+2032-2033, U+2070, U+2074-2079, U+2080-2089, U+2113, U+2116, U+2126, U+212E, U+2150-2151, U+2153-215E, U+2190-2199, U+21A9-21AA, U+21B0-21B3, U+21B6-21B7, U+21BA-21BB, U+21C4, U+21C6, U+2202, U+2206, U+220F, U+2211, U+2215, U+221A, U+221E, U+222B, U+2248, U+2260, U+2264-2265, U+25CA, U+2713, U+274C, U+2B0E-2B11, U+ECE0, U+EFCC',
  },
  { name: 'Latin3', range: 'U+0102-0103, U+01CD-01DC, U+1EA0-1EF9, U+20AB' },
  {
    name: 'Latin2',
    range:
      'U+0100-0101, U+0104-0130, U+0132-0151, U+0154-017F, U+018F, U+0192, U+01A0-01A1, U+01AF-01B0, U+01FA-01FF, U+0218-021B, U+0237, U+0259, U+1E80-1E85, U+1E9E, U+20A1, U+20A4, U+20A6, U+20A8-20AA, U+20AD-20AE, U+20B1-20B2, U+20B4-20B5, U+20B8-20BA, U+20BD, U+20BF',
  },
  {
    name: 'Latin1',
    range:
      'U+0020-007E, U+00A0-00FF, U+0131, U+0152-0153, U+02C6, U+02DA, U+02DC, U+2013-2014, U+2018-201A, U+201C-201E, U+2020-2022, U+2026, U+2030, U+2039-203A, U+2044, U+20AC, U+2122, U+2212, U+FB01-FB02',
  },
] as const;

/**
 * The few characters of the complete font that no split file holds (spacing and combining
 * accents, as in a decomposed "å"): for them the complete font is still declared, and fetched
 * only by a page that shows one.
 */
const ONLY_IN_COMPLETE =
  'U+02BB-02BC, U+02C7, U+02D8-02D9, U+02DB, U+02DD, U+0300-0304, U+0306-030C, U+0312, U+0315, U+031B, U+0323, U+0326-0328, U+0384-0385, U+F6D7-F6D8';

/** Files under DKFDS's dist/ folder. */
const splitFile = (face: string, subset: string) =>
  `fonts/IBMPlexSans/split/woff2/IBMPlexSans-${face}-${subset}.woff2`;
const completeFile = (face: string) => `fonts/IBMPlexSans/complete/woff2/IBMPlexSans-${face}.woff2`;

/**
 * The faces every page uses (body text, headings and the current menu item): fetched at once
 * with the stylesheet rather than after it, so text is not drawn twice.
 */
export const PRELOADED_FONT_FILES: readonly string[] = ['Regular', 'SemiBold', 'Bold'].map((face) =>
  splitFile(face, 'Latin1'),
);

/** @font-face rules for IBM Plex Sans; `url` turns a file under dist/ into its address. */
export function plexFontFaces(url: (file: string) => string): string {
  const rule = (face: (typeof FACES)[number], file: string, range: string) =>
    `@font-face{font-display:swap;font-family:IBM Plex Sans;font-style:${face.style};font-weight:${face.weight};src:url(${url(file)}) format("woff2");unicode-range:${range}}`;
  return FACES.flatMap((face) => [
    rule(face, completeFile(face.file), ONLY_IN_COMPLETE),
    ...SUBSETS.map((subset) => rule(face, splitFile(face.file, subset.name), subset.range)),
  ]).join('\n');
}

/** DKFDS's own @font-face rules for IBM Plex Sans (the complete fonts), to be replaced. */
export function withoutPlexFontFaces(css: string): string {
  return css.replace(/@font-face\{[^}]*\}/g, (rule) =>
    /font-family:\s*"?IBM Plex Sans/.test(rule) ? '' : rule,
  );
}
