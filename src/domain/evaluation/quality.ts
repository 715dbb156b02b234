/**
 * Data quality per cluster and year, on everything delivered (the preliminary figures): is the
 * year reported (activities, period status), do key figures jump implausibly from the year
 * before, and how many participating companies lack a municipality or an industry code in their
 * latest participation, which classifies them (reporting spec: both optional columns, needed for
 * the regional split and the stronghold share). Counted in SQL.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { ActivityRuleBreach } from '../reporting/activities/rule.ts';
import { activityRuleMet, countedActivities, listedBreaches } from './activity-rule.ts';
import type { EvaluationConfig } from './config.ts';
import { type FigureKey, figuresCte } from './figures.ts';

export type PeriodStatus = 'open' | 'submitted' | 'approved' | 'returned' | 'locked';
/** Statuses in which the cluster has handed in its year. */
export const SUBMITTED_STATUSES: readonly PeriodStatus[] = ['submitted', 'approved', 'locked'];

export interface Outlier {
  key: FigureKey;
  previous: number;
  current: number;
  /** Change in % of the previous year. */
  change: number;
}

export interface QualityRow {
  clusterId: string;
  name: string;
  slug: string;
  year: number;
  activities: number;
  /** As the periods pages say: a year without a stored period is open. */
  periodStatus: PeriodStatus;
  companies: number;
  withoutMunicipality: number;
  withoutIndustry: number;
  /** Shares of `companies` in %; null without companies. */
  withoutMunicipalityShare: number | null;
  withoutIndustryShare: number | null;
  /** Activities of the year with fewer than two participants or no company. */
  ruleBreaches: number;
  /** `ruleBreaches` in % of `activities`; null without activities. */
  ruleBreachShare: number | null;
  /** The first of them by reference (activity-rule.ts: LISTED_BREACHES). */
  listedBreaches: Omit<ActivityRuleBreach, 'clusterCvr'>[];
  outliers: Outlier[];
}

export type QualityFlag =
  | { kind: 'no_activities' }
  | { kind: 'not_submitted'; status: PeriodStatus }
  | { kind: 'outlier'; outlier: Outlier }
  | { kind: 'missing_municipality'; share: number }
  | { kind: 'missing_industry'; share: number }
  | { kind: 'activity_rule'; share: number };

export interface ClusterOfYear {
  clusterId: string;
  fundedBy: string[];
}

/** Clusters active in the year with the funders that granted them money that year. */
export async function clustersOfYear(db: Queryable, year: number): Promise<ClusterOfYear[]> {
  return queryRows<ClusterOfYear>(
    db,
    sql`select c.organisation_id as "clusterId",
          coalesce(array_agg(distinct g.funder_id::text) filter (where g.funder_id is not null), '{}') as "fundedBy"
        from clusters c
        left join funding_grants g on g.cluster_id = c.organisation_id and g.year = ${year}
        where c.ended_on is null or c.ended_on >= make_date(${year}::int, 1, 1)
        group by c.organisation_id`,
  );
}

