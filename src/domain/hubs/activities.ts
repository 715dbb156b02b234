/**
 * The clusters' upcoming activities as the business hubs see them: every published event of a
 * cluster organisation not yet over, with its cluster's themes and the region it takes place in
 * (the event's municipality, else the cluster's seat). Filtered, counted and paged in SQL.
 */
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { isThemeKey } from '../catalogue/themes.ts';
import { FEED_SIZE, forAudience, PAGE_SIZE, type Page, pageOf } from '../content/queries.ts';
import { EVENT_TARGET_GROUPS } from '../content/schemas.ts';
import { authorize } from '../policy/policy.ts';
import { REGION_CODES } from '../reference/geography.ts';

/** The filters of the list and of its feeds (one query string); anything malformed is ignored. */
export const activityFilter = z.object({
  region: z.coerce
    .number()
    .int()
    .refine((code) => REGION_CODES.has(code))
    .optional()
    .catch(undefined),
  theme: z.string().refine(isThemeKey).optional().catch(undefined),
  audience: z.enum(EVENT_TARGET_GROUPS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ActivityFilter = z.infer<typeof activityFilter>;
/** The filter without paging: what a feed or the landing page asks for. */
type FeedFilter = Pick<ActivityFilter, 'region' | 'theme' | 'audience'>;

export interface ClusterActivity {
  id: string;
  slug: string;
  lang: 'da' | 'en';
  title: string;
  summary: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  publishedAt: Date;
  location: string;
  municipalityName: string | null;
  onlineUrl: string | null;
  /** Where it takes place: the event's municipality's region, else the cluster's seat's; null when neither is known. */
  regionCode: number | null;
  clusterName: string;
  clusterSlug: string;
  /** Theme keys of the organising cluster. */
  themes: string[];
}

const columns = sql`e.id, e.slug, e.lang, e.title, e.summary, e.starts_at as "startsAt", e.ends_at as "endsAt",
  e.updated_at as "updatedAt", e.published_at as "publishedAt", e.location, m.name as "municipalityName", e.online_url as "onlineUrl",
  coalesce(m.region_code, om.region_code) as "regionCode", o.name as "clusterName", o.slug as "clusterSlug",
  c.themes`;
const from = sql`events e join organisations o on o.id = e.organisation_id and o.kind = 'cluster_organisation'
  join clusters c on c.organisation_id = o.id
  left join municipalities m on m.code = e.municipality_code
  left join municipalities om on om.code = o.municipality_code`;

function conditions(f: FeedFilter, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`e.published_at is not null and e.published_at <= ${at} and e.ends_at >= ${at}
    ${f.region === undefined ? sql`` : sql`and coalesce(m.region_code, om.region_code) = ${f.region}`}
    ${f.theme === undefined ? sql`` : sql`and ${f.theme} = any(c.themes)`}
    ${f.audience === undefined ? sql`` : sql`and ${forAudience(sql`e.target_groups`, f.audience)}`}`;
}

const toActivity = (r: ClusterActivity): ClusterActivity => ({
  ...r,
  startsAt: new Date(r.startsAt),
  endsAt: new Date(r.endsAt),
  updatedAt: new Date(r.updatedAt),
  publishedAt: new Date(r.publishedAt),
  regionCode: r.regionCode === null ? null : Number(r.regionCode),
});

async function selectActivities(db: Queryable, where: SQL, limit: number, offset: number) {
  const rows = await queryRows<ClusterActivity>(
    db,
    sql`select ${columns} from ${from} where ${where} order by e.starts_at, e.slug limit ${limit} offset ${offset}`,
  );
  return rows.map(toActivity);
}

/** One page of the upcoming activities matching the filter, soonest first. */
export async function upcomingClusterActivities(
  db: Queryable,
  caller: Caller,
  f: ActivityFilter,
  now: Date,
): Promise<Page<ClusterActivity>> {
  authorize(caller.principal, 'clusterActivities.viewAll');
  const where = conditions(f, now);
  const [total] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${from} where ${where}`,
  );
  const items = await selectActivities(db, where, PAGE_SIZE, (f.page - 1) * PAGE_SIZE);
  return pageOf(items, Number(total?.n ?? 0), f.page);
}

/** The soonest activities matching the filter, for the calendar and RSS feeds and the landing page. */
export async function clusterActivityFeed(
  db: Queryable,
  caller: Caller,
  f: FeedFilter,
  now: Date,
  limit = FEED_SIZE,
): Promise<ClusterActivity[]> {
  authorize(caller.principal, 'clusterActivities.viewAll');
  return selectActivities(db, conditions(f, now), limit, 0);
}
