/**
 * The statistics of survey results that need no database: small-cell suppression, the margin
 * of error of a share, and the company size bands results are broken down by. Pure functions, tested by hand-computed values.
 */

/** No figure is shown from fewer respondents than this in a public or funder view. */
export const MIN_RESPONDENTS = 5;

/**
 * Counts with the small ones hidden (null): every count of 1 to 4, and when the categories
 * exclude each other (a respondent is in one only) and their total is shown, one more count, so
 * a single hidden count cannot be worked out by subtracting the others from the total: the
 * smallest remaining count above zero (else the smallest remaining). A base below the minimum
 * hides everything.
 */
export function suppressCounts(
  counts: readonly number[],
  base: number,
  opts: { exclusive: boolean },
): (number | null)[] {
  if (base < MIN_RESPONDENTS) return counts.map(() => null);
  const hidden = counts.map((n) => n > 0 && n < MIN_RESPONDENTS);
  if (opts.exclusive && hidden.filter(Boolean).length === 1) {
    const candidates = counts
      .map((n, i) => ({ n, i }))
      .filter(({ i }) => !hidden[i])
      .sort((a, b) => Number(a.n === 0) - Number(b.n === 0) || a.n - b.n || a.i - b.i);
    const next = candidates[0];
    if (next) hidden[next.i] = true;
  }
  return counts.map((n, i) => (hidden[i] ? null : n));
}

/** A figure computed from `base` respondents, or null when the view may not show it. */
export const shown = <T>(value: T, base: number, suppress: boolean): T | null =>
  suppress && base < MIN_RESPONDENTS ? null : value;

/**
 * The margin of error of a share at 95 % confidence, as a share (0.05 is ±5 percentage points):
 * 1.96 · √(p(1−p)/n), with the finite population correction √((N−n)/(N−1)) because a survey
 * asks a known population (the invitees). Worst case p = 0.5 unless given. Null without answers.
 */
export function marginOfError(respondents: number, population: number, share = 0.5): number | null {
  if (respondents <= 0 || population <= 0) return null;
  const n = Math.min(respondents, population);
  const correction = population > 1 ? Math.sqrt((population - n) / (population - 1)) : 0;
  return 1.96 * Math.sqrt((share * (1 - share)) / n) * correction;
}

export const COMPANY_SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;
export type CompanySizeBand = (typeof COMPANY_SIZE_BANDS)[number];
