/** Words of a text: runs of letters and digits in any script (æ, ø, å included). */
const WORD = /[\p{L}\p{N}]+/gu;

export const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 40;

/**
 * The words of a search text, lower case, without duplicates, as the database gets them. Only
 * letters and digits pass, so no character of the user's text reaches tsquery syntax.
 */
export function searchTokens(q: string): string[] {
  const words = (q.toLowerCase().match(WORD) ?? []).map((w) => w.slice(0, MAX_TOKEN_LENGTH));
  return [...new Set(words)].slice(0, MAX_TOKENS);
}

/** A piece of text, marked when it is a word the search matched. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** Splits `text` into marked and unmarked pieces; `marks` holds matched words in lower case. */
export function highlight(text: string, marks: ReadonlySet<string>): Segment[] {
  const out: Segment[] = [];
  const push = (piece: string, mark: boolean) => {
    if (!piece) return;
    const last = out.at(-1);
    if (last && last.mark === mark) last.text += piece;
    else out.push({ text: piece, mark });
  };
  let at = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index ?? 0;
    const mark = marks.has(word.toLowerCase());
    // Marked words stay separate segments, so two neighbouring hits read as two marks.
    push(text.slice(at, start), false);
    if (mark) out.push({ text: word, mark: true });
    else push(word, false);
    at = start + word.length;
  }
  push(text.slice(at), false);
  return out;
}

/**
 * At most `maxLength` characters of `text`, starting a little before the first matched word so
 * that the hit is visible, cut at word boundaries and marked with an ellipsis where cut.
 */
export function excerpt(text: string, marks: ReadonlySet<string>, maxLength = 240): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxLength) return clean;
  let first = 0;
  for (const match of clean.matchAll(WORD)) {
    if (marks.has(match[0].toLowerCase())) {
      first = match.index ?? 0;
      break;
    }
  }
  let start = Math.max(0, Math.min(first - 60, clean.length - maxLength));
  if (start > 0) start = clean.indexOf(' ', start) + 1 || start;
  let end = Math.min(clean.length, start + maxLength);
  if (end < clean.length) end = clean.lastIndexOf(' ', end) > start ? clean.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '… ' : ''}${clean.slice(start, end).trim()}${end < clean.length ? ' …' : ''}`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Segments as HTML: every character escaped, matched words in `<mark>`. */
export function segmentsToHtml(segments: readonly Segment[]): string {
  return segments.map((s) => (s.mark ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join('');
}
