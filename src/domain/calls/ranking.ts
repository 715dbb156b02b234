/** Weighted totals and the ranked list of a call's applications. */

export interface RankCriterion {
  id: string;
  position: number;
  weight: number;
  scaleMax: number;
}

export interface RankApplication {
  id: string;
  submittedAt: Date;
  /** Consensus score per criterion id; a missing score counts as 0 and marks the total incomplete. */
  consensus: Record<string, number>;
}

export interface Ranked<A extends RankApplication> {
  application: A;
  rank: number;
  /** 0-100: the sum over criteria of weight × score / scale. */
  total: number;
  complete: boolean;
}

export function weightedTotal(criteria: readonly RankCriterion[], consensus: Record<string, number>): number {
  const sum = criteria.reduce((s, c) => s + (c.weight * (consensus[c.id] ?? 0)) / c.scaleMax, 0);
  return Math.round(sum * 100) / 100;
}

/**
 * Highest weighted total first. Tie-break, in this order: the higher consensus score on the
 * heaviest criterion (criteria by weight, then by position), then the next heaviest, and so on;
 * then the earlier submission. Applications still equal after that share a rank.
 */
export function rankApplications<A extends RankApplication>(
  criteria: readonly RankCriterion[],
  applications: readonly A[],
): Ranked<A>[] {
  const byWeight = [...criteria].sort((a, b) => b.weight - a.weight || a.position - b.position);
  const rows = applications.map((application) => ({
    application,
    total: weightedTotal(criteria, application.consensus),
    complete: criteria.every((c) => application.consensus[c.id] !== undefined),
    rank: 0,
  }));
  const compare = (a: (typeof rows)[number], b: (typeof rows)[number]) => {
    if (a.total !== b.total) return b.total - a.total;
    for (const c of byWeight) {
      const d =
        (b.application.consensus[c.id] ?? 0) / c.scaleMax - (a.application.consensus[c.id] ?? 0) / c.scaleMax;
      if (d !== 0) return d;
    }
    return a.application.submittedAt.getTime() - b.application.submittedAt.getTime();
  };
  rows.sort(compare);
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    row.rank = prev && compare(prev, row) === 0 ? prev.rank : i + 1;
  });
  return rows;
}

/** The spread of individual scores on one criterion, shown beside the consensus score. */
export function spread(scores: readonly number[]): { min: number; max: number; mean: number } | null {
  if (scores.length === 0) return null;
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  return { min: Math.min(...scores), max: Math.max(...scores), mean: Math.round(mean * 100) / 100 };
}
