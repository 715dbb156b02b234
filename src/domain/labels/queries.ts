import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { organisationKey } from '../catalogue/api-queries.ts';
import type { Principal } from '../policy/policy.ts';
import { expiryFollowUp } from './policy.ts';
import { EXPIRY_WARNING_MONTHS, type LabelLevel, type LabelStatus } from './schemas.ts';

/**
 * When a label is valid: from its award date up to and including its valid-until date. A label is
 * expiring while valid and ending within six months (the last day six months ahead included).
 * Every query here uses these definitions, so the register, the flags and the performance
 * account agree.
 */
const validOn = (date: string) => sql`(l.awarded_on <= ${date}::date and l.valid_until >= ${date}::date)`;
const warningHorizon = (today: string) =>
  sql`(${today}::date + ${sql.raw(`interval '${EXPIRY_WARNING_MONTHS} months'`)})::date`;

export interface RegisterFilter {
  level?: LabelLevel | undefined;
  status?: LabelStatus | undefined;
  region?: number | undefined;
  /** YYYY-MM-DD, the day statuses are computed for. */
  today: string;
}

export interface RegisterRow {
  organisationId: string;
  clusterName: string;
  clusterSlug: string;
  level: LabelLevel;
  awardedOn: string;
  validUntil: string;
  assessingBody: string;
  status: LabelStatus;
}

const labelColumns = sql`o.id as "organisationId", o.name as "clusterName", o.slug as "clusterSlug", l.level,
  l.awarded_on::text as "awardedOn", l.valid_until::text as "validUntil", l.assessing_body as "assessingBody"`;

/**
 * The public label register: every label of a cluster organisation with its status on `today`,
 * newest award first within a cluster. The region is the region of the cluster's seat.
 */
export async function labelRegister(db: Queryable, filter: RegisterFilter): Promise<RegisterRow[]> {
  const { today } = filter;
  const conditions: SQL[] = [sql`o.kind = 'cluster_organisation'`];
  if (filter.level) conditions.push(sql`l.level = ${filter.level}`);
  if (filter.status) conditions.push(sql`s.status = ${filter.status}`);
  if (filter.region !== undefined) conditions.push(sql`m.region_code = ${filter.region}`);
  return queryRows<RegisterRow>(
    db,
    sql`
    select ${labelColumns}, s.status
    from cluster_labels l
    join organisations o on o.id = l.organisation_id
    left join municipalities m on m.code = o.municipality_code
    cross join lateral (select case
        when l.valid_until < ${today}::date then 'expired'
        when l.valid_until <= ${warningHorizon(today)} then 'expiring'
        else 'valid' end as status) s
    where ${sql.join(conditions, sql` and `)}
    order by o.name, l.awarded_on desc, l.level desc`,
  );
}

export interface CurrentLabel {
  level: LabelLevel;
  validUntil: string;
}

/** Each cluster's best label valid on `today` (Gold over Silver over Bronze), by organisation id. */
export async function currentLabels(db: Queryable, today: string): Promise<Map<string, CurrentLabel>> {
  const rows = await queryRows<CurrentLabel & { organisationId: string }>(
    db,
    // label_level is declared bronze, silver, gold: descending enum order puts the best first.
    sql`
    select distinct on (l.organisation_id)
      l.organisation_id as "organisationId", l.level, l.valid_until::text as "validUntil"
    from cluster_labels l
    where ${validOn(today)}
    order by l.organisation_id, l.level desc, l.valid_until desc`,
  );
  return new Map(rows.map((r) => [r.organisationId, { level: r.level, validUntil: r.validUntil }]));
}

export type ExpiringLabel = Omit<RegisterRow, 'status'>;

/**
 * Labels valid on `today` that end within six months, soonest first: the flags for follow-up.
 * `organisationIds` narrows them to those organisations (cluster staff see their own).
 */
export async function expiringLabels(
  db: Queryable,
  opts: { today: string; organisationIds?: readonly string[] },
): Promise<ExpiringLabel[]> {
  const { today, organisationIds } = opts;
  if (organisationIds?.length === 0) return [];
  const own = organisationIds
    ? sql`and l.organisation_id in (select jsonb_array_elements_text(${JSON.stringify(organisationIds)}::jsonb)::uuid)`
    : sql``;
  return queryRows<ExpiringLabel>(
    db,
    sql`
    select ${labelColumns}
    from cluster_labels l
    join organisations o on o.id = l.organisation_id
    where o.kind = 'cluster_organisation' and ${validOn(today)}
      and l.valid_until <= ${warningHorizon(today)} ${own}
    order by l.valid_until, o.name, l.level desc`,
  );
}

