import { sql } from 'drizzle-orm';
import {
  check,
  index,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { municipalities } from './reference.ts';

export const postKind = pgEnum('post_kind', ['news', 'success_story']);
export const contentLang = pgEnum('content_lang', ['da', 'en']);
/** Whom an event is for; an event may name several, and "everyone" is for all of them. */
export const eventTargetGroup = pgEnum('event_target_group', [
  'companies',
  'cluster_staff',
  'researchers',
  'public_bodies',
  'everyone',
]);

/** News and success stories, written by the support function or a cluster organisation. */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: postKind('kind').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    slug: text('slug').notNull(),
    lang: contentLang('lang').notNull().default('da'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Markdown; rendered with raw HTML disabled and links checked. */
    body: text('body').notNull().default(''),
    /** Null while a draft. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('posts_slug_key').on(t.slug),
    index('posts_published_idx').on(t.kind, t.publishedAt),
    index('posts_org_idx').on(t.organisationId),
  ],
);

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    slug: text('slug').notNull(),
    lang: contentLang('lang').notNull().default('da'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    municipalityCode: smallint('municipality_code').references(() => municipalities.code),
    onlineUrl: text('online_url'),
    /** A second organiser of a joint event (a business hub with a cluster); shown beside the first. */
    coOrganisationId: uuid('co_organisation_id').references(() => organisations.id),
    /** Whom it is for; empty when the organiser did not say (older events). */
    targetGroups: eventTargetGroup('target_groups').array().notNull().default(sql`'{}'`),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('events_slug_key').on(t.slug),
    index('events_starts_idx').on(t.startsAt),
    index('events_org_idx').on(t.organisationId),
    check('events_end_after_start', sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);
