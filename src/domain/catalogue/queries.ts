import { eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { clusterProfileDrafts } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { authorizeProfileEdit } from './policy.ts';
import { type ClusterProfile, publishedProfile, storedProfile } from './profile.ts';
import { evaluateQualification } from './qualification.ts';

export interface ProgrammeFigures {
  clusters: number;
  nationalClusters: number;
  funders: number;
  activities: number;
  distinctCompanies: number;
  fromYear: number;
  toYear: number;
}

/**
 * Headline figures for the front page, counted in SQL. Companies are distinct CVRs of company
 * participants over the period, never a sum over clusters.
 */
export async function programmeFigures(
  db: Queryable,
  fromYear: number,
  toYear: number,
): Promise<ProgrammeFigures> {
  const [row] = await queryRows<Omit<ProgrammeFigures, 'fromYear' | 'toYear'>>(
    db,
    sql`
    select
      (select count(*)::int from clusters) as "clusters",
      (select count(*)::int from clusters where national_from <= ${toYear} and national_to >= ${fromYear}) as "nationalClusters",
      (select count(*)::int from organisations where kind = 'funder') as "funders",
      (select count(*)::int from activities where year between ${fromYear} and ${toYear}) as "activities",
      (select count(distinct cvr)::int from participations
        where year between ${fromYear} and ${toYear} and participant_type = 'company') as "distinctCompanies"`,
  );
  if (!row) throw new Error('figures query returned no row');
  return { ...row, fromYear, toYear };
}

export interface NationalClusterRow {
  name: string;
  slug: string;
  themes: string[];
  seat: string | null;
  endedOn: string | null;
  isDemo: boolean;
}

export async function nationalClusters(db: Queryable, year: number): Promise<NationalClusterRow[]> {
  return queryRows<NationalClusterRow>(
    db,
    sql`
    select o.name, o.slug, c.themes, m.name as "seat", c.ended_on::text as "endedOn", o.is_demo as "isDemo"
    from clusters c
    join organisations o on o.id = c.organisation_id
    left join municipalities m on m.code = o.municipality_code
    where c.national_from <= ${year} and c.national_to >= ${year}
    order by o.name`,
  );
}

type LabelLevel = 'bronze' | 'silver' | 'gold';

export interface CatalogueFilter {
  theme?: string | undefined;
  region?: number | undefined;
  league?: 'world_class' | 'regional' | 'emerging' | undefined;
  /** A label level, or 'none' for clusters without a valid label. */
  label?: LabelLevel | 'none' | undefined;
  /** Only these cluster organisations. */
  organisationIds?: readonly string[] | undefined;
  /** YYYY-MM-DD: labels are current when valid on this day. */
  today: string;
}

export interface CatalogueEntry {
  organisationId: string;
  name: string;
  slug: string;
  cvr: string | null;
  website: string | null;
  isDemo: boolean;
  league: 'world_class' | 'regional' | 'emerging';
  themes: string[];
  summaryDa: string;
  summaryEn: string;
  seatCode: number | null;
  seatName: string | null;
  regionCode: number | null;
  endedOn: string | null;
  currentLabel: LabelLevel | null;
  labelValidUntil: string | null;
  innovationPurpose: boolean;
  labelInProcess: boolean;
  staffFte: number | null;
  dedicatedCompanies: number | null;
  boardCompanies: number | null;
  boardKnowledgeInstitutions: number | null;
  boardPublic: number | null;
}

/** The best label valid on a day, per organisation: gold before silver before bronze. */
const currentLabelJoin = (today: string) => sql`
  left join lateral (
    select l.level, l.valid_until
    from cluster_labels l
    where l.organisation_id = o.id and l.awarded_on <= ${today}::date and l.valid_until >= ${today}::date
    order by case l.level when 'gold' then 3 when 'silver' then 2 else 1 end desc, l.valid_until desc
    limit 1
  ) cl on true`;

const entryColumns = sql`
  o.id as "organisationId", o.name, o.slug, o.cvr, o.website, o.is_demo as "isDemo",
  c.league, c.themes, c.summary_da as "summaryDa", c.summary_en as "summaryEn",
  o.municipality_code as "seatCode", m.name as "seatName", m.region_code as "regionCode",
  c.ended_on::text as "endedOn", cl.level as "currentLabel", cl.valid_until::text as "labelValidUntil",
  c.innovation_purpose as "innovationPurpose", c.label_in_process as "labelInProcess",
  c.staff_fte::float8 as "staffFte", c.dedicated_companies as "dedicatedCompanies",
  c.board_companies as "boardCompanies", c.board_knowledge_institutions as "boardKnowledgeInstitutions",
  c.board_public as "boardPublic"`;

/** Active clusters matching the filter, by name; filtering happens in SQL. */
export async function catalogueEntries(db: Queryable, f: CatalogueFilter): Promise<CatalogueEntry[]> {
  const conditions = [sql`(c.ended_on is null or c.ended_on > ${f.today}::date)`];
  if (f.theme) conditions.push(sql`${f.theme} = any(c.themes)`);
  if (f.region) conditions.push(sql`m.region_code = ${f.region}`);
  if (f.league) conditions.push(sql`c.league = ${f.league}`);
  if (f.label === 'none') conditions.push(sql`cl.level is null`);
  else if (f.label) conditions.push(sql`cl.level = ${f.label}`);
  if (f.organisationIds)
    conditions.push(
      sql`o.id in (select jsonb_array_elements_text(${JSON.stringify(f.organisationIds)}::jsonb)::uuid)`,
    );
  return queryRows<CatalogueEntry>(
    db,
    sql`select ${entryColumns}
        from clusters c
        join organisations o on o.id = c.organisation_id
        left join municipalities m on m.code = o.municipality_code
        ${currentLabelJoin(f.today)}
        where ${sql.join(conditions, sql` and `)}
        order by o.name`,
  );
}

/**
 * The catalogue as the public page shows it: the significant clusters (all five criteria met) and
 * the smaller and emerging clusters and networks, each by name.
 */
export async function catalogueBySignificance(
  db: Queryable,
  f: CatalogueFilter,
): Promise<{ significant: CatalogueEntry[]; emerging: CatalogueEntry[] }> {
  const entries = await catalogueEntries(db, f);
  const significant = new Set(entries.filter((e) => evaluateQualification(e).significant));
  return {
    significant: entries.filter((e) => significant.has(e)),
    emerging: entries.filter((e) => !significant.has(e)),
  };
}

export interface ClusterDetail extends CatalogueEntry {
  descriptionDa: string;
  descriptionEn: string;
  strongholdIndustries: string[];
  siteMunicipalities: number[];
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  membersCount: number | null;
  nationalFrom: number | null;
  nationalTo: number | null;
}

export async function clusterBySlug(
  db: Queryable,
  slug: string,
  today: string,
): Promise<ClusterDetail | null> {
  const [row] = await queryRows<ClusterDetail>(
    db,
    sql`select ${entryColumns},
          c.description_da as "descriptionDa", c.description_en as "descriptionEn",
          c.stronghold_industries as "strongholdIndustries", c.site_municipalities as "siteMunicipalities",
          c.contact_name as "contactName", c.contact_email as "contactEmail", c.contact_phone as "contactPhone",
          c.members_count as "membersCount", c.national_from as "nationalFrom", c.national_to as "nationalTo"
        from clusters c
        join organisations o on o.id = c.organisation_id
        left join municipalities m on m.code = o.municipality_code
        ${currentLabelJoin(today)}
        where o.slug = ${slug}`,
  );
  return row ?? null;
}

export interface ProfileDraft {
  profile: ClusterProfile;
  updatedAt: Date;
}

export interface ClusterForEditing {
  cluster: ClusterDetail;
  /** The saved draft, if there is one that still passes the rules. */
  draft: ProfileDraft | null;
  /** What the edit form starts from: the draft, else the published profile. */
  profile: ClusterProfile;
}

/** The cluster named by `slug` with its draft, for a caller who may edit it: not found, then forbidden. */
export async function clusterForEditing(
  db: Queryable,
  caller: Caller,
  slug: string,
  today: string,
): Promise<ClusterForEditing> {
  const cluster = await clusterBySlug(db, slug, today);
  if (!cluster) throw notFound('cluster');
  authorizeProfileEdit(caller, cluster.organisationId);
  const draft = await profileDraft(db, cluster.organisationId);
  return { cluster, draft, profile: draft?.profile ?? publishedProfile(cluster) };
}

async function profileDraft(db: Queryable, organisationId: string): Promise<ProfileDraft | null> {
  const [row] = await db
    .select()
    .from(clusterProfileDrafts)
    .where(eq(clusterProfileDrafts.organisationId, organisationId));
  if (!row) return null;
  const parsed = storedProfile.safeParse(row.profile);
  // A draft that no longer passes the rules is dropped from view rather than published by accident.
  return parsed.success ? { profile: parsed.data, updatedAt: row.updatedAt } : null;
}

async function labelHistory(db: Queryable, organisationId: string) {
  return queryRows<{ level: LabelLevel; awardedOn: string; validUntil: string; assessingBody: string }>(
    db,
    sql`select level, awarded_on::text as "awardedOn", valid_until::text as "validUntil", assessing_body as "assessingBody"
        from cluster_labels where organisation_id = ${organisationId}
        order by awarded_on desc`,
  );
}

async function fundingByYear(db: Queryable, clusterId: string) {
  return queryRows<{ year: number; funder: string; amountDkk: number; responsible: boolean }>(
    db,
    sql`select g.year, f.name as funder, g.amount_dkk::float8 as "amountDkk", g.responsible
        from funding_grants g join organisations f on f.id = g.funder_id
        where g.cluster_id = ${clusterId}
        order by g.year desc, g.responsible desc, f.name`,
  );
}

/** Activities per category over a span of years, counted in SQL. */
async function activityCountsByCategory(db: Queryable, clusterId: string, fromYear: number, toYear: number) {
  return queryRows<{ category: string; activities: number }>(
    db,
    sql`select category, count(*)::int as activities
        from activities
        where cluster_id = ${clusterId} and year between ${fromYear} and ${toYear}
        group by category order by activities desc, category`,
  );
}

async function upcomingEvents(db: Queryable, organisationId: string, now: Date, limit = 5) {
  // Raw rows: a timestamp arrives as a Date from node-postgres and as text from PGlite.
  return queryRows<{
    slug: string;
    title: string;
    startsAt: Date | string;
    location: string;
    lang: 'da' | 'en';
  }>(
    db,
    sql`select slug, title, starts_at as "startsAt", location, lang
        from events
        where organisation_id = ${organisationId} and published_at <= ${now} and ends_at >= ${now}
        order by starts_at limit ${limit}`,
  );
}

async function successStories(db: Queryable, organisationId: string, now: Date, limit = 5) {
  return queryRows<{
    slug: string;
    title: string;
    summary: string;
    publishedAt: Date | string;
    lang: 'da' | 'en';
  }>(
    db,
    sql`select slug, title, summary, published_at as "publishedAt", lang
        from posts
        where organisation_id = ${organisationId} and kind = 'success_story' and published_at <= ${now}
        order by published_at desc limit ${limit}`,
  );
}

/** Activity figures on a cluster's page cover the last three complete programme years. */
export const PROFILE_ACTIVITY_YEARS = { from: 2021, to: 2023 } as const;

/** Everything a cluster's public page shows, or null for an unknown cluster. */
export async function publicClusterProfile(db: Queryable, slug: string, at: { today: string; now: Date }) {
  const cluster = await clusterBySlug(db, slug, at.today);
  if (!cluster) return null;
  const id = cluster.organisationId;
  const { from, to } = PROFILE_ACTIVITY_YEARS;
  const [labels, funding, activities, events, stories] = await Promise.all([
    labelHistory(db, id),
    fundingByYear(db, id),
    activityCountsByCategory(db, id, from, to),
    upcomingEvents(db, id, at.now),
    successStories(db, id, at.now),
  ]);
  return {
    cluster,
    qualification: evaluateQualification(cluster),
    labels,
    funding,
    activities,
    events,
    stories,
  };
}
export type PublicClusterProfile = NonNullable<Awaited<ReturnType<typeof publicClusterProfile>>>;
