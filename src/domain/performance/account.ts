import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

/**
 * The performance account of the reporting specification: one function for the CLI, the API,
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
      return sql`select organisation_id from clusters`;
    case 'cluster':
      return sql`select id from organisations where cvr = ${scope.cvr} and kind = 'cluster_organisation'`;
    case 'league':
      return sql`select organisation_id from clusters where league = ${scope.league}`;
    case 'funder':
      return sql`select cluster_id from funding_grants where funder_id = ${scope.funderId} and year = ${year}`;
  }
}

/** Clusters whose labels are counted: those seated in the region for a region, else the scope's. */
function labelClusters(scope: AccountScope, year: number): SQL {
  if (scope.kind !== 'region') return clusterFilter(scope, year);
  return sql`select o.id from organisations o join municipalities m on m.code = o.municipality_code
    where o.kind = 'cluster_organisation' and m.region_code = ${scope.regionCode}`;
}

/** For a region: the CVRs of companies with an address in it. */
function regionCompanies(regionCode: number): SQL {
  return sql`select cvr from companies where municipality_code in
    (select code from municipalities where region_code = ${regionCode})`;
}

/** Bits of a company's facts in `firm_words.flags`, written into the SQL as literals. */
const FLAG = {
  competence: sql.raw('1'),
  idea: sql.raw('2'),
  product: sql.raw('4'),
  international: sql.raw('8'),
  collaboration: sql.raw('16'),
};

/**
 * The one SQL statement of an account; exported so its plan can be inspected (EXPLAIN).
 *
 * The year's company participations are read once and folded into one row per company CVR
 * (`firm_facts`): the five yes/no facts the keys ask about are OR-ed into one integer (FLAG bits),
 * and the clusters a company took part in are OR-ed into a bit set of 64 clusters per word (`k`
 * numbers the scope's clusters; `word_bits[i]` holds word `word_ids[i]`). Every company key is
 * then a `count(*) filter` over one row per company, and `share_outside_strongholds` is counted
 * over (cluster, company) pairs as bits of those sets, so the participations are never sorted or
 * grouped twice. Equality with a plain distinct count is proven against an independently written
 * model in the tests.
 *
 * The national account reads those per-company rows ready-made from `company_year_facts`, which
 * triggers keep exact in the transaction of every change (migration 0025; `k` is then the fixed
 * `clusters.account_bit`): ~200k rows a year instead of ~1M participations.
 */
