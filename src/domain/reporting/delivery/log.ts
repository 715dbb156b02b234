import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../db/client.ts';
import type { DeliveryLogRow } from './submit.ts';

/**
 * Reads of the reporting API, paged in SQL. `organisationIds` null means every organisation
 * (the caller decided that through the policy module); otherwise only those organisations' rows.
 */
export interface Paging {
  limit: number;
  offset: number;
}

/** Drizzle spreads a JS array into a list of parameters; build the uuid[] from that list. */
const uuidArray = (ids: string[]): SQL =>
  ids.length
    ? sql`array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`
    : sql`'{}'::uuid[]`;

export interface DeliveryListRow extends DeliveryLogRow {
  organisationId: string | null;
}

/** Deliveries by or for the organisations (their own and those reporting for them), newest first. */
export async function listDeliveries(
  db: Queryable,
  opts: { organisationIds: string[] | null } & Paging,
): Promise<{ total: number; rows: DeliveryListRow[] }> {
  const ids = opts.organisationIds;
  const filter = ids
    ? sql`where organisation_id = any(${uuidArray(ids)}) or cluster_ids && ${uuidArray(ids)}`
    : sql``;
  const rows = await queryRows<DeliveryListRow & { total: number }>(
    db,
    sql`select id, actor_label as "actorLabel", channel, status, started_at as "startedAt",
               finished_at as "finishedAt", files, counts, error_count as "errorCount",
               organisation_id as "organisationId", (count(*) over ())::int as total
        from deliveries ${filter}
        order by started_at desc, id limit ${opts.limit} offset ${opts.offset}`,
  );
  const total = rows[0]?.total ?? (opts.offset > 0 ? await countDeliveries(db, filter) : 0);
  return { total, rows: rows.map(({ total: _t, ...r }) => r) };
}

async function countDeliveries(db: Queryable, filter: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from deliveries ${filter}`);
  return row?.n ?? 0;
}

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
  participants: number;
  companies: number;
  knowledgeInstitutions: number;
  foreignParticipants: number;
  innovatingCompanies: number;
  updatedAt: Date;
}

/** Activities that count in a year (start date in it), with participant counts, by cluster and reference. */
export async function listActivities(
  db: Queryable,
  opts: { year: number; clusterIds: string[] | null } & Paging,
): Promise<{ total: number; rows: ActivityListRow[] }> {
  const clusterFilter = opts.clusterIds ? sql`and a.cluster_id = any(${uuidArray(opts.clusterIds)})` : sql``;
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
               coalesce(p.participants, 0)::int as participants, coalesce(p.companies, 0)::int as companies,
               coalesce(p.knowledge, 0)::int as "knowledgeInstitutions",
               coalesce(p.foreign_count, 0)::int as "foreignParticipants",
               coalesce(p.innovating, 0)::int as "innovatingCompanies", a.updated_at as "updatedAt"
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