/**
 * The expiring labels a user follows up: all of them for the support function and admins, those
 * of their own clusters for cluster staff, and none (null) for anyone else.
 */
export async function expiringLabelsFor(
  db: Queryable,
  principal: Principal | null,
  today: string,
): Promise<{ scope: 'all' | 'own'; rows: ExpiringLabel[] } | null> {
  const followUp = expiryFollowUp(principal);
  if (followUp === null) return null;
  if (followUp === 'all') return { scope: 'all', rows: await expiringLabels(db, { today }) };
  return { scope: 'own', rows: await expiringLabels(db, { today, organisationIds: followUp }) };
}

export interface LabelCounts {
  gold: number;
  silver: number;
  bronze: number;
}

/**
 * Clusters with a label of each level valid on `date` (target 5 of the performance account counts
 * them on 31 December). A cluster with two levels valid that day counts under both.
 */
export async function labelCounts(db: Queryable, date: string): Promise<LabelCounts> {
  const [row] = await queryRows<LabelCounts>(
    db,
    sql`
    select
      count(distinct l.organisation_id) filter (where l.level = 'gold')::int as gold,
      count(distinct l.organisation_id) filter (where l.level = 'silver')::int as silver,
      count(distinct l.organisation_id) filter (where l.level = 'bronze')::int as bronze
    from cluster_labels l
    join organisations o on o.id = l.organisation_id
    where o.kind = 'cluster_organisation' and ${validOn(date)}`,
  );
  return row ?? { gold: 0, silver: 0, bronze: 0 };
}

export interface RegionOption {
  code: number;
  name: string;
  nameEn: string;
}

/** The regions for the register's filter. */
export async function labelRegions(db: Queryable): Promise<RegionOption[]> {
  return queryRows<RegionOption>(db, sql`select code, name, name_en as "nameEn" from regions order by code`);
}

/** Cluster organisations by CVR, for the CVRs given; others are absent from the map. */
export async function clusterIdsByCvr(db: Queryable, cvrs: readonly string[]): Promise<Map<string, string>> {
  if (cvrs.length === 0) return new Map();
  const rows = await queryRows<{ cvr: string; id: string }>(
    db,
    sql`select cvr, id from organisations
        where kind = 'cluster_organisation'
          and cvr in (select jsonb_array_elements_text(${JSON.stringify(cvrs)}::jsonb))`,
  );
  return new Map(rows.map((r) => [r.cvr, r.id]));
}

export interface LabelFilters {
  level?: LabelLevel | undefined;
  /** YYYY-MM-DD: only labels valid on that day (award date to valid-until, both included). */
  validOn?: string | undefined;
  /** A cluster's slug or id. */
  cluster?: string | undefined;
}

export interface LabelRow {
  id: string;
  level: LabelLevel;
  awardedOn: string;
  validUntil: string;
  assessingBody: string;
  clusterId: string;
  clusterSlug: string;
  clusterName: string;
}

/** The label register of the open-data API: labels of cluster organisations, by cluster name and newest award first. */
export async function listLabels(db: Queryable, f: LabelFilters): Promise<LabelRow[]> {
  const conditions: SQL[] = [sql`o.kind = 'cluster_organisation'`];
  if (f.level) conditions.push(sql`l.level = ${f.level}`);
  if (f.validOn)
    conditions.push(sql`l.awarded_on <= ${f.validOn}::date and l.valid_until >= ${f.validOn}::date`);
  if (f.cluster) conditions.push(organisationKey(f.cluster));
  return queryRows<LabelRow>(
    db,
    sql`select l.id, l.level, l.awarded_on::text as "awardedOn", l.valid_until::text as "validUntil",
          l.assessing_body as "assessingBody", o.id as "clusterId", o.slug as "clusterSlug", o.name as "clusterName"
        from cluster_labels l
        join organisations o on o.id = l.organisation_id
        where ${sql.join(conditions, sql` and `)}
        order by o.name, l.awarded_on desc, l.level desc, l.id`,
  );
}
