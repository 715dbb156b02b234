import { customType, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { contentLang } from './content.ts';
import { organisations } from './organisations.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const searchKind = pgEnum('search_kind', [
  'cluster',
  'activity',
  'news',
  'story',
  'event',
  'call',
  'service',
  'knowledge',
  'practice',
]);

/**
 * One row per searchable item (cluster, activity, news, success story, event, call): the search
 * index of the public entry. Derived data: only the triggers of the search migration write it,
 * in the transaction that changes the source row, so it is never stale. Visibility is kept as a
 * moment (`visible_from`) and checked at query time, because a post scheduled for tomorrow must
 * appear tomorrow without any write. Cluster filters (theme, region, league, label) join the
 * owning organisation at query time for the same reason: labels expire by date.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    kind: searchKind('kind').notNull(),
    /** The source row's primary key as text (uuid, or the bigint of an activity). */
    sourceId: text('source_id').notNull(),
    /** The cluster of a cluster or activity; the author of a post or event; the owner of a call. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The item's own page; null for activities, which are shown on their cluster's page. */
    slug: text('slug'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Clusters only: the English summary. */
    summaryEn: text('summary_en').notNull().default(''),
    lang: contentLang('lang'),
    /** When the item happens or happened: event start, call deadline, activity start, publication. */
    occursAt: timestamp('occurs_at', { withTimezone: true }),
    /** Public from this moment; null while a draft. */
    visibleFrom: timestamp('visible_from', { withTimezone: true }),
    /** Danish full-text vector: title (A), summary (B), body or description (C), place (D). */
    document: tsvector('document').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.sourceId], name: 'search_documents_pkey' }),
    index('search_documents_document_idx').using('gin', t.document),
    index('search_documents_organisation_idx').on(t.organisationId),
  ],
);

/**
 * The vocabulary of the search index: every lexeme that occurs in a search document, with its
 * folded spelling under a trigram index. A query word that matches no lexeme exactly (a typo,
 * "fodevarer" without ø, or a part of a compound such as "klynge" in "energiklynge") is widened
 * to the most similar lexemes here before the full-text search runs. Trigram matching a few
 * thousand short lexemes is far cheaper than trigram matching every title. Rows are only added
 * (by trigger); a lexeme no document uses any more merely widens a query to match nothing.
 */
export const searchLexemes = pgTable(
  'search_lexemes',
  {
    lexeme: text('lexeme').primaryKey(),
    folded: text('folded').notNull(),
  },
  (t) => [index('search_lexemes_folded_trgm_idx').using('gin', t.folded.op('gin_trgm_ops'))],
);
