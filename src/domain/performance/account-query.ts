import { type SQL, sql } from 'drizzle-orm';
import { CLOSED_STATUSES } from '../reporting/periods/transitions.ts';

/** Private co-financing is valued at most 600 DKK per staff hour (seed 004). */
export const HOURLY_RATE_DKK = 600;
/** Small companies have fewer than 50 employees. */
export const SMALL_COMPANY_LIMIT = 50;

/**
 * Which deliveries an account counts (reporting format 1.1): `official` only the (cluster, year)
 * periods funders have approved or locked, `preliminary` everything delivered.
 */
export type AccountBasis = 'official' | 'preliminary';

/** Which clusters an account covers. */
export type AccountScope =
  | { kind: 'national' }
  | { kind: 'cluster'; cvr: string }
  | { kind: 'league'; league: 'world_class' | 'regional' | 'emerging' }
  | { kind: 'funder'; funderId: string }
  /**
   * The companies of one region (1081-1085) across all clusters: a company belongs to the region
   * of its address municipality as its latest participation in the year gives it (nationally, as
   * in innovating_companies_by_region). Company keys count only those companies; activity keys
   * (activities, knowledge-institution counts, money) count the activities in which at least one
   * of them took part; label keys count the clusters seated in the region.
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

/** On the official basis: only a cluster whose period of the year is approved or locked. */
function approvedIn(clusterId: SQL, year: number, basis: AccountBasis): SQL {
  if (basis === 'preliminary') return sql``;
  const closed = sql.join(
    CLOSED_STATUSES.map((s) => sql`${s}::period_status`),
    sql`, `,
  );
  return sql`and exists (select 1 from reporting_periods rp
    where rp.cluster_id = ${clusterId} and rp.year = ${year} and rp.status in (${closed}))`;
}

/** For a region: the CVRs of the companies the national account of the basis places in it. */
function regionCompanies(year: number, regionCode: number, basis: AccountBasis): SQL {
  return sql`select cvr from company_year_facts where year = ${year} and official = ${basis === 'official'}
    and municipality_code in (select code from municipalities where region_code = ${regionCode})`;
}

/** Bits of a company's facts in `firm_facts.flags`, written into the SQL as literals. */
const FLAG = {
  competence: sql.raw('1'),
  idea: sql.raw('2'),
  product: sql.raw('4'),
  international: sql.raw('8'),
  collaboration: sql.raw('16'),
};

/**
 * The clusters of the scope, numbered: `k` places a cluster in the bit sets of firm_facts. The
 * national scope uses the fixed `clusters.account_bit` of company_year_facts.
 */
function scopeCte(year: number, scope: AccountScope, basis: AccountBasis): SQL {
  if (scope.kind === 'national')
    return sql`select organisation_id as id, null::text as cvr, account_bit::int as k,
                 stronghold_industries as strongholds
               from clusters where true ${approvedIn(sql`organisation_id`, year, basis)}`;
  return sql`select o.id, o.cvr::text as cvr, (row_number() over (order by o.id) - 1)::int as k,
               coalesce(cl.stronghold_industries, '{}') as strongholds
             from organisations o left join clusters cl on cl.organisation_id = o.id
             where o.id in (${clusterFilter(scope, year)}) ${approvedIn(sql`o.id`, year, basis)}`;
}

/** The FLAG bits of one participation. */
const participationFlags = sql`(p.new_competence::int * ${FLAG.competence}) | (p.new_idea::int * ${FLAG.idea})
  | (p.new_product::int * ${FLAG.product})
  | ((p.activity_id in (select id from international_acts))::int * ${FLAG.international})
  | ((p.activity_id in (select id from collaboration_acts))::int * ${FLAG.collaboration})`;

/**
 * `firms` of one cluster: its only bit is bit 0 of word 0, so one sort of the cluster's year by
 * company and recency does it all: the first row of a company is its latest participation (ordered
 * as in firmsCte; the cluster CVR is the same for all), a window over the company folds its
 * facts. The general path reads the rows twice and took twice a plain single query on the busiest
 * cluster of 10M participations (bench:performance).
 */
function oneClusterFirms(year: number): SQL {
  return sql`select distinct on (p.cvr) p.cvr,
      bit_or(${participationFlags}) over (partition by p.cvr) as flags,
      array[0] as word_ids, array[1::bigint] as word_bits,
      p.employees < ${SMALL_COMPANY_LIMIT} as small, p.municipality_code, p.industry_code
    from participations p join scope s on s.id = p.cluster_id join acts a on a.id = p.activity_id
    where p.year = ${year} and p.participant_type = 'company'
    order by p.cvr, a.start_date desc, p.reported_at desc, a.activity_ref collate "C"`;
}

/**
 * One row per company of the scope: its facts folded over the year's participations (FLAG bits
 * and the bit set of its clusters), and the attributes of its latest participation in the scope
 * and year, which classify it: the latest activity start date, then the latest delivery, then the
 * lowest activity reference, then the lowest cluster CVR (docs/reporting-format.md, 1.1). The
 * national scope reads both ready-made from company_year_facts (migration 0033).
 */
