/**
 * Annual action plans (seed 003, the steering concept): per cluster and year, goals per key of
 * the performance account, planned activities and budget per activity category, and a short
 * narrative. The goals are the rows of cluster_goals, which the mid-term evaluation reads.
 *
 * This file holds the plan itself and how a caller opens it; who may do what is in policy.ts,
 * the cluster's writing in editing.ts, submission and the funder's decision in decisions.ts, the
 * plan against what happened in follow-up.ts, and the funders' list in overview.ts. Every write
 * goes through withActor, so the audit triggers on action_plans, action_plan_activities and
 * cluster_goals keep the history.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { actionPlanStatus, activityCategory } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import { FIGURE_KEYS, type FigureKey } from '../evaluation/figures.ts';
import { isUuid } from '../ids.ts';
import { authorize, can } from '../policy/policy.ts';
import { currentReportingYear, fundersOf, MIN_YEAR } from '../reporting/periods/years.ts';
import { type PlanComment, planComments } from './comments.ts';
import {
  mayReadComments,
  type PlanPermissions,
  type PlanTarget,
  planPermissions,
  policyTarget,
} from './policy.ts';

export type PlanStatus = (typeof actionPlanStatus.enumValues)[number];
export const PLAN_STATUSES: readonly PlanStatus[] = actionPlanStatus.enumValues;
export type ActivityCategory = (typeof activityCategory.enumValues)[number];
/** The activity categories of the reporting spec (the activity_category enum). */
export const PLAN_CATEGORIES: readonly ActivityCategory[] = activityCategory.enumValues;
/** The keys a cluster can set goals for: the per-cluster keys of the account (as the evaluation). */
export const GOAL_KEYS: readonly FigureKey[] = FIGURE_KEYS;

/** Plan years run from 2000 to next year: a plan is written before its year begins. */
const isPlanYear = (year: number, now: Date) =>
  Number.isInteger(year) && year >= MIN_YEAR && year <= currentReportingYear(now) + 1;

/** A command's plan year, or a validation error at the field. */
export function checkPlanYear(year: number, now: Date): void {
  if (!isPlanYear(year, now))
    throw new AppError('validation', `No plan year ${year}`, [{ field: 'year', message: 'invalid' }]);
}

export interface PlanCluster {
  id: string;
  name: string;
  slug: string;
  cvr: string | null;
}

/** The cluster a command names by id; not_found for an unknown id or an organisation of another kind. */
export async function clusterById(db: Queryable, clusterId: string): Promise<PlanCluster> {
  const [row] = isUuid(clusterId)
    ? await queryRows<PlanCluster>(
        db,
        sql`select id, name, slug, cvr from organisations where id = ${clusterId} and kind = 'cluster_organisation'`,
      )
    : [];
  if (!row) throw notFound('cluster');
  return row;
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

/** A plan's status, locked until the transaction ends; null when the plan was never saved. */
export async function lockPlanStatus(
  tx: Queryable,
  clusterId: string,
  year: number,
): Promise<PlanStatus | null> {
  const [row] = await queryRows<{ status: PlanStatus }>(
    tx,
    sql`select status from action_plans where cluster_id = ${clusterId} and year = ${year} for update`,
  );
  return row?.status ?? null;
}

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

// ---------------------------------------------------------------- opening a plan as a caller

export interface OpenedPlan {
  cluster: PlanCluster;
  year: number;
  target: PlanTarget;
}

/**
 * The cluster and year of a plan, once the policy lets the caller view it. Refusals, in this
 * order: not_found (no such cluster, or a year outside 2000 to next year), forbidden.
 */
export async function openPlan(
  db: Queryable,
  caller: Caller,
  slug: string,
  year: number,
  now: Date,
): Promise<OpenedPlan> {
  const cluster = await clusterBySlug(db, slug);
  if (!isPlanYear(year, now)) throw notFound('action plan year');
  const target = { clusterId: cluster.id, fundedBy: await fundersOf(db, cluster.id, year) };
  authorize(caller.principal, 'actionPlans.view', policyTarget(target));
  return { cluster, year, target };
}

export interface PlanForCaller extends OpenedPlan {
  plan: ActionPlan;
  history: PlanEvent[];
  /** The support function's comments on the plan, for the cluster and the support function only. */
  comments: PlanComment[];
  /** What the caller may do with the plan now: what the plan page offers. */
  may: PlanPermissions;
}

/** A plan with its history and what the caller may do with it; refusals as `openPlan`. */
export async function planForCaller(
  db: Queryable,
  caller: Caller,
  slug: string,
  year: number,
  now: Date,
): Promise<PlanForCaller> {
  const opened = await openPlan(db, caller, slug, year, now);
  const plan = await loadPlan(db, opened.cluster.id, year);
  const history = await planHistory(db, opened.cluster.id, year);
  const may = planPermissions(caller.principal, plan.status, opened.target);
  const comments = mayReadComments(caller.principal, opened.target)
    ? await planComments(db, opened.cluster.id, year)
    : [];
  return { ...opened, plan, history, comments, may };
}

// ---------------------------------------------------------------- the cluster's own plans

export interface ClusterPlanYears {
  cluster: PlanCluster;
  /** Funded years, years with a plan or goals, this year and next; newest first. */
  years: { year: number; status: PlanStatus | null }[];
}

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * The plan years of every cluster whose plans the caller writes, by cluster name, in two queries
 * whatever the number of clusters. Forbidden for a caller who writes no cluster's plan.
 */
export async function ownPlanYears(db: Queryable, caller: Caller, now: Date): Promise<ClusterPlanYears[]> {
  const writable = caller.principal.memberships
    .map((m) => m.organisationId)
    .filter((organisationId) => can(caller.principal, 'actionPlans.edit', { organisationId }));
  const clusters =
    writable.length === 0
      ? []
      : await queryRows<PlanCluster>(
          db,
          sql`select id, name, slug, cvr from organisations
              where kind = 'cluster_organisation' and id in (${uuidList(writable)}) order by name`,
        );
  if (clusters.length === 0) throw new AppError('forbidden', 'Not cluster staff');
  const current = currentReportingYear(now);
  const ids = uuidList(clusters.map((c) => c.id));
  const rows = await queryRows<{ clusterId: string; year: number; status: PlanStatus | null }>(
    db,
    sql`with years as (
          select cluster_id, year from funding_grants where cluster_id in (${ids})
          union select cluster_id, year from action_plans where cluster_id in (${ids})
          union select cluster_id, year from cluster_goals where cluster_id in (${ids})
          union select o.id, y.year from organisations o
            cross join (values (${current}::int), (${current + 1}::int)) as y(year)
            where o.id in (${ids})
        )
        select y.cluster_id as "clusterId", y.year::int as year, p.status::text as status
        from years y left join action_plans p on p.cluster_id = y.cluster_id and p.year = y.year
        where y.year <= ${current + 1}
        order by y.year desc`,
  );
  return clusters.map((cluster) => ({
    cluster,
    years: rows
      .filter((r) => r.clusterId === cluster.id)
      .map((r) => ({ year: Number(r.year), status: r.status })),
  }));
}
