import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { isUuid } from '../ids.ts';
import type { LabelLevel, League } from '../search/schemas.ts';
import type { ThemeKey } from './themes.ts';

/** The open-data API's queries over the catalogue: plain rows, shaped into API objects by the HTTP layer. */

export interface ClusterFilters {
  theme?: ThemeKey | undefined;
  region?: number | undefined;
  league?: League | undefined;
  label?: LabelLevel | undefined;
}

/**
 * Conditions on a cluster (alias `c`) and the municipality of its seat (alias `m`). The label is
 * the best one valid on `today`; an item that has no cluster behind it fails every condition.
 */
export function clusterConditions(f: ClusterFilters, today: string): SQL[] {
  const out: SQL[] = [];
  if (f.theme) out.push(sql`${f.theme} = any(c.themes)`);
  if (f.region !== undefined) out.push(sql`m.region_code = ${f.region}`);
  if (f.league) out.push(sql`c.league = ${f.league}`);
  if (f.label) out.push(sql`(${currentLabelLevel(today)}) = ${f.label}`);
  if (out.length > 0) out.unshift(sql`c.organisation_id is not null`);
  return out;
}

// label_level is declared bronze, silver, gold: the descending enum order puts the best first.
const currentLabelLevel = (today: string) => sql`
  select l.level from cluster_labels l
  where l.organisation_id = c.organisation_id
    and l.awarded_on <= ${today}::date and l.valid_until >= ${today}::date
  order by l.level desc, l.valid_until desc limit 1`;

export interface ClusterRow {
  id: string;
  slug: string;
  name: string;
  /** The cluster organisation's CVR number: the key of reporting and of the public registers. */
  cvr: string | null;
  league: League;
  themes: ThemeKey[];
  website: string | null;
  summaryDa: string;
  summaryEn: string;
  endedOn: string | null;
  municipalityCode: number | null;
  municipalityName: string | null;
  regionCode: number | null;
  regionName: string | null;
  labelLevel: LabelLevel | null;
  labelValidUntil: string | null;
}

/** A select over clusters with their seat, region and current label; `extra` adds columns. */
const selectClusters = (today: string, extra: SQL = sql``) => sql`
  select o.id, o.slug, o.name, o.cvr, c.league, c.themes, o.website,
    c.summary_da as "summaryDa", c.summary_en as "summaryEn", c.ended_on::text as "endedOn",
    m.code as "municipalityCode", m.name as "municipalityName", r.code as "regionCode", r.name as "regionName",
    cl.level as "labelLevel", cl.valid_until::text as "labelValidUntil" ${extra}
  from clusters c
  join organisations o on o.id = c.organisation_id
  left join municipalities m on m.code = o.municipality_code
  left join regions r on r.code = m.region_code
  left join lateral (
    select l.level, l.valid_until from cluster_labels l
    where l.organisation_id = c.organisation_id
      and l.awarded_on <= ${today}::date and l.valid_until >= ${today}::date
    order by l.level desc, l.valid_until desc limit 1) cl on true`;

/** Every cluster that passes the filters, ended ones included (open data keeps the history), by name. */
export async function listClusters(db: Queryable, f: ClusterFilters, today: string): Promise<ClusterRow[]> {
  const conditions = clusterConditions(f, today);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return queryRows<ClusterRow>(db, sql`${selectClusters(today)} ${where} order by o.name, o.id`);
}

/** The organisation behind a slug or an id, for parameters that accept either. */
export const organisationKey = (key: string) =>
  isUuid(key) ? sql`o.id = ${key}::uuid` : sql`o.slug = ${key}`;

export interface ClusterDetailRow extends ClusterRow {
  descriptionDa: string;
  descriptionEn: string;
  labels: { id: string; level: LabelLevel; awardedOn: string; validUntil: string; assessingBody: string }[];
}

/** One cluster by slug or id, with its description and every label it ever had; null when unknown. */
export async function clusterByKey(
  db: Queryable,
  key: string,
  today: string,
): Promise<ClusterDetailRow | null> {
  const [row] = await queryRows<ClusterDetailRow>(
    db,
    sql`${selectClusters(
      today,
      sql`, c.description_da as "descriptionDa", c.description_en as "descriptionEn",
        coalesce((select json_agg(json_build_object('id', l.id, 'level', l.level, 'awardedOn', l.awarded_on,
            'validUntil', l.valid_until, 'assessingBody', l.assessing_body) order by l.awarded_on desc, l.level desc)
          from cluster_labels l where l.organisation_id = c.organisation_id), '[]') as labels`,
    )} where ${organisationKey(key)}`,
  );
  return row ?? null;
}
