/**
 * Annual action plans (seed 003, the steering concept): per cluster and year, goals per key of
 * the performance account, planned activities and budget per activity category, and a short
 * narrative. The goals are the rows of cluster_goals, which the mid-term evaluation reads.
 *
 * A plan moves through a small state machine, written out as TRANSITIONS in the style of the
 * reporting periods: the cluster's staff write a draft and submit it; a funder that funds the
 * cluster in the plan's year accepts it or returns it with a comment. Submitted and accepted
 * plans are read-only to the cluster. Every write goes through withActor, so the audit triggers
 * on action_plans, action_plan_activities and cluster_goals keep the history.
 */
import { sql } from 'drizzle-orm';
import { type Actor, withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import { actionPlanStatus, activityCategory } from '../../db/schema/index.ts';
import { AppError, type FieldIssue, notFound } from '../errors.ts';
import { FIGURE_KEYS, type FigureKey } from '../evaluation/figures.ts';
import { type PerformanceAccount, performanceAccount } from '../performance/account.ts';
import { type Action, authorize, can, type Principal } from '../policy/policy.ts';
import { currentReportingYear, fundersOf, MIN_YEAR } from '../reporting/periods/years.ts';

export type PlanStatus = (typeof actionPlanStatus.enumValues)[number];
export const PLAN_STATUSES: readonly PlanStatus[] = actionPlanStatus.enumValues;
export type ActivityCategory = (typeof activityCategory.enumValues)[number];
/** The activity categories of the reporting spec (the activity_category enum). */
export const PLAN_CATEGORIES: readonly ActivityCategory[] = activityCategory.enumValues;
/** The keys a cluster can set goals for: the per-cluster keys of the account (as the evaluation). */
export const GOAL_KEYS: readonly FigureKey[] = FIGURE_KEYS;

export const PLAN_ACTIONS = ['submit', 'accept', 'return'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export interface PlanTransition {
  from: PlanStatus;
  to: PlanStatus;
  action: PlanAction;
  permission: Extract<Action, 'actionPlans.edit' | 'actionPlans.decide'>;
  comment: 'optional' | 'required';
}

/** Every allowed change of a plan's status; anything not listed is refused. A year without a plan is a draft. */
export const PLAN_TRANSITIONS: readonly PlanTransition[] = [
  { from: 'draft', to: 'submitted', action: 'submit', permission: 'actionPlans.edit', comment: 'optional' },
  {
    from: 'returned',
    to: 'submitted',
    action: 'submit',
    permission: 'actionPlans.edit',
    comment: 'optional',
  },
  {
    from: 'submitted',
    to: 'accepted',
    action: 'accept',
    permission: 'actionPlans.decide',
    comment: 'optional',
  },
  {
    from: 'submitted',
    to: 'returned',
    action: 'return',
    permission: 'actionPlans.decide',
    comment: 'required',
  },
];

/** Statuses in which the cluster may still change its plan. */
export const EDITABLE_STATUSES: readonly PlanStatus[] = ['draft', 'returned'];
export const isEditable = (status: PlanStatus) => EDITABLE_STATUSES.includes(status);

export const NARRATIVE_MAX = 4000;
export const COMMENT_MAX = 2000;
/** A generous upper bound for a goal, a count or a budget: catches typing errors, not ambition. */
export const VALUE_MAX = 1e12;

export const planTransition = (from: PlanStatus, action: PlanAction) =>
  PLAN_TRANSITIONS.find((t) => t.from === from && t.action === action);

/** Who a plan is about: the cluster, and the funders that fund it in the plan's year. */
export interface PlanTarget {
  clusterId: string;
  fundedBy: readonly string[];
}
const policyTarget = (t: PlanTarget) => ({ organisationId: t.clusterId, fundedBy: t.fundedBy });

/** The status changes a user can make to a plan in this status, in table order. */
export function availablePlanActions(p: Principal | null, status: PlanStatus, target: PlanTarget) {
  return PLAN_TRANSITIONS.filter((t) => t.from === status && can(p, t.permission, policyTarget(target))).map(
    (t) => t.action,
  );
}

/** Whether a user may change the plan's content now: own cluster staff while it is a draft or returned. */
export const mayEditPlan = (p: Principal | null, status: PlanStatus, target: PlanTarget) =>
  isEditable(status) && can(p, 'actionPlans.edit', policyTarget(target));

// ---------------------------------------------------------------- reading

export interface PlanCluster {
  id: string;
  name: string;
  slug: string;
  cvr: string | null;
}

export async function clusterBySlug(db: Queryable, slug: string): Promise<PlanCluster> {
  const [row] = await queryRows<PlanCluster>(
    db,
    sql`select id, name, slug, cvr from organisations where slug = ${slug} and kind = 'cluster_organisation'`,
  );
  if (!row) throw notFound('cluster');
  return row;
}

export interface PlannedActivity {
  plannedCount: number;
  budgetDkk: number;
}

export interface ActionPlan {
  clusterId: string;
  year: number;
  /** Whether the plan has been saved at all; an unsaved plan is an empty draft. */
  saved: boolean;
  status: PlanStatus;
  narrative: string;
  comment: string | null;
  updatedAt: Date | null;
  goals: Map<string, number>;
  activities: Map<ActivityCategory, PlannedActivity>;
}

export async function loadPlan(db: Queryable, clusterId: string, year: number): Promise<ActionPlan> {
  const [row] = await queryRows<{
    status: PlanStatus;
    narrative: string;
    comment: string | null;
    updatedAt: string | Date;
  }>(
    db,
    sql`select status, narrative, comment, updated_at as "updatedAt" from action_plans
        where cluster_id = ${clusterId} and year = ${year}`,
  );
  const goals = await queryRows<{ key: string; value: number }>(
    db,
    sql`select key, value from cluster_goals where cluster_id = ${clusterId} and year = ${year}`,
  );
  const acts = await queryRows<{ category: ActivityCategory; plannedCount: number; budgetDkk: number }>(
    db,
    sql`select category::text as category, planned_count as "plannedCount", budget_dkk as "budgetDkk"
        from action_plan_activities where cluster_id = ${clusterId} and year = ${year}`,
  );
  return {
    clusterId,
    year,
    saved: row !== undefined,
    status: row?.status ?? 'draft',
    narrative: row?.narrative ?? '',
    comment: row?.comment ?? null,
    updatedAt: row ? new Date(row.updatedAt) : null,
    goals: new Map(goals.map((g) => [g.key, Number(g.value)])),
    activities: new Map(
      acts.map((a) => [a.category, { plannedCount: Number(a.plannedCount), budgetDkk: Number(a.budgetDkk) }]),
    ),
  };
}

/** The years a cluster's plan list offers: funded years, years with a plan, this year and next, newest first. */
export async function clusterPlanYears(
  db: Queryable,
  clusterId: string,
  now: Date,
): Promise<{ year: number; status: PlanStatus | null }[]> {
  const current = currentReportingYear(now);
  const rows = await queryRows<{ year: number; status: PlanStatus | null }>(
    db,
    sql`with years as (
          select year from funding_grants where cluster_id = ${clusterId}
          union select year from action_plans where cluster_id = ${clusterId}
          union select year from cluster_goals where cluster_id = ${clusterId}
          union select ${current}::int union select ${current + 1}::int
        )
        select y.year::int as year, p.status::text as status
        from years y left join action_plans p on p.cluster_id = ${clusterId} and p.year = y.year
        where y.year <= ${current + 1}
        order by y.year desc`,
  );
  return rows.map((r) => ({ year: Number(r.year), status: r.status }));
}

export interface OverviewPlan {
  clusterId: string;
  name: string;
  slug: string;
  status: PlanStatus | null;
  updatedAt: Date | null;
}

/**
 * The clusters funded in a year with their plan's status: by the given funder organisations, or
 * every funded cluster when `fundedBy` is null (admins).
 */
export async function plansOverview(
  db: Queryable,
  year: number,
  fundedBy: readonly string[] | null,
): Promise<OverviewPlan[]> {
  if (fundedBy !== null && fundedBy.length === 0) return [];
  const funders =
    fundedBy === null
      ? sql``
      : sql`and g.funder_id in (${sql.join(
          fundedBy.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  const rows = await queryRows<OverviewPlan & { updatedAt: string | Date | null }>(
    db,
    sql`select o.id as "clusterId", o.name, o.slug, p.status::text as status, p.updated_at as "updatedAt"
        from organisations o
        left join action_plans p on p.cluster_id = o.id and p.year = ${year}
        where o.id in (select g.cluster_id from funding_grants g where g.year = ${year} ${funders})
        order by o.name`,
  );
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt ? new Date(r.updatedAt) : null }));
}

// ---------------------------------------------------------------- validation

export interface PlanInput {
  /** Goal per account key; null or absent = no goal. */
  goals: Record<string, number | null | undefined>;
  /** Planned activities per category; a category with neither count nor budget is left out. */
  activities: Record<string, { plannedCount?: number | null; budgetDkk?: number | null }>;
  narrative: string;
}

export interface ValidPlan {
  goals: [FigureKey, number][];
  activities: [ActivityCategory, PlannedActivity][];
  narrative: string;
}

/** Field names as the plan form uses them, so issues land at their field. */
export const goalField = (key: string) => `goal-${key}`;
export const countField = (category: string) => `count-${category}`;
export const budgetField = (category: string) => `budget-${category}`;

function checkNumber(
  issues: FieldIssue[],
  field: string,
  value: number | null | undefined,
  integer: boolean,
): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value)) issues.push({ field, message: 'notNumber' });
  else if (value < 0) issues.push({ field, message: 'negative' });
  else if (value > VALUE_MAX) issues.push({ field, message: 'tooLarge' });
  else if (integer && !Number.isInteger(value)) issues.push({ field, message: 'notInteger' });
  else return value;
  return null;
}

/**
 * Checks a plan: goals only for known account keys, activities only in the spec's categories,
 * no negative or absurd numbers, counts whole, a narrative of bounded length.
 */
export function validatePlan(input: PlanInput): ValidPlan {
  const issues: FieldIssue[] = [];
  const goals: [FigureKey, number][] = [];
  for (const [key, value] of Object.entries(input.goals)) {
    const known = GOAL_KEYS.find((k) => k === key);
    if (!known) {
      issues.push({ field: goalField(key), message: 'unknownKey' });
      continue;
    }
    const v = checkNumber(issues, goalField(key), value, false);
    if (v !== null) goals.push([known, v]);
  }
  const activities: [ActivityCategory, PlannedActivity][] = [];
  for (const [category, a] of Object.entries(input.activities)) {
    const known = PLAN_CATEGORIES.find((c) => c === category);
    if (!known) {
      issues.push({ field: countField(category), message: 'unknownCategory' });
      continue;
    }
    const count = checkNumber(issues, countField(category), a.plannedCount, true);
    const budget = checkNumber(issues, budgetField(category), a.budgetDkk, false);
    const countGiven = a.plannedCount !== null && a.plannedCount !== undefined;
    const budgetGiven = a.budgetDkk !== null && a.budgetDkk !== undefined;
    if (countGiven !== budgetGiven)
      issues.push({ field: countGiven ? budgetField(category) : countField(category), message: 'pair' });
    if (count !== null && budget !== null)
      activities.push([known, { plannedCount: count, budgetDkk: budget }]);
  }
  const narrative = input.narrative.trim();
  if (narrative.length > NARRATIVE_MAX) issues.push({ field: 'narrative', message: 'tooLong' });
  if (issues.length > 0) throw new AppError('validation', 'The action plan has errors', issues);
  return { goals, activities, narrative };
}

// ---------------------------------------------------------------- writing

function checkYear(year: number, now: Date) {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > currentReportingYear(now) + 1)
    throw new AppError('validation', `No plan year ${year}`, [{ field: 'year', message: 'invalid' }]);
}

async function lockedStatus(tx: Queryable, clusterId: string, year: number): Promise<PlanStatus | null> {
  const [row] = await queryRows<{ status: PlanStatus }>(
    tx,
    sql`select status from action_plans where cluster_id = ${clusterId} and year = ${year} for update`,
  );
  return row?.status ?? null;
}

/**
 * Saves a plan's content (goals, planned activities, narrative). Refusals: validation (bad input),
 * forbidden (not the cluster's own staff), conflict (the plan is submitted or accepted: read-only).
 */
export async function savePlan(
  db: Db,
  principal: Principal | null,
  actor: Actor,
  clusterId: string,
  year: number,
  input: PlanInput,
  now: Date,
): Promise<void> {
  checkYear(year, now);
  const plan = validatePlan(input);
  await withActor(db, actor, async (tx) => {
    authorize(principal, 'actionPlans.edit', { organisationId: clusterId });
    const status = (await lockedStatus(tx, clusterId, year)) ?? 'draft';
    if (!isEditable(status))
      throw new AppError('conflict', `An action plan that is ${status} cannot be changed`);
    await tx.execute(
      sql`insert into action_plans (cluster_id, year, status, narrative, updated_by, updated_at)
          values (${clusterId}, ${year}, ${status}, ${plan.narrative}, ${actor.userId}, ${now.toISOString()})
          on conflict (cluster_id, year) do update set narrative = excluded.narrative,
            updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    );
    const keys = plan.goals.map(([k]) => sql`${k}`);
    await tx.execute(
      sql`delete from cluster_goals where cluster_id = ${clusterId} and year = ${year}
          ${keys.length ? sql`and key not in (${sql.join(keys, sql`, `)})` : sql``}`,
    );
    for (const [key, value] of plan.goals)
      await tx.execute(
        sql`insert into cluster_goals (cluster_id, year, key, value, updated_at)
            values (${clusterId}, ${year}, ${key}, ${value}, ${now.toISOString()})
            on conflict (cluster_id, year, key) do update set value = excluded.value, updated_at = excluded.updated_at
            where cluster_goals.value is distinct from excluded.value`,
      );
    const cats = plan.activities.map(([c]) => sql`${c}::activity_category`);
    await tx.execute(
      sql`delete from action_plan_activities where cluster_id = ${clusterId} and year = ${year}
          ${cats.length ? sql`and category not in (${sql.join(cats, sql`, `)})` : sql``}`,
    );
    for (const [category, a] of plan.activities)
      await tx.execute(
        sql`insert into action_plan_activities (cluster_id, year, category, planned_count, budget_dkk)
            values (${clusterId}, ${year}, ${category}, ${a.plannedCount}, ${a.budgetDkk})
            on conflict (cluster_id, year, category) do update
              set planned_count = excluded.planned_count, budget_dkk = excluded.budget_dkk
            where (action_plan_activities.planned_count, action_plan_activities.budget_dkk)
              is distinct from (excluded.planned_count, excluded.budget_dkk)`,
      );
  });
}

