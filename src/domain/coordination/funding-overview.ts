import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../policy/policy.ts';

/**
 * Funding coordination (seed 000): who funds which cluster, each funder's portfolio, and where
 * funders pay for parallel efforts. All sums are computed in SQL.
 */

export type League = 'world_class' | 'regional' | 'emerging';

export interface ClusterFunder {
  funderId: string;
  name: string;
  slug: string;
  amountDkk: number;
  responsible: boolean;
}

export interface ClusterFunding {
  clusterId: string;
  name: string;
  slug: string;
  league: League;
  regionCode: number | null;
  regionName: string | null;
  regionNameEn: string | null;
  themes: string[];
  funders: ClusterFunder[];
  totalDkk: number;
}

/** Years that have grants, newest first. */
async function grantYears(db: Queryable): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select distinct year from funding_grants order by year desc`,
  );
  return rows.map((r) => Number(r.year));
}

/** The year the overview shows by default: the latest funded year not after `currentYear`. */
function defaultYear(years: readonly number[], currentYear: number): number | null {
  return years.find((y) => y <= currentYear) ?? years[years.length - 1] ?? null;
}

/** Every cluster with a grant in the year: its league, region (of its seat), themes and funders. */
async function clusterFunding(db: Queryable, year: number): Promise<ClusterFunding[]> {
  const rows = await queryRows<ClusterFunding>(
    db,
    sql`select o.id as "clusterId", o.name, o.slug, c.league, r.code as "regionCode",
               r.name as "regionName", r.name_en as "regionNameEn", c.themes,
               json_agg(json_build_object('funderId', f.id, 'name', f.name, 'slug', f.slug,
                          'amountDkk', g.amount_dkk, 'responsible', g.responsible)
                        order by g.responsible desc, g.amount_dkk desc, f.name) as funders,
               sum(g.amount_dkk)::bigint as "totalDkk"
        from funding_grants g
        join organisations o on o.id = g.cluster_id
        join clusters c on c.organisation_id = o.id
        join organisations f on f.id = g.funder_id
        left join municipalities m on m.code = o.municipality_code
        left join regions r on r.code = m.region_code
        where g.year = ${year}
        group by o.id, o.name, o.slug, c.league, r.code, r.name, r.name_en, c.themes
        order by c.league, o.name`,
  );
  return rows.map((r) => ({
    ...r,
    regionCode: r.regionCode === null ? null : Number(r.regionCode),
    totalDkk: Number(r.totalDkk),
    funders: r.funders.map((f) => ({ ...f, amountDkk: Number(f.amountDkk) })),
  }));
}

export interface FunderTotal {
  funderId: string;
  name: string;
  slug: string;
  level: string;
  clusters: number;
  totalDkk: number;
}

/** What each funder grants in the year, largest first. */
async function funderTotals(db: Queryable, year: number): Promise<FunderTotal[]> {
  const rows = await queryRows<FunderTotal>(
    db,
    sql`select f.id as "funderId", f.name, f.slug, f.funder_level as level,
               count(distinct g.cluster_id)::int as clusters, sum(g.amount_dkk)::bigint as "totalDkk"
        from funding_grants g join organisations f on f.id = g.funder_id
        where g.year = ${year}
        group by f.id, f.name, f.slug, f.funder_level
        order by sum(g.amount_dkk) desc, f.name`,
  );
  return rows.map((r) => ({ ...r, clusters: Number(r.clusters), totalDkk: Number(r.totalDkk) }));
}

export interface Portfolio {
  funder: { id: string; name: string; slug: string; level: string | null };
  years: number[];
  clusters: {
    clusterId: string;
    name: string;
    slug: string;
    league: League;
    responsible: boolean;
    amounts: Record<number, number>;
    totalDkk: number;
  }[];
  yearTotals: Record<number, number>;
  totalDkk: number;
}

/**
 * One funder's portfolio: its clusters with the amount per year; the totals per cluster, per year
 * and overall come from the same query through GROUPING SETS.
 */
export async function funderPortfolio(db: Queryable, caller: Caller, funderSlug: string): Promise<Portfolio> {
  authorize(caller.principal, 'coordination.view');
  const [funder] = await queryRows<Portfolio['funder']>(
    db,
    sql`select id, name, slug, funder_level as level from organisations
        where slug = ${funderSlug} and kind = 'funder'`,
  );
  if (!funder) throw notFound('funder');
  const rows = await queryRows<{
    clusterId: string | null;
    year: number | null;
    amount: number;
    responsible: boolean | null;
  }>(
    db,
    sql`select g.cluster_id as "clusterId", g.year, sum(g.amount_dkk)::bigint as amount,
               bool_or(g.responsible) as responsible
        from funding_grants g
        where g.funder_id = ${funder.id}
        group by grouping sets ((g.cluster_id, g.year), (g.cluster_id), (g.year), ())`,
  );
  const names = await queryRows<{ clusterId: string; name: string; slug: string; league: League }>(
    db,
    sql`select o.id as "clusterId", o.name, o.slug, c.league
        from organisations o join clusters c on c.organisation_id = o.id
        where o.id in (select cluster_id from funding_grants where funder_id = ${funder.id})
        order by o.name`,
  );
  const years = new Set<number>();
  const yearTotals: Record<number, number> = {};
  let totalDkk = 0;
  const perCluster = new Map<
    string,
    { amounts: Record<number, number>; total: number; responsible: boolean }
  >();
  const entry = (id: string) => {
    let e = perCluster.get(id);
    if (!e) {
      e = { amounts: {}, total: 0, responsible: false };
      perCluster.set(id, e);
    }
    return e;
  };
  for (const r of rows) {
    const amount = Number(r.amount);
    const year = r.year === null ? null : Number(r.year);
    if (r.clusterId && year !== null) {
      entry(r.clusterId).amounts[year] = amount;
      years.add(year);
    } else if (r.clusterId) {
      const e = entry(r.clusterId);
      e.total = amount;
      e.responsible = Boolean(r.responsible);
    } else if (year !== null) yearTotals[year] = amount;
    else totalDkk = amount;
  }
  return {
    funder,
    years: [...years].sort((a, b) => a - b),
    clusters: names.map((n) => {
      const e = entry(n.clusterId);
      return { ...n, responsible: e.responsible, amounts: e.amounts, totalDkk: e.total };
    }),
    yearTotals,
    totalDkk,
  };
}

export interface Overlap {
  theme: string;
  regionCode: number;
  regionName: string;
  regionNameEn: string;
  clusters: { clusterId: string; name: string; slug: string; funders: string[] }[];
}

/**
 * Overlaps in a year. Definition: two different clusters share a theme, have their seat in the
 * same region (the region of the seat municipality), both receive a grant above 0 kr. in the year,
 * and no funder funds both of them. Clusters that share a funder are left out: that funder
 * already sees both. One overlap is a (theme, region) with every cluster in such a pair.
 */
async function fundingOverlaps(db: Queryable, year: number): Promise<Overlap[]> {
  const rows = await queryRows<Overlap>(
    db,
    sql`with funded as (
          select cluster_id, array_agg(distinct funder_id) as funders
          from funding_grants where year = ${year} and amount_dkk > 0
          group by cluster_id
        ), placed as (
          select f.cluster_id, f.funders, m.region_code, t.theme
          from funded f
          join clusters c on c.organisation_id = f.cluster_id
          join organisations o on o.id = f.cluster_id
          join municipalities m on m.code = o.municipality_code
          cross join lateral unnest(c.themes) as t(theme)
        ), pairs as (
          select a.theme, a.region_code, a.cluster_id as a_id, b.cluster_id as b_id
          from placed a
          join placed b on b.theme = a.theme and b.region_code = a.region_code
                       and b.cluster_id > a.cluster_id
          where not (a.funders && b.funders)
        ), involved as (
          select theme, region_code, a_id as cluster_id from pairs
          union
          select theme, region_code, b_id from pairs
        )
        select i.theme, i.region_code as "regionCode", r.name as "regionName", r.name_en as "regionNameEn",
               json_agg(json_build_object(
                 'clusterId', o.id, 'name', o.name, 'slug', o.slug,
                 'funders', (select json_agg(fo.name order by fo.name)
                             from funding_grants g join organisations fo on fo.id = g.funder_id
                             where g.cluster_id = o.id and g.year = ${year} and g.amount_dkk > 0))
                 order by o.name) as clusters
        from involved i
        join organisations o on o.id = i.cluster_id
        join regions r on r.code = i.region_code
        group by i.theme, i.region_code, r.name, r.name_en
        order by i.region_code, i.theme`,
  );
  return rows.map((r) => ({ ...r, regionCode: Number(r.regionCode) }));
}

export interface CoordinationOverview {
  /** Years with grants, newest first. */
  years: number[];
  /** The year shown; null when no grant is recorded. */
  year: number | null;
  clusters: ClusterFunding[];
  totals: FunderTotal[];
  overlaps: Overlap[];
}

/**
 * The coordination overview for funders and admins: the wanted year when it has grants, else the
 * latest funded year not after `currentYear`; who funds which cluster, each funder's total, overlaps.
 */
export async function coordinationOverview(
  db: Queryable,
  caller: Caller,
  q: { wantedYear?: number | undefined; currentYear: number },
): Promise<CoordinationOverview> {
  authorize(caller.principal, 'coordination.view');
  const years = await grantYears(db);
  const year =
    q.wantedYear !== undefined && years.includes(q.wantedYear)
      ? q.wantedYear
      : defaultYear(years, q.currentYear);
  if (year === null) return { years, year, clusters: [], totals: [], overlaps: [] };
  const [clusters, totals, overlaps] = await Promise.all([
    clusterFunding(db, year),
    funderTotals(db, year),
    fundingOverlaps(db, year),
  ]);
  return { years, year, clusters, totals, overlaps };
}
