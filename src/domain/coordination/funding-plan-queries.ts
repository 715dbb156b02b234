import { asc, eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize } from '../policy/policy.ts';
import {
  type FundingPlanPermissions,
  type FundingPlanStatus,
  fundingPlanPermissions,
  proposingFunders,
} from './policy.ts';

/** The site path of a funding plan (Danish, canonical); stored in notifications and mailed. */
export const fundingPlanPath = (id: string) => `/finansiering/planer/${id}`;

export interface FundingPlanView {
  id: string;
  funderId: string;
  funderName: string;
  title: string;
  description: string;
  theme: string;
  regionCodes: number[];
  budgetDkk: number;
  decisionDate: string;
  relatedClusters: { id: string; name: string; slug: string }[];
  status: FundingPlanStatus;
  outcomeNote: string | null;
  createdAt: Date;
  closedAt: Date | null;
  comments: number;
}

export interface CommentView {
  id: string;
  funderName: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

const planColumns = sql`p.id, p.funder_id as "funderId", f.name as "funderName", p.title, p.description,
  p.theme, p.region_codes as "regionCodes", p.budget_dkk as "budgetDkk", p.decision_date::text as "decisionDate",
  coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'slug', o.slug) order by o.name)
            from organisations o where o.id = any(p.related_cluster_ids)), '[]'::json) as "relatedClusters",
  p.status, p.outcome_note as "outcomeNote", p.created_at as "createdAt", p.closed_at as "closedAt",
  (select count(*)::int from funding_plan_comments pc where pc.funding_plan_id = p.id) as comments`;

// Raw rows give numbers and timestamps as text on one driver and typed on the other.
function toView(r: FundingPlanView): FundingPlanView {
  return {
    ...r,
    budgetDkk: Number(r.budgetDkk),
    regionCodes: (r.regionCodes ?? []).map(Number),
    createdAt: new Date(r.createdAt),
    closedAt: r.closedAt ? new Date(r.closedAt) : null,
    comments: Number(r.comments),
  };
}

async function findFundingPlan(db: Queryable, id: string): Promise<FundingPlanView | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<FundingPlanView>(
    db,
    sql`select ${planColumns} from funding_plans p join organisations f on f.id = p.funder_id where p.id = ${id}`,
  );
  return row ? toView(row) : null;
}

async function commentsOn(db: Queryable, planId: string): Promise<CommentView[]> {
  const rows = await queryRows<CommentView>(
    db,
    sql`select c.id, f.name as "funderName", c.author_name as "authorName", c.body, c.created_at as "createdAt"
        from funding_plan_comments c join organisations f on f.id = c.funder_id
        where c.funding_plan_id = ${planId} order by c.created_at, c.id`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

/**
 * Every funding plan for the funders and admins: open ones by decision date first, then the
 * closed ones, newest first; and whether the caller may record one.
 */
export async function fundingPlanList(
  db: Queryable,
  caller: Caller,
): Promise<{ plans: FundingPlanView[]; mayPropose: boolean }> {
  authorize(caller.principal, 'coordination.view');
  const rows = await queryRows<FundingPlanView>(
    db,
    sql`select ${planColumns} from funding_plans p join organisations f on f.id = p.funder_id
        order by (p.status = 'planned') desc,
                 case when p.status = 'planned' then p.decision_date end asc,
                 p.created_at desc`,
  );
  return { plans: rows.map(toView), mayPropose: proposingFunders(caller.principal).length > 0 };
}

export interface FundingPlanDetail {
  plan: FundingPlanView;
  comments: CommentView[];
  may: FundingPlanPermissions;
}

/** One funding plan with the other funders' comments and what the caller may do with it now. */
export async function fundingPlanDetail(
  db: Queryable,
  caller: Caller,
  id: string,
  now: Date,
): Promise<FundingPlanDetail> {
  authorize(caller.principal, 'coordination.view');
  const plan = await findFundingPlan(db, id);
  if (!plan) throw notFound('funding plan');
  return {
    plan,
    comments: await commentsOn(db, plan.id),
    may: fundingPlanPermissions(caller.principal, plan, now),
  };
}

/** What the form for a new plan offers: the clusters a plan may concern. Only for funders. */
export async function fundingPlanFormChoices(
  db: Queryable,
  caller: Caller,
): Promise<{ clusters: { value: string; label: string }[] }> {
  const [funderId] = proposingFunders(caller.principal);
  authorize(caller.principal, 'fundingPlans.propose', funderId ? { organisationId: funderId } : {});
  const clusters = await db
    .select({ value: organisations.id, label: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'cluster_organisation'))
    .orderBy(asc(organisations.name));
  return { clusters };
}