export interface PlanChange {
  clusterId: string;
  year: number;
  action: PlanAction;
  comment?: string | null | undefined;
}

/**
 * Changes a plan's status by one transition of the table. Refusals, in this order: validation
 * (bad year, comment too long), forbidden (the policy says no: not the cluster's staff, or a
 * funder that does not fund the cluster that year), conflict (no such move from the current
 * status), validation (a required comment is missing).
 */
export async function changePlanStatus(
  db: Db,
  principal: Principal | null,
  actor: Actor,
  change: PlanChange,
  now: Date,
): Promise<PlanStatus> {
  const { clusterId, year, action } = change;
  checkYear(year, now);
  if (!PLAN_ACTIONS.includes(action))
    throw new AppError('validation', 'Unknown plan action', [{ field: 'action', message: 'invalid' }]);
  const comment = change.comment?.trim() || null;
  if (comment && comment.length > COMMENT_MAX)
    throw new AppError('validation', 'The comment is too long', [{ field: 'comment', message: 'tooLong' }]);
  return withActor(db, actor, async (tx) => {
    const fundedBy = await fundersOf(tx, clusterId, year);
    const permission = (PLAN_TRANSITIONS.find((t) => t.action === action) as PlanTransition).permission;
    authorize(principal, permission, { organisationId: clusterId, fundedBy });
    const from = await lockedStatus(tx, clusterId, year);
    const transition = from === null ? undefined : planTransition(from, action);
    if (!transition)
      throw new AppError(
        'conflict',
        `An action plan that is ${from ?? 'not saved'} cannot be changed by ${action}`,
      );
    if (transition.comment === 'required' && !comment)
      throw new AppError('validation', `A comment is required to ${action} a plan`, [
        { field: 'comment', message: 'required' },
      ]);
    // A submit keeps the funder's last comment out of the way; a decision records its own.
    await tx.execute(
      sql`update action_plans set status = ${transition.to}, comment = ${action === 'submit' ? null : comment},
            updated_by = ${actor.userId}, updated_at = ${now.toISOString()}
          where cluster_id = ${clusterId} and year = ${year}`,
    );
    return transition.to;
  });
}

