/**
 * The mid-term evaluation's flags: configured rules applied to one cluster's benchmark rows
 * (figures and quartile positions computed in SQL) and its action-plan goals.
 */
import type { BenchmarkRow } from './benchmark.ts';
import type { FlagRule } from './config.ts';
import type { FigureKey } from './figures.ts';

export type Flag =
  | { ruleId: string; kind: 'bottom_quartile_running'; key: FigureKey; years: number[] }
  | {
      ruleId: string;
      kind: 'decline_from_first_year';
      key: FigureKey;
      firstYear: number;
      lastYear: number;
      first: number;
      last: number;
      /** The change in % (negative: a decline). */
      change: number;
      threshold: number;
    }
  | { ruleId: string; kind: 'below_goal'; key: FigureKey; year: number; value: number; goal: number };

/** The first and the last year in which the cluster reported any activity, or null. */
export function reportedSpan(rows: readonly BenchmarkRow[]): { first: number; last: number } | null {
  const years = rows.filter((r) => r.key === 'activities' && r.value > 0).map((r) => r.year);
  if (years.length === 0) return null;
  return { first: Math.min(...years), last: Math.max(...years) };
}

/** The longest run of consecutive years in which `inBottom` holds. */
function longestRun(years: number[]): number[] {
  let best: number[] = [];
  let run: number[] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    run = run.length > 0 && run[run.length - 1] === y - 1 ? [...run, y] : [y];
    if (run.length > best.length) best = run;
  }
  return best;
}

/**
 * Flags for one cluster. `rows` are that cluster's benchmark rows over the period; `goals` its
 * goals by 'year|key'.
 */
export function applyRules(
  rules: readonly FlagRule[],
  rows: readonly BenchmarkRow[],
  goals: ReadonlyMap<string, number>,
): Flag[] {
  const span = reportedSpan(rows);
  const value = (key: FigureKey, year: number) => rows.find((r) => r.key === key && r.year === year)?.value;
  const flags: Flag[] = [];
  for (const rule of rules) {
    switch (rule.kind) {
      case 'bottom_quartile_running': {
        const bottom = rows.filter((r) => r.key === rule.key && r.quartile === 1).map((r) => r.year);
        const run = longestRun(bottom);
        if (run.length >= rule.years)
          flags.push({ ruleId: rule.id, kind: rule.kind, key: rule.key, years: run });
        break;
      }
      case 'decline_from_first_year': {
        if (!span || span.first === span.last) break;
        const first = value(rule.key, span.first) ?? 0;
        const last = value(rule.key, span.last) ?? 0;
        if (first <= 0) break;
        const change = ((last - first) / first) * 100;
        if (change < -rule.percent)
          flags.push({
            ruleId: rule.id,
            kind: rule.kind,
            key: rule.key,
            firstYear: span.first,
            lastYear: span.last,
            first,
            last,
            change,
            threshold: rule.percent,
          });
        break;
      }
      case 'below_goal': {
        if (!span) break;
        const goal = goals.get(`${span.last}|${rule.key}`);
        const v = value(rule.key, span.last) ?? 0;
        if (goal !== undefined && v < goal)
          flags.push({ ruleId: rule.id, kind: rule.kind, key: rule.key, year: span.last, value: v, goal });
        break;
      }
    }
  }
  return flags;
}
