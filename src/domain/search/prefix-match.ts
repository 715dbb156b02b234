import { sql } from 'drizzle-orm';
import { searchTokens } from './text.ts';

/**
 * A text condition for the smaller lists outside the search index (partners, the marketplace):
 * every word of `q` must match a word of `document` as a Danish prefix ("robot" finds
 * "robotter"). The words come from searchTokens, so only letters and digits reach tsquery syntax;
 * null when `q` has no words.
 */
export function prefixMatch(document: ReturnType<typeof sql>, q: string | undefined) {
  const tokens = searchTokens(q ?? '');
  if (tokens.length === 0) return null;
  const query = tokens.map((t) => `${t}:*`).join(' & ');
  return sql`to_tsvector('danish', ${document}) @@ to_tsquery('danish', ${query})`;
}
