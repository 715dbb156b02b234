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
import type { Caller } from '../caller.ts';
import { forbidden, notFound } from '../errors.ts';
import type { Principal } from '../policy/policy.ts';
import { canPublishFor, isPublicAt, mayViewItem, publishingOrganisations } from './policy.ts';
import type { EventFilter, EventTargetGroup, PostFilter } from './schemas.ts';
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

/** Public means published, and not scheduled for later (isPublicAt in policy.ts, for one row). */
const isPublic = (publishedAt: PgColumn, now: Date) => and(isNotNull(publishedAt), lte(publishedAt, now));
const isUnpublished = (publishedAt: PgColumn, now: Date) =>
  or(isNull(publishedAt), gt(publishedAt, now)) as SQL;

/** An item as one principal sees it: null unless they may; with whether it is public and theirs to edit. */
function asSeenBy<T extends { organisationId: string; publishedAt: Date | null }>(
  item: T | null,
  principal: Principal | null,
  now: Date,
) {
  if (!item || !mayViewItem(principal, item, now)) return null;
  return {
    ...item,
    isPublic: isPublicAt(item.publishedAt, now),
    editable: canPublishFor(principal, item.organisationId),
  };
}

/** An item to edit: not found when there is none, refused unless the editor may publish it. */
function toEdit<T extends { organisationId: string; publishedAt: Date | null }>(
  item: T | null,
  editor: Caller,
  now: Date,
  what: string,
) {
  if (!item) throw notFound(what);
  if (!canPublishFor(editor.principal, item.organisationId)) throw forbidden(`Not allowed: edit ${what}`);
  return { ...item, isPublic: isPublicAt(item.publishedAt, now) };
}

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

/** The drafts and scheduled items of the organisations the principal publishes for. */
export async function draftPosts(db: Queryable, principal: Principal | null, kind: PostKind, now: Date) {
  const organisationIds = publishingOrganisations(principal).map((m) => m.organisationId);
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

async function findPost(db: Queryable, kind: PostKind, slug: string) {
  const [row] = await db
    .select({ ...postSummaryColumns, body: posts.body })
    .from(posts)
    .innerJoin(organisations, eq(organisations.id, posts.organisationId))
    .where(and(eq(posts.kind, kind), eq(posts.slug, slug)));
  return row ?? null;
}

/** One post as the principal may see it (a draft only by its editors); null otherwise. */
export async function viewablePost(
  db: Queryable,
  principal: Principal | null,
  kind: PostKind,
  slug: string,
  now: Date,
) {
  return asSeenBy(await findPost(db, kind, slug), principal, now);
}

/** The post to edit; refused unless the editor may publish it. */
export async function postToEdit(db: Queryable, editor: Caller, kind: PostKind, slug: string, now: Date) {
  return toEdit(await findPost(db, kind, slug), editor, now, 'post');
}
export type PostDetail = Awaited<ReturnType<typeof postToEdit>>;

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

/**
 * SQL: the event's target groups (an event_target_group[] expression) take in `audience`: it is
 * named, or the event is for everyone.
 */
export const forAudience = (groups: SQL, audience: EventTargetGroup): SQL =>
  sql`(${audience}::event_target_group = any(${groups}) or 'everyone' = any(${groups}))`;

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
    f.audience ? forAudience(sql`${events.targetGroups}`, f.audience) : undefined,
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

/** The draft and scheduled events of the organisations the principal publishes for. */
export async function draftEvents(db: Queryable, principal: Principal | null, now: Date) {
  const organisationIds = publishingOrganisations(principal).map((m) => m.organisationId);
  if (organisationIds.length === 0) return [];
  return selectEvents(db)
    .where(and(inArray(events.organisationId, organisationIds), isUnpublished(events.publishedAt, now)))
    .orderBy(desc(events.updatedAt))
    .limit(FEED_SIZE);
}

async function findEvent(db: Queryable, slug: string) {
  const [row] = await db
    .select({
      ...eventSummaryColumns,
      body: events.body,
      municipalityCode: events.municipalityCode,
      targetGroups: events.targetGroups,
      // A joint event's second organiser (src/domain/hubs/joint-events.ts)
      coOrganisationName: sql<
        string | null
      >`(select co.name from ${organisations} co where co.id = ${events.coOrganisationId})`,
    })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.organisationId))
    .leftJoin(municipalities, eq(municipalities.code, events.municipalityCode))
    .where(eq(events.slug, slug));
  return row ?? null;
}

/** One event as the principal may see it (a draft only by its editors); null otherwise. */
export async function viewableEvent(db: Queryable, principal: Principal | null, slug: string, now: Date) {
  return asSeenBy(await findEvent(db, slug), principal, now);
}

/** One public event, for its calendar file: a draft has none, not even for its editors. */
export async function publishedEvent(db: Queryable, slug: string, now: Date) {
  return asSeenBy(await findEvent(db, slug), null, now);
}

/** The event to edit; refused unless the editor may publish it. */
export async function eventToEdit(db: Queryable, editor: Caller, slug: string, now: Date) {
  return toEdit(await findEvent(db, slug), editor, now, 'event');
}
export type EventDetail = Awaited<ReturnType<typeof eventToEdit>>;

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
