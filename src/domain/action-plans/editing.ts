/** The cluster writes its plan: goals, planned activities and narrative, while it is a draft or returned. */
import { sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import { type PlanInput, type ValidPlan, validatePlan } from './plan-input.ts';
import { checkPlanYear, clusterById, lockPlanStatus } from './plans.ts';
import { isEditable } from './policy.ts';

/**
 * Saves a plan's content. Refusals, in this order: validation (bad year or input), not_found (no
 * such cluster), forbidden (not the cluster's own staff), conflict (the plan is submitted or
 * accepted: read-only).
 */
export async function savePlan(
  db: Db,
  caller: Caller,
  clusterId: string,
  year: number,
  input: PlanInput,
  now: Date,
): Promise<void> {
  checkPlanYear(year, now);
  const plan = validatePlan(input);
  const { actor } = caller;
  await withActor(db, actor, async (tx) => {
    await clusterById(tx, clusterId);
    authorize(caller.principal, 'actionPlans.edit', { organisationId: clusterId });
    const status = (await lockPlanStatus(tx, clusterId, year)) ?? 'draft';
    if (!isEditable(status))
      throw new AppError('conflict', `An action plan that is ${status} cannot be changed`);
    await tx.execute(
      sql`insert into action_plans (cluster_id, year, status, narrative, updated_by, updated_at)
          values (${clusterId}, ${year}, ${status}, ${plan.narrative}, ${actor.userId}, ${now.toISOString()})
          on conflict (cluster_id, year) do update set narrative = excluded.narrative,
            updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    );
    await replaceGoals(tx, clusterId, year, plan.goals, now);
    await replaceActivities(tx, clusterId, year, plan.activities);
  });
}

/**
 * The plan's goals become exactly `goals`: others are deleted, unchanged ones left alone (so the
 * audit log records real changes only), in one statement each.
 */
async function replaceGoals(tx: Tx, clusterId: string, year: number, goals: ValidPlan['goals'], now: Date) {
  const keys = goals.map(([k]) => sql`${k}`);
  await tx.execute(
    sql`delete from cluster_goals where cluster_id = ${clusterId} and year = ${year}
        ${keys.length ? sql`and key not in (${sql.join(keys, sql`, `)})` : sql``}`,
  );
  if (goals.length === 0) return;
  const rows = goals.map(
    ([key, value]) => sql`(${clusterId}, ${year}, ${key}, ${value}, ${now.toISOString()})`,
  );
  await tx.execute(
    sql`insert into cluster_goals (cluster_id, year, key, value, updated_at)
        values ${sql.join(rows, sql`, `)}
        on conflict (cluster_id, year, key) do update set value = excluded.value, updated_at = excluded.updated_at
        where cluster_goals.value is distinct from excluded.value`,
  );
}

/** The plan's planned activities become exactly `activities`, as the goals. */
async function replaceActivities(
  tx: Tx,
  clusterId: string,
  year: number,
  activities: ValidPlan['activities'],
) {
  const categories = activities.map(([c]) => sql`${c}::activity_category`);
  await tx.execute(
    sql`delete from action_plan_activities where cluster_id = ${clusterId} and year = ${year}
        ${categories.length ? sql`and category not in (${sql.join(categories, sql`, `)})` : sql``}`,
  );
  if (activities.length === 0) return;
  const rows = activities.map(
    ([category, a]) => sql`(${clusterId}, ${year}, ${category}, ${a.plannedCount}, ${a.budgetDkk})`,
  );
  await tx.execute(
    sql`insert into action_plan_activities (cluster_id, year, category, planned_count, budget_dkk)
        values ${sql.join(rows, sql`, `)}
        on conflict (cluster_id, year, category) do update
          set planned_count = excluded.planned_count, budget_dkk = excluded.budget_dkk
        where (action_plan_activities.planned_count, action_plan_activities.budget_dkk)
          is distinct from (excluded.planned_count, excluded.budget_dkk)`,
  );
}
