import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

/** Bytes of a stored file. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** An article to read, or a template to download in versions. */
export const knowledgeKind = pgEnum('knowledge_kind', ['article', 'template']);
/** Who may read an item: everybody, or only those signed in. */
export const knowledgeAccess = pgEnum('knowledge_access', ['public', 'signed_in']);
/** What an item is about; the list is grouped by it. */
export const knowledgeTopic = pgEnum('knowledge_topic', [
  'collaboration',
  'ipr',
  'financing',
  'governance',
  'internationalisation',
]);

/**
 * The support function's knowledge base: articles (Markdown in Danish and English) and templates
 * (the same, plus downloadable files in versions). Kept by the support function's staff.
 */
export const knowledgeItems = pgTable(
  'knowledge_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The support function organisation that publishes it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Fixed once created, so links keep working when the title is edited. */
    slug: text('slug').notNull(),
    kind: knowledgeKind('kind').notNull(),
    topic: knowledgeTopic('topic').notNull(),
    access: knowledgeAccess('access').notNull(),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en').notNull(),
    summaryDa: text('summary_da').notNull(),
    summaryEn: text('summary_en').notNull(),
    bodyDa: text('body_da').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('knowledge_items_slug_idx').on(t.slug), index('knowledge_items_topic_idx').on(t.topic)],
);

/**
 * The files of a template, one row per uploaded version, never replaced: an old version stays
 * downloadable. Templates are small documents, so the bytes are kept in the row, in the same
 * transaction (and backup) as the changelog that describes them.
 */
export const templateVersions = pgTable(
  'template_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => knowledgeItems.id, { onDelete: 'cascade' }),
    /** 1, 2, 3 … per template. */
    version: integer('version').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    /** "What changed" in this version. */
    changesDa: text('changes_da').notNull(),
    changesEn: text('changes_en').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('template_versions_item_version_idx').on(t.itemId, t.version),
    check('template_versions_version_positive', sql`${t.version} > 0`),
    check('template_versions_size', sql`${t.sizeBytes} = octet_length(${t.content})`),
  ],
);
