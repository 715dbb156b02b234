import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../db/client.ts';
import type { Caller } from '../../caller.ts';
import { notFound } from '../../errors.ts';
import { authorize } from '../../policy/policy.ts';
import { readableClusters } from '../policy.ts';
import { uuidArray } from '../uuid-array.ts';
import { activityRuleBroken } from './rule.ts';

/** An activity as the reporting API lists it: its values and its participants counted in SQL. */
export interface ActivityListRow {
  clusterCvr: string;
  clusterName: string;
  activityRef: string;
  title: string;
  category: string;
  startDate: string;
  endDate: string | null;
  municipalityCode: number | null;
  grantDkk: number | null;
  externalFundingDkk: number | null;
  privateCofinancingHours: number | null;
  cofinancingFeesDkk: number | null;
  cofinancingSponsorshipDkk: number | null;
  cofinancingFoundationsDkk: number | null;
  euApplication: boolean;
  participants: number;
  companies: number;
  knowledgeInstitutions: number;
  foreignParticipants: number;
  innovatingCompanies: number;
  /** Fewer than two participants or no company (rule.ts). */
  breaksActivityRule: boolean;
  updatedAt: Date;
}

/** The clusters whose activities the caller asks for: one by id or CVR, or all it reads. */
async function askedClusters(
  db: Queryable,
  caller: Caller,
  clusterCvr: string | undefined,
  clusterId: string | undefined,
) {
  if (clusterId) {
    authorize(caller.principal, 'activities.read', { organisationId: clusterId });
    return [clusterId];
  }
  if (!clusterCvr) return readableClusters(caller.principal);
  const [org] = await queryRows<{ id: string }>(
    db,
    sql`select id from organisations where cvr = ${clusterCvr} and kind = 'cluster_organisation'`,
  );
  if (!org) throw notFound('cluster organisation');
  authorize(caller.principal, 'activities.read', { organisationId: org.id });
  return [org.id];
}

/**
 * A page of the activities that count in a year (start date in it) of the clusters the caller
 * reads, or of one of them by id or CVR, with participant counts, by cluster CVR and reference.
 */
export async function activitiesOfYear(
  db: Queryable,
  caller: Caller,
  opts: {
    year: number;
    clusterCvr?: string | undefined;
    clusterId?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ total: number; rows: ActivityListRow[] }> {
  const clusterIds = await askedClusters(db, caller, opts.clusterCvr, opts.clusterId);
  const clusterFilter = clusterIds ? sql`and a.cluster_id = any(${uuidArray(clusterIds)})` : sql``;
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from activities a where a.year = ${opts.year} ${clusterFilter}`,
  );
  const rows = await queryRows<ActivityListRow>(
    db,
    sql`select o.cvr as "clusterCvr", o.name as "clusterName", a.activity_ref as "activityRef", a.title,
               a.category, a.start_date as "startDate", a.end_date as "endDate",
               a.municipality_code as "municipalityCode", a.grant_dkk as "grantDkk",
               a.external_funding_dkk as "externalFundingDkk",
               a.private_cofinancing_hours::float8 as "privateCofinancingHours",
               a.cofinancing_fees_dkk as "cofinancingFeesDkk", a.cofinancing_sponsorship_dkk as "cofinancingSponsorshipDkk",
               a.cofinancing_foundations_dkk as "cofinancingFoundationsDkk", a.eu_application as "euApplication",
               coalesce(p.participants, 0)::int as participants, coalesce(p.companies, 0)::int as companies,
               coalesce(p.knowledge, 0)::int as "knowledgeInstitutions",
               coalesce(p.foreign_count, 0)::int as "foreignParticipants",
               coalesce(p.innovating, 0)::int as "innovatingCompanies",
               ${activityRuleBroken(sql`coalesce(p.participants, 0)`, sql`coalesce(p.companies, 0)`)} as "breaksActivityRule",
               a.updated_at as "updatedAt"
        from (select a.* from activities a
              join organisations o on o.id = a.cluster_id
              where a.year = ${opts.year} ${clusterFilter}
              order by o.cvr, a.activity_ref
              limit ${opts.limit} offset ${opts.offset}) a
        join organisations o on o.id = a.cluster_id
        left join lateral (
          select count(*) as participants,
                 count(*) filter (where x.participant_type = 'company') as companies,
                 count(*) filter (where x.participant_type = 'knowledge_institution') as knowledge,
                 count(*) filter (where x.participant_type = 'foreign') as foreign_count,
                 count(*) filter (where x.participant_type = 'company' and x.new_product) as innovating
          from participations x where x.activity_id = a.id) p on true
        order by o.cvr, a.activity_ref`,
  );
  return { total: count?.n ?? 0, rows };
}
