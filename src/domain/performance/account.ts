import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

/**
 * The performance account of ../shared/spec/reporting.md: one function for the CLI, the API,
 * the pages and the exports. Everything is counted in SQL over one year's rows; company figures
 * are distinct CVRs of company participants, never sums over clusters.
 */
export interface PerformanceAccount {
  year: number;
  activities: number;
  participating_companies: number;
  small_participating_companies: number;
  new_competence_companies: number;
  new_idea_companies: number;
  innovating_companies: number;
  small_innovating_companies: number;
  collaborating_companies: number;
  international_companies: number;
  knowledge_institution_participations: number;
  activities_with_knowledge_institution: number;
  innovating_companies_by_region: Record<string, number>;
  gold_clusters: number;
  silver_clusters: number;
  bronze_clusters: number;
  grant_dkk: number;
  external_funding_dkk: number;
  private_cofinancing_dkk: number;
  share_outside_strongholds: number | null;
}

/** The keys counted per year, in the spec's order: activities, distinct companies, knowledge institutions. */
export const COUNT_KEYS = [
  'activities',
  'participating_companies',
  'small_participating_companies',
  'new_competence_companies',
  'new_idea_companies',
  'innovating_companies',
  'small_innovating_companies',
  'collaborating_companies',
  'international_companies',
  'knowledge_institution_participations',
  'activities_with_knowledge_institution',
] as const satisfies readonly (keyof PerformanceAccount)[];
/** Clusters holding a valid label on 31 December, per level. */
export const LABEL_KEYS = [
  'gold_clusters',
  'silver_clusters',
  'bronze_clusters',
] as const satisfies readonly (keyof PerformanceAccount)[];
/** Money in DKK. */
export const MONEY_KEYS = [
  'grant_dkk',
  'external_funding_dkk',
  'private_cofinancing_dkk',
] as const satisfies readonly (keyof PerformanceAccount)[];

/** Private co-financing is valued at most 600 DKK per staff hour (seed 004). */
export const HOURLY_RATE_DKK = 600;
/** Small companies have fewer than 50 employees. */
export const SMALL_COMPANY_LIMIT = 50;

/** Which clusters an account covers. */
export type AccountScope =
  | { kind: 'national' }
  | { kind: 'cluster'; cvr: string }
  | { kind: 'league'; league: 'world_class' | 'regional' | 'emerging' }
  | { kind: 'funder'; funderId: string }
  /**
   * The companies of one region (1081-1085) across all clusters: a company belongs to the region
   * of its address municipality (`companies.municipality_code`, as in innovating_companies_by_region).
   * Company keys count only those companies; activity keys (activities, knowledge-institution
   * counts, money) count the activities in which at least one of them took part; label keys count
   * the clusters seated in the region.
   */
  | { kind: 'region'; regionCode: number };

/** Clusters whose activities are counted: every cluster for a region, whose filter is on companies. */

function clusterFilter(scope: AccountScope, year: number): SQL {
  switch (scope.kind) {
    case 'national':
    case 'region':
      return sql`select organisation_id as id from clusters`;
    case 'cluster':
      return sql`select id from organisations where cvr = ${scope.cvr} and kind = 'cluster_organisation'`;
    case 'league':
      return sql`select organisation_id as id from clusters where league = ${scope.league}`;
    case 'funder':
      return sql`select distinct cluster_id as id from funding_grants where funder_id = ${scope.funderId} and year = ${year}`;
  }
}

/** Clusters whose labels are counted: those seated in the region for a region, else the scope's. */
function labelClusters(scope: AccountScope, year: number): SQL {
  if (scope.kind !== 'region') return clusterFilter(scope, year);
  return sql`select o.id from organisations o join municipalities m on m.code = o.municipality_code
    where o.kind = 'cluster_organisation' and m.region_code = ${scope.regionCode}`;
}

/** For a region: only companies with an address in it. */
function companyFilter(scope: AccountScope): SQL {
  if (scope.kind !== 'region') return sql``;
  return sql`and c.municipality_code in (select code from municipalities where region_code = ${scope.regionCode})`;
}