// ---------------------------------------------------------------- follow-up: plan versus actual

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

export interface FollowUp {
  plan: ActionPlan;
  account: PerformanceAccount;
  goals: GoalFollowUp[];
  categories: CategoryFollowUp[];
}

/** A year's reported activities and grant used per category, counted in SQL. */
export async function reportedByCategory(
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

/**
 * The plan next to what happened: each goal against the cluster's performance account for the
 * year (the one account function, not a second count), and planned activities per category
 * against the reported ones.
 */
export async function planFollowUp(db: Queryable, cluster: PlanCluster, year: number): Promise<FollowUp> {
  const plan = await loadPlan(db, cluster.id, year);
  if (!cluster.cvr) throw new AppError('conflict', 'The cluster has no CVR number, so it has no account');
  const [account, reported] = await Promise.all([
    performanceAccount(db, year, { kind: 'cluster', cvr: cluster.cvr }),
    reportedByCategory(db, cluster.id, year),
  ]);
  const goals = GOAL_KEYS.map((key): GoalFollowUp => {
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
  const categories = PLAN_CATEGORIES.map((category): CategoryFollowUp => {
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
  return { plan, account, goals, categories };
}

// ---------------------------------------------------------------- history

export interface PlanEvent {
  at: Date;
  actorLabel: string;
  from: PlanStatus | null;
  to: PlanStatus;
  comment: string | null;
}

/**
 * The status changes of a plan, oldest first, from the audit log the row trigger writes (entity
 * 'action_plans', id 'cluster/year'); saves that leave the status alone are not listed.
 */
export async function planHistory(db: Queryable, clusterId: string, year: number): Promise<PlanEvent[]> {
  const rows = await queryRows<Omit<PlanEvent, 'at'> & { at: string | Date }>(
    db,
    sql`select coalesce((after->>'updated_at')::timestamptz, at) as at, actor_label as "actorLabel",
               before->>'status' as "from", after->>'status' as "to", after->>'comment' as comment
        from audit_log
        where entity = 'action_plans' and entity_id = ${`${clusterId}/${year}`} and after is not null
          and (before is null or before->>'status' is distinct from after->>'status')
        order by id`,
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}
