/**
 * The performance-account keys that make sense per cluster, computed for many clusters and years
 * in one grouped query. The definitions are those of account.ts (reporting spec) for a cluster
 * scope; figures.int.test.ts proves each figure equals performanceAccount(db, year, cluster).
 */
import { type SQL, sql } from 'drizzle-orm';
import { clusterLeague } from '../../db/schema/index.ts';
import {
  type AccountBasis,
  COUNT_KEYS,
  HOURLY_RATE_DKK,
  MONEY_KEYS,
  SMALL_COMPANY_LIMIT,
} from '../performance/account.ts';
import { CLOSED_STATUSES } from '../reporting/periods/transitions.ts';

export const LEAGUES = clusterLeague.enumValues;
export type League = (typeof LEAGUES)[number];

/** Labels, the regional split and the stronghold share are not per-cluster counts. */
export const FIGURE_KEYS = [...COUNT_KEYS, ...MONEY_KEYS] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const isFigureKey = (k: string): k is FigureKey => (FIGURE_KEYS as readonly string[]).includes(k);

/** The clusters a figures query covers: all, one league, or given organisation ids. */
export type ClusterSet = { league?: League | undefined; clusterIds?: readonly string[] | undefined };

function clusterSetSql(set: ClusterSet): SQL {
  const conditions: SQL[] = [sql`true`];
  if (set.league) conditions.push(sql`league = ${set.league}`);
  if (set.clusterIds) {
    if (set.clusterIds.length === 0) conditions.push(sql`false`);
    else
      conditions.push(
        sql`organisation_id in (${sql.join(
          set.clusterIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
  }
  return sql`select organisation_id as id, league, ended_on from clusters where ${sql.join(conditions, sql` and `)}`;
}

/**
 * The (cluster, year) pairs a figures query counts, on a basis. Preliminary: a cluster counts in a
 * year when it was funded or reported that year; a funded year without activities gives zeros,
 * which are real figures for a funded cluster, while a year before its first grant is left out.
 * Official: only the years funders have approved or locked. Either way not after the cluster ended.
 */
function countedYears(basis: AccountBasis): SQL {
  if (basis === 'official') {
    const closed = sql.join(
      CLOSED_STATUSES.map((s) => sql`${s}::period_status`),
      sql`, `,
    );
    return sql`exists (select 1 from reporting_periods rp
      where rp.cluster_id = cl.id and rp.year = y.year and rp.status in (${closed}))`;
  }
  return sql`(exists (select 1 from funding_grants g where g.cluster_id = cl.id and g.year = y.year)
    or exists (select 1 from activities a where a.cluster_id = cl.id and a.year = y.year))`;
}

/**
 * CTEs ending in `figs(cluster_id, league, year, key, value)`: one row per counted cluster and
 * year in [from, to] (countedYears) and key. A company is small or not by its latest participation
 * in the cluster and year, as in the account (docs/reporting-format.md, 1.1).
 */
export function figuresCte(set: ClusterSet, from: number, to: number, basis: AccountBasis): SQL {
  const keyValues = sql.join(
    FIGURE_KEYS.map((k) => sql`(${k}, w.${sql.identifier(k)})`),
    sql`, `,
  );
  return sql`
    cl as (${clusterSetSql(set)}),
    cl_years as (
      select cl.id, cl.league, y.year::int as year
      from cl cross join generate_series(${from}::int, ${to}::int) as y(year)
      where (cl.ended_on is null or cl.ended_on >= make_date(y.year::int, 1, 1)) and ${countedYears(basis)}
    ),
    f_acts as (
      select a.cluster_id, a.year::int as year, count(*)::float8 as activities,
        coalesce(sum(a.grant_dkk), 0)::float8 as grant_dkk,
        coalesce(sum(a.external_funding_dkk), 0)::float8 as external_funding_dkk,
        coalesce(sum(a.private_cofinancing_hours), 0)::float8 * ${HOURLY_RATE_DKK} as private_cofinancing_dkk
      from activities a
      where a.year between ${from} and ${to} and a.cluster_id in (select id from cl)
      group by 1, 2
    ),
    f_ki_acts as (
      select p.activity_id, p.cluster_id, p.year::int as year, count(*)::float8 as n
      from participations p
      where p.participant_type = 'knowledge_institution' and p.year between ${from} and ${to}
        and p.cluster_id in (select id from cl)
      group by 1, 2, 3
    ),
    f_ki as (
      select cluster_id, year, sum(n)::float8 as knowledge_institution_participations,
        count(*)::float8 as activities_with_knowledge_institution
      from f_ki_acts group by 1, 2
    ),
    f_parts as (
      select p.cluster_id, p.year::int as year, p.cvr, p.new_competence, p.new_idea, p.new_product,
        p.employees, p.reported_at, a.start_date, a.activity_ref, a.category, (k.activity_id is not null) as with_ki
      from participations p
      join activities a on a.id = p.activity_id
      left join f_ki_acts k on k.activity_id = p.activity_id
      where p.participant_type = 'company' and p.year between ${from} and ${to}
        and p.cluster_id in (select id from cl)
    ),
    f_sizes as (
      select distinct on (cluster_id, year, cvr) cluster_id, year, cvr,
        coalesce(employees < ${SMALL_COMPANY_LIMIT}, false) as small
      from f_parts
      order by cluster_id, year, cvr, start_date desc, reported_at desc, activity_ref collate "C"
    ),
    f_firms as (
      select f.*, s.small from f_parts f join f_sizes s using (cluster_id, year, cvr)
    ),
    f_companies as (
      select cluster_id, year,
        count(distinct cvr)::float8 as participating_companies,
        count(distinct cvr) filter (where small)::float8 as small_participating_companies,
        count(distinct cvr) filter (where new_competence)::float8 as new_competence_companies,
        count(distinct cvr) filter (where new_idea)::float8 as new_idea_companies,
        count(distinct cvr) filter (where new_product)::float8 as innovating_companies,
        count(distinct cvr) filter (where new_product and small)::float8 as small_innovating_companies,
        count(distinct cvr) filter (where category = 'innovation_collaboration' and with_ki)::float8
          as collaborating_companies,
        count(distinct cvr) filter (where category = 'internationalisation')::float8 as international_companies
      from f_firms group by 1, 2
    ),
    f_wide as (
      select cy.id as cluster_id, cy.league, cy.year,
        coalesce(a.activities, 0) as activities,
        coalesce(f.participating_companies, 0) as participating_companies,
        coalesce(f.small_participating_companies, 0) as small_participating_companies,
        coalesce(f.new_competence_companies, 0) as new_competence_companies,
        coalesce(f.new_idea_companies, 0) as new_idea_companies,
        coalesce(f.innovating_companies, 0) as innovating_companies,
        coalesce(f.small_innovating_companies, 0) as small_innovating_companies,
        coalesce(f.collaborating_companies, 0) as collaborating_companies,
        coalesce(f.international_companies, 0) as international_companies,
        coalesce(k.knowledge_institution_participations, 0) as knowledge_institution_participations,
        coalesce(k.activities_with_knowledge_institution, 0) as activities_with_knowledge_institution,
        coalesce(a.grant_dkk, 0) as grant_dkk,
        coalesce(a.external_funding_dkk, 0) as external_funding_dkk,
        coalesce(a.private_cofinancing_dkk, 0) as private_cofinancing_dkk
      from cl_years cy
      left join f_acts a on a.cluster_id = cy.id and a.year = cy.year
      left join f_companies f on f.cluster_id = cy.id and f.year = cy.year
      left join f_ki k on k.cluster_id = cy.id and k.year = cy.year
    ),
    figs as (
      select w.cluster_id, w.league, w.year, v.key, v.value::float8 as value
      from f_wide w cross join lateral (values ${keyValues}) as v(key, value)
    )`;
}
