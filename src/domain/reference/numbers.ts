/**
 * A number as people type it in Denmark: spaces and thousands points removed ("2.500.000"), a
 * decimal comma read as a point ("12,5"). Empty is null; anything else unreadable is NaN.
 */
export function parseDanishNumber(raw: string): number | null {
  const s = raw.replace(/\s/g, '');
  if (s === '') return null;
  const plain = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) ? s.replace(/\./g, '') : s;
  const n = Number(plain.replace(',', '.'));
  return Number.isNaN(n) ? Number.NaN : n;
}
