/**
 * Addresses of news, stories, events and calls: readable ASCII made from the title, fixed once
 * created so links keep working when a title is edited.
 */
const MAX_SLUG_LENGTH = 80;

/** Path segments that are pages of their own (/nyheder/ny, /en/news/new), so never an item. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['ny', 'new']);

/** Lowercase ASCII from a title with Danish letters folded (æ→ae, ø→oe, å→aa), at most 80 characters. */
export function slugFromTitle(title: string): string {
  const folded = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Cut long titles at a word boundary where there is one.
  const cut =
    folded.length <= MAX_SLUG_LENGTH || folded[MAX_SLUG_LENGTH] === '-'
      ? folded.slice(0, MAX_SLUG_LENGTH)
      : folded.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, '');
  return cut.replace(/-+$/, '') || 'indhold';
}

/** The first of base, base-2, base-3 … that is neither taken nor reserved. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  const free = (s: string) => !taken.has(s) && !RESERVED_SLUGS.has(s);
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (free(candidate)) return candidate;
  }
}