export function accountQuery(year: number, scope: AccountScope): SQL {
  const dec31 = `${year}-12-31`;
  const region = scope.kind === 'region' ? regionCompanies(scope.regionCode) : null;
  const national = scope.kind === 'national';
  return sql`
    with scope as (
      ${
        national
          ? sql`select organisation_id as id, account_bit::int as k, stronghold_industries as strongholds from clusters`
          : sql`select o.id, (row_number() over (order by o.id) - 1)::int as k,
                  coalesce(cl.stronghold_industries, '{}') as strongholds
                from organisations o left join clusters cl on cl.organisation_id = o.id
                where o.id in (${clusterFilter(scope, year)})`
      }
    ),
    acts as (
      select a.id, a.category, a.grant_dkk, a.external_funding_dkk, a.private_cofinancing_hours
      from activities a where a.year = ${year} and a.cluster_id in (select id from scope)
      ${
        region
          ? sql`and a.id in (select activity_id from participations where year = ${year}
                  and participant_type = 'company' and cvr in (${region}))`
          : sql``
      }
    ),
    ki as (
      select p.activity_id, count(*)::int as n from participations p
      where p.year = ${year} and p.participant_type = 'knowledge_institution' and p.cluster_id in (select id from scope)
      ${region ? sql`and p.activity_id in (select id from acts)` : sql``}
      group by p.activity_id
    ),
    international_acts as (select id from acts where category = 'internationalisation'),
    collaboration_acts as (
      select id from acts where category = 'innovation_collaboration' and id in (select activity_id from ki)
    ),
    firm_facts as (
      ${
        national
          ? sql`select cvr, flags, word_ids, word_bits from company_year_facts where year = ${year}`
          : sql`select cvr, bit_or(flags) as flags, array_agg(word order by word) as word_ids,
                  array_agg(clusters order by word) as word_bits
                from (
                  select p.cvr, s.k / 64 as word, bit_or(1::bigint << (s.k % 64)) as clusters,
                    bit_or(
                      (p.new_competence::int * ${FLAG.competence}) | (p.new_idea::int * ${FLAG.idea})
                      | (p.new_product::int * ${FLAG.product})
                      | ((p.activity_id in (select id from international_acts))::int * ${FLAG.international})
                      | ((p.activity_id in (select id from collaboration_acts))::int * ${FLAG.collaboration})
                    ) as flags
                  from participations p join scope s on s.id = p.cluster_id
                  where p.year = ${year} and p.participant_type = 'company'
                    ${region ? sql`and p.cvr in (${region})` : sql``}
                  group by p.cvr, s.k / 64
                ) w
                group by cvr`
      }
    ),
    firms as (
      select f.cvr, f.flags, f.word_ids, f.word_bits, c.employees < ${SMALL_COMPANY_LIMIT} as small,
             c.municipality_code, c.industry_code
      from firm_facts f join companies c on c.cvr = f.cvr
    ),
    stronghold_words as (
      select k / 64 as word, bit_or(1::bigint << (k % 64)) as clusters from scope
      where cardinality(strongholds) > 0 group by 1
    ),
    inside_words as (
      select i.code, s.k / 64 as word, bit_or(1::bigint << (s.k % 64)) as clusters
      from (select distinct industry_code as code from firms where industry_code is not null) i
      join scope s on exists (select 1 from unnest(s.strongholds) h where i.code like h || '%')
      group by 1, 2
    ),
    judged as (
      select sum(bit_count((w.bits & sw.clusters)::bit(64))) as pairs,
             sum(bit_count((w.bits & sw.clusters & ~coalesce(iw.clusters, 0))::bit(64))) as outside
      from firms f cross join lateral unnest(f.word_ids, f.word_bits) as w(word, bits)
      join stronghold_words sw on sw.word = w.word
      left join inside_words iw on iw.code = f.industry_code and iw.word = w.word
      where f.industry_code is not null
    ),
    labels as (
      select l.level, count(distinct l.organisation_id)::int as n from cluster_labels l
      where l.organisation_id in (${labelClusters(scope, year)}) and l.awarded_on <= ${dec31}::date and l.valid_until >= ${dec31}::date
      group by l.level
    ),
    by_region as (
      select coalesce(m.region_code::text, 'unknown') as region, count(*)::int as n
      from firms f left join municipalities m on m.code = f.municipality_code
      where f.flags & ${FLAG.product} <> 0 group by 1
    ),
    company_keys as (
      select count(*)::int as "participating_companies",
        (count(*) filter (where small))::int as "small_participating_companies",
        (count(*) filter (where flags & ${FLAG.competence} <> 0))::int as "new_competence_companies",
        (count(*) filter (where flags & ${FLAG.idea} <> 0))::int as "new_idea_companies",
        (count(*) filter (where flags & ${FLAG.product} <> 0))::int as "innovating_companies",
        (count(*) filter (where flags & ${FLAG.product} <> 0 and small))::int as "small_innovating_companies",
        (count(*) filter (where flags & ${FLAG.collaboration} <> 0))::int as "collaborating_companies",
        (count(*) filter (where flags & ${FLAG.international} <> 0))::int as "international_companies"
      from firms
    )
    select
      (select count(*)::int from acts) as "activities",
      k.*,
      (select coalesce(sum(n), 0)::int from ki) as "knowledge_institution_participations",
      (select count(*)::int from ki) as "activities_with_knowledge_institution",
      (select coalesce(jsonb_object_agg(region, n), '{}'::jsonb) from by_region) as "innovating_companies_by_region",
      coalesce((select n from labels where level = 'gold'), 0) as "gold_clusters",
      coalesce((select n from labels where level = 'silver'), 0) as "silver_clusters",
      coalesce((select n from labels where level = 'bronze'), 0) as "bronze_clusters",
      (select coalesce(sum(grant_dkk), 0)::float8 from acts) as "grant_dkk",
      (select coalesce(sum(external_funding_dkk), 0)::float8 from acts) as "external_funding_dkk",
      (select coalesce(sum(private_cofinancing_hours), 0)::float8 * ${HOURLY_RATE_DKK} from acts) as "private_cofinancing_dkk",
      (select outside::float8 / nullif(pairs, 0) from judged) as "share_outside_strongholds"
    from company_keys k`;
}

export async function performanceAccount(
  db: Queryable,
  year: number,
  scope: AccountScope = { kind: 'national' },
): Promise<PerformanceAccount> {
  const [row] = await db.transaction(async (tx) => {
    // The planner guesses 10 words per company for unnest(), prices the query over the JIT limit,
    // and compiling then took 60-90 ms of a ~600 ms national account on 10M participations.
    await tx.execute(sql`set local jit = off`);
    return queryRows<Omit<PerformanceAccount, 'year'>>(tx, accountQuery(year, scope));
  });
  if (!row) throw new Error('performance account query returned no row');
  return { year, ...row };
}

/**
 * The accounts of one scope in several years, in the order of `years` (a trend). One statement per
 * year, one after another (on PGlite statements run one at a time anyway): each reads only its
 * year's rows through the year indexes. One statement grouping the years by a year column was
 * measured slower (10 years on 3M participations: 14.6 s against 9 s), as the planner misjudges
 * every grouped step.
 */
export async function performanceAccounts(
  db: Queryable,
  years: readonly number[],
  scope: AccountScope = { kind: 'national' },
): Promise<PerformanceAccount[]> {
  const accounts: PerformanceAccount[] = [];
  for (const year of years) accounts.push(await performanceAccount(db, year, scope));
  return accounts;
}
