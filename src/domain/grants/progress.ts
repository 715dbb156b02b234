/**
 * The annual progress report of a grant (docs/grants.md): where the cluster's year stands in the
 * areas that follow it (its reporting period, its action plan and the plan's follow-up, the
 * financial report on the grant). The report only points to them; each area keeps its own page.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { PlanStatus } from '../action-plans/plans.ts';
import type { Caller } from '../caller.ts';
import type { PeriodStatus } from '../reporting/periods/transitions.ts';
import type { FinancialReportStatus } from './financial-reports.ts';
import { type FollowedGrant, followedGrant } from './follow-up.ts';

export interface GrantProgress {
  grant: FollowedGrant;
  /** The reporting period's status; a year without a stored period is open. */
  periodStatus: PeriodStatus;
  /** The action plan's status; null when the cluster has not started one. */
  planStatus: PlanStatus | null;
  financialReport: FinancialReportStatus;
  /** Change requests still waiting for the funder's decision. */
  openChangeRequests: number;
}

/** The grant's progress report, for whoever may read its follow-up. */
export async function grantProgress(db: Queryable, caller: Caller, grantId: string): Promise<GrantProgress> {
  const grant = await followedGrant(db, caller, grantId);
  const [row] = await queryRows<Omit<GrantProgress, 'grant'>>(
    db,
    sql`select coalesce((select status::text from reporting_periods
                         where cluster_id = ${grant.clusterId} and year = ${grant.year}), 'open') as "periodStatus",
               (select status::text from action_plans
                where cluster_id = ${grant.clusterId} and year = ${grant.year}) as "planStatus",
               coalesce((select status::text from grant_financial_reports where grant_id = ${grant.id}),
                        'not_submitted') as "financialReport",
               (select count(*)::int from grant_change_requests
                where grant_id = ${grant.id} and status = 'submitted') as "openChangeRequests"`,
  );
  return { grant, ...(row as Omit<GrantProgress, 'grant'>) };
}