export async function dataQuality(
  db: Queryable,
  q: { year: number; clusterIds: readonly string[] },
  config: EvaluationConfig['dataQuality'],
): Promise<QualityRow[]> {
  if (q.clusterIds.length === 0) return [];
  const ids = sql.join(
    q.clusterIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [rows, outliers, breaches] = await Promise.all([
    queryRows<
      Omit<
        QualityRow,
        | 'outliers'
        | 'withoutMunicipalityShare'
        | 'withoutIndustryShare'
        | 'ruleBreachShare'
        | 'listedBreaches'
      >
    >(
      db,
      sql`with ${countedActivities(q.year, ids)},
          acts as (
            select cluster_id, count(*)::int as n, (count(*) filter (where broken))::int as breaches
            from counted group by 1
          ),
          described as (
            select distinct on (p.cluster_id, p.cvr) p.cluster_id, p.cvr, p.municipality_code, p.industry_code
            from participations p join activities a on a.id = p.activity_id
            where p.year = ${q.year} and p.participant_type = 'company' and p.cluster_id in (${ids})
            order by p.cluster_id, p.cvr, a.start_date desc, p.reported_at desc, a.activity_ref collate "C"
          ),
          firms as (
            select cluster_id, count(*)::int as n,
              (count(*) filter (where municipality_code is null))::int as no_municipality,
              (count(*) filter (where industry_code is null))::int as no_industry
            from described group by 1
          )
          select o.id as "clusterId", o.name, o.slug, ${q.year}::int as year,
            coalesce(a.n, 0) as activities, coalesce(a.breaches, 0) as "ruleBreaches",
            coalesce(rp.status::text, 'open') as "periodStatus",
            coalesce(f.n, 0) as companies, coalesce(f.no_municipality, 0) as "withoutMunicipality",
            coalesce(f.no_industry, 0) as "withoutIndustry"
          from organisations o
          left join acts a on a.cluster_id = o.id
          left join firms f on f.cluster_id = o.id
          left join reporting_periods rp on rp.cluster_id = o.id and rp.year = ${q.year}
          where o.id in (${ids})
          order by o.name`,
    ),
    queryRows<Outlier & { clusterId: string }>(
      db,
      sql`with ${figuresCte({ clusterIds: q.clusterIds }, q.year - 1, q.year, 'preliminary')}
          select c.cluster_id as "clusterId", c.key, p.value as previous, c.value as current,
            (c.value - p.value) / p.value * 100 as change
          from figs c join figs p on p.cluster_id = c.cluster_id and p.key = c.key and p.year = ${q.year - 1}
          where c.year = ${q.year} and p.value > 0
            and abs(c.value - p.value) / p.value * 100 > ${config.outlierChangePercent}
          order by c.cluster_id, c.key`,
    ),
    listedBreaches(db, q.year, ids),
  ]);
  const outliersOf = new Map<string, Outlier[]>();
  for (const { clusterId, ...o } of outliers)
    outliersOf.set(clusterId, [
      ...(outliersOf.get(clusterId) ?? []),
      { ...o, previous: Number(o.previous), current: Number(o.current) },
    ]);
  return rows.map((r) => ({
    ...r,
    year: Number(r.year),
    withoutMunicipalityShare: r.companies > 0 ? (r.withoutMunicipality / r.companies) * 100 : null,
    withoutIndustryShare: r.companies > 0 ? (r.withoutIndustry / r.companies) * 100 : null,
    ruleBreachShare: r.activities > 0 ? (r.ruleBreaches / r.activities) * 100 : null,
    listedBreaches: breaches.get(r.clusterId) ?? [],
    outliers: outliersOf.get(r.clusterId) ?? [],
  }));
}

/** The plain-text warnings for one row, in the order the page lists them. */
export function qualityFlags(row: QualityRow, config: EvaluationConfig['dataQuality']): QualityFlag[] {
  const flags: QualityFlag[] = [];
  if (row.activities === 0) flags.push({ kind: 'no_activities' });
  if (!SUBMITTED_STATUSES.includes(row.periodStatus))
    flags.push({ kind: 'not_submitted', status: row.periodStatus });
  for (const outlier of row.outliers) flags.push({ kind: 'outlier', outlier });
  if (row.withoutMunicipalityShare !== null && row.withoutMunicipalityShare > config.missingSharePercent)
    flags.push({ kind: 'missing_municipality', share: row.withoutMunicipalityShare });
  if (row.withoutIndustryShare !== null && row.withoutIndustryShare > config.missingSharePercent)
    flags.push({ kind: 'missing_industry', share: row.withoutIndustryShare });
  if (activityRuleMet(row.ruleBreachShare, config) === false)
    flags.push({ kind: 'activity_rule', share: row.ruleBreachShare ?? 0 });
  return flags;
}
