/**
 * Benchmarking: each cluster's figure for a key and year against the clusters of its own league.
 * The distribution (min, quartiles, max) and each cluster's quartile position are computed in SQL
 * with percentile_cont over the per-cluster figures. Only years in which the league reported
 * anything are compared, so an empty future year does not put everyone in the top quartile.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { AccountBasis } from '../performance/account.ts';
import { CLOSED_STATUSES } from '../reporting/periods/transitions.ts';
import { type ClusterSet, type FigureKey, figuresCte, type League } from './figures.ts';

/**
 * Benchmarks compare clusters on their official figures: a cluster's staff see the distribution of
 * their peers, whose figures nobody but themselves and their funders may see before approval.
 */
export const BENCHMARK_BASIS: AccountBasis = 'official';

export interface Distribution {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** Clusters compared. */
  n: number;
}

/** 1 = bottom quartile (strictly below Q1), 2 = below the median, 3 = below Q3, 4 = top (Q3 or above). */
export type Quartile = 1 | 2 | 3 | 4;

export interface BenchmarkRow extends Distribution {
  clusterId: string;
  name: string;
  slug: string;
  league: League;
  year: number;
  key: FigureKey;
  value: number;
  quartile: Quartile;
}

interface RawRow extends Omit<BenchmarkRow, 'quartile'> {
  quartile: number;
}

/**
 * Every cluster of the set, with its league's distribution, for each year in [from, to] and key,
 * on a basis (official: approved and locked years only). The distribution is always over the
 * whole league, even when `only` narrows the rows returned.
 */
export async function leagueBenchmark(
  db: Queryable,
  q: {
    league?: League | undefined;
    from: number;
    to: number;
    only?: readonly string[] | undefined;
    basis: AccountBasis;
  },
): Promise<BenchmarkRow[]> {
  const set: ClusterSet = { league: q.league };
  const only = q.only
    ? q.only.length === 0
      ? sql`false`
      : sql`p.cluster_id in (${sql.join(
          q.only.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
    : sql`true`;
  const rows = await queryRows<RawRow>(
    db,
    sql`with ${figuresCte(set, q.from, q.to, q.basis)},
    reported as (
      select league, year from figs where key = 'activities' group by 1, 2 having sum(value) > 0
    ),
    stats as (
      select f.league, f.year, f.key, count(*)::int as n,
        min(f.value)::float8 as min, max(f.value)::float8 as max,
        percentile_cont(0.25) within group (order by f.value)::float8 as q1,
        percentile_cont(0.5) within group (order by f.value)::float8 as median,
        percentile_cont(0.75) within group (order by f.value)::float8 as q3
      from figs f join reported r on r.league = f.league and r.year = f.year
      group by 1, 2, 3
    )
    select p.cluster_id as "clusterId", o.name, o.slug, p.league::text as league, p.year, p.key, p.value,
      s.min, s.q1, s.median, s.q3, s.max, s.n,
      case when p.value < s.q1 then 1 when p.value < s.median then 2 when p.value < s.q3 then 3 else 4 end
        as quartile
    from figs p
    join stats s on s.league = p.league and s.year = p.year and s.key = p.key
    join organisations o on o.id = p.cluster_id
    where ${only}
    order by p.year, p.key, o.name`,
  );
  return rows.map((r) => ({ ...r, year: Number(r.year), quartile: Number(r.quartile) as Quartile }));
}

/** Years with any reported activity, newest first: the years a benchmark or a check can be shown for. */
export async function reportedYears(db: Queryable): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select distinct year::int as year from activities order by 1 desc`,
  );
  return rows.map((r) => Number(r.year));
}

/** A year is worth comparing when at least this many clusters of the league have official figures. */
export const MIN_COMPARED_CLUSTERS = 3;

/**
 * Years, newest first, in which at least MIN_COMPARED_CLUSTERS clusters of the league reported
 * activities in a year their funders approved or locked: the years a benchmark shows by default,
 * since a newer year where only one or two clusters are approved compares almost nothing.
 */
export async function comparableYears(db: Queryable, league: League): Promise<number[]> {
  const closed = sql.join(
    CLOSED_STATUSES.map((s) => sql`${s}::period_status`),
    sql`, `,
  );
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select rp.year::int as year
        from reporting_periods rp
        join clusters c on c.organisation_id = rp.cluster_id
        where c.league = ${league} and rp.status in (${closed})
          and exists (select 1 from activities a where a.cluster_id = rp.cluster_id and a.year = rp.year)
        group by rp.year
        having count(distinct rp.cluster_id) >= ${MIN_COMPARED_CLUSTERS}
        order by 1 desc`,
  );
  return rows.map((r) => Number(r.year));
}

/** The league of a cluster organisation, or null when it has no cluster profile. */
export async function leagueOf(db: Queryable, clusterId: string): Promise<League | null> {
  const [row] = await queryRows<{ league: League }>(
    db,
    sql`select league::text as league from clusters where organisation_id = ${clusterId}::uuid`,
  );
  return row?.league ?? null;
}
