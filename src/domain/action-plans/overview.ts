/** The funders' overview: the clusters they fund in a year, with the status of each one's plan. */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { authorize } from '../policy/policy.ts';
import { currentReportingYear } from '../reporting/periods/years.ts';
import type { PlanStatus } from './plans.ts';
import { followedFunders } from './policy.ts';

/** The first year of plans: the programme period 2021-2024 introduced them. */
const FIRST_PLAN_YEAR = 2021;

export interface OverviewPlan {
  clusterId: string;
  name: string;
  slug: string;
  status: PlanStatus | null;
  updatedAt: Date | null;
}

export interface PlansOverview {
  /** The year shown. */
  year: number;
  /**
   * The years the overview offers, newest first: those from the first plan year to next year in
   * which the caller's funders fund a cluster (the plans of other years are not theirs to open).
   */
  years: number[];
  clusters: OverviewPlan[];
}

/** A condition on grants `g`: by the given funder organisations; none when `funders` is null (admins). */
function grantedBy(funders: readonly string[] | null): SQL {
  if (funders === null) return sql``;
  return sql`and g.funder_id in (${sql.join(
    funders.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

async function fundedClusters(db: Queryable, year: number, funders: string[] | null) {
  const rows = await queryRows<OverviewPlan & { updatedAt: string | Date | null }>(
    db,
    sql`select o.id as "clusterId", o.name, o.slug, p.status::text as status, p.updated_at as "updatedAt"
        from organisations o
        left join action_plans p on p.cluster_id = o.id and p.year = ${year}
        where o.id in (select g.cluster_id from funding_grants g
                       where g.year = ${year} ${grantedBy(funders)})
        order by o.name`,
  );
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt ? new Date(r.updatedAt) : null }));
}

/** The years with a grant by the funders, newest first, in one query. */
async function fundedYears(db: Queryable, first: number, last: number, funders: string[] | null) {
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select distinct g.year::int as year from funding_grants g
        where g.year between ${first} and ${last} ${grantedBy(funders)}
        order by year desc`,
  );
  return rows.map((r) => r.year);
}

/**
 * The clusters the caller follows (the funders' own; every funded cluster for admins) in a year
 * with their plan's status. Without a year, the newest year offered; when none is offered, the
 * first plan year (an empty list). Forbidden unless the policy allows the overview.
 */
export async function plansOverview(
  db: Queryable,
  caller: Caller,
  askedYear: number | undefined,
  now: Date,
): Promise<PlansOverview> {
  const principal = authorize(caller.principal, 'actionPlans.overview');
  const funders = followedFunders(principal);
  const nextYear = currentReportingYear(now) + 1;
  const years =
    funders !== null && funders.length === 0 ? [] : await fundedYears(db, FIRST_PLAN_YEAR, nextYear, funders);
  const year = askedYear ?? years[0] ?? FIRST_PLAN_YEAR;
  return { year, years, clusters: years.includes(year) ? await fundedClusters(db, year, funders) : [] };
}
