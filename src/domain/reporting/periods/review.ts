/**
 * A funder's review of a cluster's year before deciding it: the period with the caller's possible
 * decisions, the year's activities with the activity rule's flags, a summary of the participants
 * and the cluster's preliminary account. Shown to whoever follows the cluster that year on the
 * status page (reporting policy: followedFunders); the counting is SQL.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../db/client.ts';
import type { Caller } from '../../caller.ts';
import { AppError, notFound } from '../../errors.ts';
import type { PerformanceAccount } from '../../performance/account.ts';
import { scopeAccount } from '../../performance/report.ts';
import { type ActivityListRow, activitiesOfYear } from '../activities/of-year.ts';
import { activityRuleBroken } from '../activities/rule.ts';
import { followedFunders } from '../policy.ts';
import { type ActionableCell, periodCell } from './overview.ts';
import { fundersOf } from './years.ts';

/** The most activities the review lists; the summary counts them all. */
export const REVIEW_ACTIVITY_LIMIT = 500;

export interface ParticipantSummary {
  activities: number;
  participations: number;
  companyParticipations: number;
  distinctCompanies: number;
  knowledgeInstitutionParticipations: number;
  otherParticipations: number;
  /** Activities with fewer than two participants or no company. */
  activitiesBreakingRule: number;
}

export interface PeriodReview {
  cluster: { id: string; name: string; cvr: string | null };
  cell: ActionableCell;
  activities: { total: number; rows: ActivityListRow[] };
  summary: ParticipantSummary;
  /** The cluster's preliminary account of the year; null for a cluster without a CVR (no account). */
  account: PerformanceAccount | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function summaryOf(db: Queryable, clusterId: string, year: number): Promise<ParticipantSummary> {
  const [row] = await queryRows<ParticipantSummary>(
    db,
    sql`with acts as (
          select a.id, count(p.id)::int as participants,
                 count(p.id) filter (where p.participant_type = 'company')::int as companies
          from activities a left join participations p on p.activity_id = a.id
          where a.cluster_id = ${clusterId} and a.year = ${year}
          group by a.id
        )
        select (select count(*)::int from acts) as activities,
               count(p.id)::int as participations,
               count(p.id) filter (where p.participant_type = 'company')::int as "companyParticipations",
               count(distinct p.cvr) filter (where p.participant_type = 'company')::int as "distinctCompanies",
               count(p.id) filter (where p.participant_type = 'knowledge_institution')::int
                 as "knowledgeInstitutionParticipations",
               count(p.id) filter (where p.participant_type not in ('company', 'knowledge_institution'))::int
                 as "otherParticipations",
               (select count(*)::int from acts where ${activityRuleBroken(sql`participants`, sql`companies`)})
                 as "activitiesBreakingRule"
        from participations p
        where p.activity_id in (select id from acts)`,
  );
  if (!row) throw new Error('participant summary returned no row');
  return row;
}

/**
 * The review of a cluster's year. Refusals: not_found (no such cluster), forbidden (the caller
 * does not follow the cluster in that year).
 */
export async function periodReview(
  db: Queryable,
  caller: Caller,
  opts: { clusterId: string; year: number; currentYear: number; today: string },
): Promise<PeriodReview> {
  const followed = followedFunders(caller.principal);
  const [cluster] = UUID.test(opts.clusterId)
    ? await queryRows<{ id: string; name: string; cvr: string | null }>(
        db,
        sql`select id, name, cvr from organisations where id = ${opts.clusterId} and kind = 'cluster_organisation'`,
      )
    : [];
  if (!cluster) throw notFound('cluster');
  if (followed !== null) {
    const fundedBy = await fundersOf(db, cluster.id, opts.year);
    if (!fundedBy.some((id) => followed.includes(id)))
      throw new AppError('forbidden', 'Not a funder of the cluster in the year');
  }
  const cell = await periodCell(db, caller, opts);
  if (!cell) throw notFound('reporting year');
  return {
    cluster,
    cell,
    activities: await activitiesOfYear(db, caller, {
      year: opts.year,
      clusterId: cluster.id,
      limit: REVIEW_ACTIVITY_LIMIT,
      offset: 0,
    }),
    summary: await summaryOf(db, cluster.id, opts.year),
    account: cluster.cvr
      ? await scopeAccount(
          db,
          opts.year,
          { kind: 'cluster', cvr: cluster.cvr },
          { basis: 'preliminary', principal: caller.principal },
        )
      : null,
  };
}
