import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.ts';
import { events, municipalities, organisations, posts, regions } from '../../db/schema/index.ts';
import type { EventFilter, PostFilter } from './schemas.ts';
import { danishMonthRange } from './time.ts';

export const PAGE_SIZE = 10;
/** Upper bound of a feed or calendar download. */
export const FEED_SIZE = 50;

export type PostKind = (typeof posts.kind.enumValues)[number];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
}

export const pageOf = <T>(items: T[], total: number, page: number): Page<T> => ({
  items,
  total,
  page,
  pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
});

/** Public means published, and not scheduled for later. */
const isPublic = (publishedAt: PgColumn, now: Date) => and(isNotNull(publishedAt), lte(publishedAt, now));
const isUnpublished = (publishedAt: PgColumn, now: Date) =>
  or(isNull(publishedAt), gt(publishedAt, now)) as SQL;

/** The same rule as isPublic, for one row already loaded. */
export const isPublicAt = (publishedAt: Date | null, now: Date): boolean =>
  publishedAt !== null && publishedAt <= now;

/** Who an item is from, as every list shows it. */
export const organisationColumns = {
  organisationId: organisations.id,
  organisationName: organisations.name,
  organisationSlug: organisations.slug,
};

// --- news and success stories ---

const postSummaryColumns = {
  id: posts.id,
  kind: posts.kind,
  slug: posts.slug,
  lang: posts.lang,
  title: posts.title,
  summary: posts.summary,
  publishedAt: posts.publishedAt,
  updatedAt: posts.updatedAt,
  ...organisationColumns,
};

export type PostSummary = Awaited<ReturnType<typeof draftPosts>>[number];

export async function listPublishedPosts(db: Queryable, kind: PostKind, f: PostFilter, now: Date) {
  const where = and(
    eq(posts.kind, kind),
    isPublic(posts.publishedAt, now),
    f.organisation ? eq(posts.organisationId, f.organisation) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(posts).where(where);
  const items = await db
    .select(postSummaryColumns)
    .from(posts)
    .innerJoin(organisations, eq(organisations.id, posts.organisationId))
    .where(where)
    .orderBy(desc(posts.publishedAt), asc(posts.slug))
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE);
  return pageOf(items, total?.n ?? 0, f.page);
}

/** The newest public items, for feeds. */
export async function latestPublishedPosts(db: Queryable, kind: PostKind, now: Date) {
  return db
    .select(postSummaryColumns)
    .from(posts)
    .innerJoin(organisations, eq(organisations.id, posts.organisationId))
    .where(and(eq(posts.kind, kind), isPublic(posts.publishedAt, now)))
    .orderBy(desc(posts.publishedAt), asc(posts.slug))
    .limit(FEED_SIZE);
}

/** Drafts and scheduled items of the given organisations, for their editors. */
export async function draftPosts(db: Queryable, kind: PostKind, organisationIds: string[], now: Date) {
  if (organisationIds.length === 0) return [];
  return db
    .select(postSummaryColumns)
    .from(posts)
    .innerJoin(organisations, eq(organisations.id, posts.organisationId))
    .where(
      and(
        eq(posts.kind, kind),
        inArray(posts.organisationId, organisationIds),
        isUnpublished(posts.publishedAt, now),
      ),
    )
    .orderBy(desc(posts.updatedAt))
    .limit(FEED_SIZE);
}

/** One item whether published or not; the page decides who may see it. */
export async function findPost(db: Queryable, kind: PostKind, slug: string) {
  const [row] = await db
    .select({ ...postSummaryColumns, body: posts.body })
    .from(posts)
    .innerJoin(organisations, eq(organisations.id, posts.organisationId))
    .where(and(eq(posts.kind, kind), eq(posts.slug, slug)));
  return row ?? null;
}
export type PostDetail = NonNullable<Awaited<ReturnType<typeof findPost>>>;

/** Organisations with public items of a kind, for the filter. */
export async function postOrganisations(db: Queryable, kind: PostKind, now: Date) {
  return db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(posts)
    .innerJoin(organisations, eq(organisations.id, posts.organisationId))
    .where(and(eq(posts.kind, kind), isPublic(posts.publishedAt, now)))
    .orderBy(asc(organisations.name));
}

// --- events ---

const eventSummaryColumns = {
  id: events.id,
  slug: events.slug,
  lang: events.lang,
  title: events.title,
  summary: events.summary,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  location: events.location,
  municipalityName: municipalities.name,
  onlineUrl: events.onlineUrl,
  publishedAt: events.publishedAt,
  updatedAt: events.updatedAt,
  ...organisationColumns,
};

function eventConditions(f: EventFilter, now: Date): SQL | undefined {
  const month = f.month ? danishMonthRange(f.month) : null;
  return and(
    isPublic(events.publishedAt, now),
    // An event under way is still upcoming: people may be looking for its address.
    f.when === 'past' ? lt(events.endsAt, now) : gte(events.endsAt, now),
    f.organisation ? eq(events.organisationId, f.organisation) : undefined,
    f.region
      ? sql`${events.municipalityCode} in (select ${municipalities.code} from ${municipalities} where ${municipalities.regionCode} = ${f.region})`
      : undefined,
    month ? and(gte(events.startsAt, month.from), lt(events.startsAt, month.to)) : undefined,
  );
}

function selectEvents(db: Queryable) {
  return db
    .select(eventSummaryColumns)
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.organisationId))
    .leftJoin(municipalities, eq(municipalities.code, events.municipalityCode));
}

/** Upcoming events soonest first, or past events latest first. */
export async function listPublishedEvents(db: Queryable, f: EventFilter, now: Date) {
  const where = eventConditions(f, now);
  const [total] = await db.select({ n: count() }).from(events).where(where);
  const items = await selectEvents(db)
    .where(where)
    .orderBy(f.when === 'past' ? desc(events.startsAt) : asc(events.startsAt), asc(events.slug))
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE);
  return pageOf(items, total?.n ?? 0, f.page);
}
export type EventSummary = Awaited<ReturnType<typeof listPublishedEvents>>['items'][number];

/** Every public event not yet over, for the calendar subscription. */
export async function upcomingPublishedEvents(db: Queryable, now: Date) {
  return selectEvents(db)
    .where(and(isPublic(events.publishedAt, now), gte(events.endsAt, now)))
    .orderBy(asc(events.startsAt), asc(events.slug))
    .limit(500);
}

export async function draftEvents(db: Queryable, organisationIds: string[], now: Date) {
  if (organisationIds.length === 0) return [];
  return selectEvents(db)
    .where(and(inArray(events.organisationId, organisationIds), isUnpublished(events.publishedAt, now)))
    .orderBy(desc(events.updatedAt))
    .limit(FEED_SIZE);
}

export async function findEvent(db: Queryable, slug: string) {
  const [row] = await db
    .select({ ...eventSummaryColumns, body: events.body, municipalityCode: events.municipalityCode })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.organisationId))
    .leftJoin(municipalities, eq(municipalities.code, events.municipalityCode))
    .where(eq(events.slug, slug));
  return row ?? null;
}
export type EventDetail = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export async function eventOrganisations(db: Queryable, now: Date) {
  return db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.organisationId))
    .where(isPublic(events.publishedAt, now))
    .orderBy(asc(organisations.name));
}

export async function listRegions(db: Queryable) {
  return db.select().from(regions).orderBy(asc(regions.code));
}

export async function listMunicipalities(db: Queryable) {
  return db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .orderBy(asc(municipalities.name));
}
