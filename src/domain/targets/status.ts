import type { PerformanceAccount } from '../performance/account.ts';
import type { Direction, TargetMetric } from './schemas.ts';

export type TargetStatus = 'met' | 'progress' | 'behind' | 'no_target';

export interface MeasuredTarget {
  metric: TargetMetric;
  direction: Direction;
  baselineValue: number | null;
  targetValue: number | null;
}

/** The account's figure for a target: the number, or null for a distribution (shown, not scored). */
export function actualOf(metric: TargetMetric, account: PerformanceAccount): number | null {
  if (metric === 'innovating_companies_by_region') return null;
  return account[metric];
}

/**
 * Where a target stands: met; on its way (better than the baseline, or no baseline to compare
 * with is not progress); or behind. A target without a number is shown, not scored.
 */
export function targetStatus(target: MeasuredTarget, actual: number | null): TargetStatus {
  if (target.direction === 'none' || target.targetValue === null || actual === null) return 'no_target';
  const better = (a: number, b: number) => (target.direction === 'at_least' ? a >= b : a <= b);
  if (better(actual, target.targetValue)) return 'met';
  if (
    target.baselineValue !== null &&
    better(actual, target.baselineValue) &&
    actual !== target.baselineValue
  )
    return 'progress';
  return 'behind';
}