/** The one SQL statement of an account; exported so its plan can be inspected (EXPLAIN). */
export function accountQuery(year: number, scope: AccountScope): SQL {
  const dec31 = `${year}-12-31`;
  const region = scope.kind === 'region';
  return sql`
    with scope as (${clusterFilter(scope, year)}),
    all_parts as (
      select p.activity_id, p.cluster_id, p.participant_type, p.cvr, p.new_competence, p.new_idea, p.new_product
      from participations p where p.year = ${year} and p.cluster_id in (select id from scope)
    ),
    firms as (
      select p.*, c.employees, c.industry_code, c.municipality_code
      from all_parts p join companies c on c.cvr = p.cvr where p.participant_type = 'company' ${companyFilter(scope)}
    ),
    acts as (
      select a.id, a.category, a.grant_dkk, a.external_funding_dkk, a.private_cofinancing_hours
      from activities a where a.year = ${year} and a.cluster_id in (select id from scope)
      ${region ? sql`and a.id in (select activity_id from firms)` : sql``}
    ),
    parts as (
      select * from all_parts ${region ? sql`where activity_id in (select activity_id from firms)` : sql``}
    ),
    ki_acts as (select distinct activity_id from parts where participant_type = 'knowledge_institution'),
    pairs as (
      select distinct f.cluster_id, f.cvr, f.industry_code from firms f where f.industry_code is not null
    ),
    judged as (
      select exists (select 1 from unnest(cl.stronghold_industries) s where pr.industry_code like s || '%') as inside
      from pairs pr join clusters cl on cl.organisation_id = pr.cluster_id
      where cardinality(cl.stronghold_industries) > 0
    ),
    labels as (
      select l.level, count(distinct l.organisation_id)::int as n from cluster_labels l
      where l.organisation_id in (${labelClusters(scope, year)}) and l.awarded_on <= ${dec31}::date and l.valid_until >= ${dec31}::date
      group by l.level
    ),
    by_region as (
      select coalesce(m.region_code::text, 'unknown') as region, count(distinct f.cvr)::int as n
      from firms f left join municipalities m on m.code = f.municipality_code
      where f.new_product group by 1
    )
    select
      (select count(*)::int from acts) as "activities",
      (select count(distinct cvr)::int from firms) as "participating_companies",
      (select count(distinct cvr)::int from firms where employees < ${SMALL_COMPANY_LIMIT}) as "small_participating_companies",
      (select count(distinct cvr)::int from firms where new_competence) as "new_competence_companies",
      (select count(distinct cvr)::int from firms where new_idea) as "new_idea_companies",
      (select count(distinct cvr)::int from firms where new_product) as "innovating_companies",
      (select count(distinct cvr)::int from firms where new_product and employees < ${SMALL_COMPANY_LIMIT}) as "small_innovating_companies",
      (select count(distinct f.cvr)::int from firms f join acts a on a.id = f.activity_id
        where a.category = 'innovation_collaboration' and f.activity_id in (select activity_id from ki_acts)) as "collaborating_companies",
      (select count(distinct f.cvr)::int from firms f join acts a on a.id = f.activity_id
        where a.category = 'internationalisation') as "international_companies",
      (select count(*)::int from parts where participant_type = 'knowledge_institution') as "knowledge_institution_participations",
      (select count(*)::int from ki_acts) as "activities_with_knowledge_institution",
      (select coalesce(jsonb_object_agg(region, n), '{}'::jsonb) from by_region) as "innovating_companies_by_region",
      coalesce((select n from labels where level = 'gold'), 0) as "gold_clusters",
      coalesce((select n from labels where level = 'silver'), 0) as "silver_clusters",
      coalesce((select n from labels where level = 'bronze'), 0) as "bronze_clusters",
      (select coalesce(sum(grant_dkk), 0)::float8 from acts) as "grant_dkk",
      (select coalesce(sum(external_funding_dkk), 0)::float8 from acts) as "external_funding_dkk",
      (select coalesce(sum(private_cofinancing_hours), 0)::float8 * ${HOURLY_RATE_DKK} from acts) as "private_cofinancing_dkk",
      (select case when count(*) = 0 then null else (count(*) filter (where not inside))::float8 / count(*) end from judged)
        as "share_outside_strongholds"`;
}

export async function performanceAccount(
  db: Queryable,
  year: number,
  scope: AccountScope = { kind: 'national' },
): Promise<PerformanceAccount> {
  const [row] = await queryRows<Omit<PerformanceAccount, 'year'>>(db, accountQuery(year, scope));
  if (!row) throw new Error('performance account query returned no row');
  return { year, ...row };
}
