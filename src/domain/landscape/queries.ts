/**
 * The cluster landscape: which themes are covered where. A cluster counts in the region of its
 * seat municipality while it is active (no end date, or one still ahead). All counting runs in
 * SQL; themes are unnested so a cluster with two themes counts once in each theme's row.
 */
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Queryable, queryRows } from '../../db/client.ts';
import { clusterLeague } from '../../db/schema/index.ts';
import { can, type Principal } from '../policy/policy.ts';

export const LEAGUES = clusterLeague.enumValues;
export type League = (typeof LEAGUES)[number];

/** The page's query string; unknown values are ignored rather than refused, as in a catalogue. */
export const landscapeFilter = z.object({
  liga: z.enum(LEAGUES).optional().catch(undefined),
});
export type LandscapeFilter = z.infer<typeof landscapeFilter>;

export interface LandscapeQuery {
  league?: League | undefined;
  /** 'YYYY-MM-DD': clusters that ended on or before this day are left out. */
  today: string;
}

/** Two or more active clusters with the same theme seated in the same region. */
export const OVERLAP_FROM = 2;

export interface Region {
  code: number;
  name: string;
  nameEn: string;
}

export interface MatrixCell {
  theme: string;
  /** null: the theme's total over all regions. */
  regionCode: number | null;
  clusters: number;
}

export interface OverlapCell {
  theme: string;
  regionCode: number;
  clusters: { name: string; slug: string }[];
}

export interface RegionSeats extends Region {
  clusters: number;
}

export interface ClusterSeat {
  name: string;
  slug: string;
  municipalityCode: number;
  municipality: string;
  regionCode: number;
}

/** Active clusters with a seat municipality, as a subquery to select from. */
function activeClusters(q: LandscapeQuery): SQL {
  return sql`(select c.organisation_id as id, o.name, o.slug, c.themes,
                     m.code as municipality_code, m.name as municipality, m.region_code
              from clusters c
              join organisations o on o.id = c.organisation_id
              join municipalities m on m.code = o.municipality_code
              where (c.ended_on is null or c.ended_on > ${q.today}::date)
                and (${q.league ?? null}::cluster_league is null or c.league = ${q.league ?? null}::cluster_league))`;
}

/**
 * Clusters per theme and region, plus a total per theme (regionCode null). Distinct clusters,
 * so a theme listed twice on one cluster still counts once.
 */
export async function themeRegionMatrix(db: Queryable, q: LandscapeQuery): Promise<MatrixCell[]> {
  return queryRows<MatrixCell>(
    db,
    sql`select t.theme, a.region_code as "regionCode", count(distinct a.id)::int as "clusters"
        from ${activeClusters(q)} a
        cross join lateral unnest(a.themes) as t(theme)
        group by grouping sets ((t.theme, a.region_code), (t.theme))`,
  );
}

/**
 * The clusters behind each overlapping cell of the matrix, for funders coordinating their money
 * (`funding.view`: funders and admins); null for anyone else, who sees the counts only.
 */
export async function overlappingClusters(
  db: Queryable,
  viewer: Principal | null,
  q: LandscapeQuery,
): Promise<OverlapCell[] | null> {
  if (!can(viewer, 'funding.view')) return null;
  return queryRows<OverlapCell>(
    db,
    sql`select t.theme, a.region_code as "regionCode",
               json_agg(json_build_object('name', a.name, 'slug', a.slug) order by a.name) as "clusters"
        from ${activeClusters(q)} a
        cross join lateral (select distinct theme from unnest(a.themes) as u(theme)) as t
        group by t.theme, a.region_code
        having count(*) >= ${OVERLAP_FROM}
        order by t.theme, a.region_code`,
  );
}

/** Every region with the number of active clusters seated there, regions without any included. */
export async function seatsPerRegion(db: Queryable, q: LandscapeQuery): Promise<RegionSeats[]> {
  return queryRows<RegionSeats>(
    db,
    sql`select r.code, r.name, r.name_en as "nameEn", count(s.region_code)::int as "clusters"
        from regions r
        left join ${activeClusters(q)} s on s.region_code = r.code
        group by r.code, r.name, r.name_en
        order by r.code`,
  );
}

/** The active clusters with their seat, for the dots on the map and the table beside it. */
export async function clusterSeats(db: Queryable, q: LandscapeQuery): Promise<ClusterSeat[]> {
  return queryRows<ClusterSeat>(
    db,
    sql`select a.name, a.slug, a.municipality_code as "municipalityCode", a.municipality,
               a.region_code as "regionCode"
        from ${activeClusters(q)} a
        order by a.region_code, a.name`,
  );
}