function firmsCte(year: number, scope: AccountScope, basis: AccountBasis, region: SQL | null): SQL {
  if (scope.kind === 'national')
    return sql`select cvr, flags, word_ids, word_bits, employees < ${SMALL_COMPANY_LIMIT} as small,
                 municipality_code, industry_code
               from company_year_facts where year = ${year} and official = ${basis === 'official'}`;
  if (scope.kind === 'cluster') return oneClusterFirms(year);
  const inRegion = region ? sql`and p.cvr in (${region})` : sql``;
  return sql`with firm_facts as (
      select cvr, bit_or(flags) as flags, array_agg(word order by word) as word_ids,
        array_agg(clusters order by word) as word_bits
      from (
        select p.cvr, s.k / 64 as word, bit_or(1::bigint << (s.k % 64)) as clusters,
          bit_or(${participationFlags}) as flags
        from participations p join scope s on s.id = p.cluster_id
        where p.year = ${year} and p.participant_type = 'company' ${inRegion}
        group by p.cvr, s.k / 64
      ) w
      group by cvr
    ),
    firm_attributes as (
      select distinct on (p.cvr) p.cvr, p.employees, p.municipality_code, p.industry_code
      from participations p join scope s on s.id = p.cluster_id join acts a on a.id = p.activity_id
      where p.year = ${year} and p.participant_type = 'company' ${inRegion}
      order by p.cvr, a.start_date desc, p.reported_at desc, a.activity_ref collate "C", s.cvr
    )
    select f.cvr, f.flags, f.word_ids, f.word_bits, a.employees < ${SMALL_COMPANY_LIMIT} as small,
      a.municipality_code, a.industry_code
    from firm_facts f join firm_attributes a on a.cvr = f.cvr`;
}

/**
 * The one SQL statement of an account; exported so its plan can be inspected (EXPLAIN).
 *
 * The year's company participations are read once and folded into one row per company CVR
 * (`firms`): the five yes/no facts the keys ask about are OR-ed into one integer (FLAG bits),
 * and the clusters a company took part in are OR-ed into a bit set of 64 clusters per word (`k`
 * numbers the scope's clusters; `word_bits[i]` holds word `word_ids[i]`). Every company key is
 * then a `count(*) filter` over one row per company, and `share_outside_strongholds` is counted
 * over (cluster, company) pairs as bits of those sets, so the participations are never sorted or
 * grouped twice. Equality with a plain distinct count is proven against an independently written
 * model in the tests.
 *
 * The national account reads those per-company rows ready-made from `company_year_facts`, which
 * triggers keep exact in the transaction of every change (`k` is then the fixed
 * `clusters.account_bit`): ~200k rows a year instead of ~1M participations. On the official basis
 * the scope keeps only the clusters whose period of the year is approved or locked, and the
 * national account reads the official facts.
 */
export function accountQuery(year: number, scope: AccountScope, basis: AccountBasis): SQL {
  const dec31 = `${year}-12-31`;
  const region = scope.kind === 'region' ? regionCompanies(year, scope.regionCode, basis) : null;
  return sql`
    with scope as (${scopeCte(year, scope, basis)}),
    acts as (
      select a.id, a.category, a.start_date, a.activity_ref, a.grant_dkk, a.external_funding_dkk,
        a.private_cofinancing_hours, a.cofinancing_fees_dkk, a.cofinancing_sponsorship_dkk,
        a.cofinancing_foundations_dkk, a.eu_application
      from activities a where a.year = ${year} and a.cluster_id in (select id from scope)
      ${
        region
          ? sql`and a.id in (select activity_id from participations where year = ${year}
                  and participant_type = 'company' and cvr in (${region}))`
          : sql``
      }
    ),
    institutions as (
      select p.activity_id, p.institution_kind from participations p
      where p.year = ${year} and p.participant_type = 'knowledge_institution' and p.cluster_id in (select id from scope)
      ${region ? sql`and p.activity_id in (select id from acts)` : sql``}
    ),
    ki as (select activity_id, count(*)::int as n from institutions group by activity_id),
    ki_kinds as (
      select coalesce(institution_kind::text, 'unknown') as kind, count(*)::int as n from institutions group by 1
    ),
    international_acts as (select id from acts where category = 'internationalisation'),
    collaboration_acts as (
      select id from acts where category = 'innovation_collaboration' and id in (select activity_id from ki)
    ),
    firms as (${firmsCte(year, scope, basis, region)}),
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
    money as (
      select coalesce(sum(grant_dkk), 0)::float8 as grant_dkk,
        coalesce(sum(external_funding_dkk), 0)::float8 as external_funding_dkk,
        coalesce(sum(private_cofinancing_hours), 0)::float8 * ${HOURLY_RATE_DKK} as hours,
        coalesce(sum(cofinancing_fees_dkk), 0)::float8 as fees,
        coalesce(sum(cofinancing_sponsorship_dkk), 0)::float8 as sponsorship,
        coalesce(sum(cofinancing_foundations_dkk), 0)::float8 as foundations,
        (count(*) filter (where eu_application))::int as eu_applications
      from acts
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
      m.grant_dkk as "grant_dkk",
      m.external_funding_dkk as "external_funding_dkk",
      m.hours as "private_cofinancing_dkk",
      m.eu_applications as "eu_applications",
      jsonb_build_object('hours', m.hours, 'fees', m.fees, 'sponsorship', m.sponsorship,
        'foundations', m.foundations) as "private_cofinancing_by_source_dkk",
      (select coalesce(jsonb_object_agg(kind, n), '{}'::jsonb) from ki_kinds)
        as "knowledge_institution_participations_by_kind",
      (select outside::float8 / nullif(pairs, 0) from judged) as "share_outside_strongholds"
    from company_keys k cross join money m`;
}
