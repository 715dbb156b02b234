/** Follow-up: a year's plan next to what the cluster reported and what its account says. */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import type { FigureKey } from '../evaluation/figures.ts';
import { type PerformanceAccount, performanceAccount } from '../performance/account.ts';
import {
  type ActionPlan,
  type ActivityCategory,
  GOAL_KEYS,
  loadPlan,
  type OpenedPlan,
  openPlan,
  PLAN_CATEGORIES,
} from './plans.ts';

export type GoalStatus = 'met' | 'behind' | 'noGoal';

export interface GoalFollowUp {
  key: FigureKey;
  goal: number | null;
  actual: number;
  /** actual − goal; null without a goal. */
  difference: number | null;
  status: GoalStatus;
}

export type ActivityStatus = 'met' | 'behind' | 'notPlanned';

export interface CategoryFollowUp {
  category: ActivityCategory;
  plannedCount: number | null;
  budgetDkk: number | null;
  reportedCount: number;
  /** Grant (klyngebevilling) used by the reported activities of the category. */
  reportedGrantDkk: number;
  /** reported − planned activities; null when nothing was planned. */
  difference: number | null;
  status: ActivityStatus;
}

export interface FollowUp extends OpenedPlan {
  plan: ActionPlan;
  account: PerformanceAccount;
  goals: GoalFollowUp[];
  categories: CategoryFollowUp[];
}

/** A year's reported activities and grant used per category, counted in SQL. */
async function reportedByCategory(
  db: Queryable,
  clusterId: string,
  year: number,
): Promise<Map<string, { count: number; grantDkk: number }>> {
  const rows = await queryRows<{ category: string; count: number; grantDkk: number }>(
    db,
    sql`select category::text as category, count(*)::int as count,
               coalesce(sum(grant_dkk), 0)::float8 as "grantDkk"
        from activities where cluster_id = ${clusterId} and year = ${year}
        group by category`,
  );
  return new Map(rows.map((r) => [r.category, { count: Number(r.count), grantDkk: Number(r.grantDkk) }]));
}

const goalFollowUp = (plan: ActionPlan, account: PerformanceAccount) =>
  GOAL_KEYS.map((key): GoalFollowUp => {
    const goal = plan.goals.get(key) ?? null;
    const actual = account[key];
    return {
      key,
      goal,
      actual,
      difference: goal === null ? null : actual - goal,
      status: goal === null ? 'noGoal' : actual >= goal ? 'met' : 'behind',
    };
  });

const categoryFollowUp = (plan: ActionPlan, reported: Awaited<ReturnType<typeof reportedByCategory>>) =>
  PLAN_CATEGORIES.map((category): CategoryFollowUp => {
    const planned = plan.activities.get(category);
    const r = reported.get(category) ?? { count: 0, grantDkk: 0 };
    return {
      category,
      plannedCount: planned?.plannedCount ?? null,
      budgetDkk: planned?.budgetDkk ?? null,
      reportedCount: r.count,
      reportedGrantDkk: r.grantDkk,
      difference: planned ? r.count - planned.plannedCount : null,
      status: !planned ? 'notPlanned' : r.count >= planned.plannedCount ? 'met' : 'behind',
    };
  });

/**
 * The plan next to what happened, for a caller who may view the plan (refusals as `openPlan`):
 * each goal against the cluster's performance account for the year (the one account function,
 * not a second count), and planned activities per category against the reported ones.
 */
export async function planFollowUp(
  db: Queryable,
  caller: Caller,
  slug: string,
  year: number,
  now: Date,
): Promise<FollowUp> {
  const opened = await openPlan(db, caller, slug, year, now);
  const { cluster } = opened;
  const plan = await loadPlan(db, cluster.id, year);
  if (!cluster.cvr) throw new AppError('conflict', 'The cluster has no CVR number, so it has no account');
  const [account, reported] = await Promise.all([
    performanceAccount(db, year, { kind: 'cluster', cvr: cluster.cvr }),
    reportedByCategory(db, cluster.id, year),
  ]);
  return {
    ...opened,
    plan,
    account,
    goals: goalFollowUp(plan, account),
    categories: categoryFollowUp(plan, reported),
  };
}
