import { sql } from 'drizzle-orm';
import { customType, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const collaborationModel = pgEnum('collaboration_model', [
  'referral_agreement',
  'joint_events',
  'local_node',
  'shared_staff',
  'joint_project',
  'merger',
  'other',
]);
export const practiceCaseStatus = pgEnum('practice_case_status', ['proposed', 'published']);

/**
 * A case of good collaboration between local, regional and national clusters and business hubs
 * (seed 001, E2): who took part, the model, what worked and whom to ask. Proposed by a cluster or
 * a hub, edited and published by the support function.
 */
export const practiceCases = pgTable(
  'practice_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    model: collaborationModel('model').notNull(),
    /** Keys of src/domain/best-practice/levels.ts: the kinds of actor that took part. */
    levels: text('levels').array().notNull(),
    /** The organisations that took part and their roles, as written by the proposer. */
    actors: text('actors').notNull(),
    whatWorked: text('what_worked').notNull(),
    /** What to watch out for; may be empty. */
    pitfalls: text('pitfalls').notNull().default(''),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    status: practiceCaseStatus('status').notNull().default('proposed'),
    proposerId: uuid('proposer_id')
      .notNull()
      .references(() => organisations.id),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Danish full-text vector: title (A), summary and actors (B), what worked and pitfalls (C). */
    document: tsvector('document')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('danish', title), 'A') || setweight(to_tsvector('danish', summary || ' ' || actors), 'B') || setweight(to_tsvector('danish', what_worked || ' ' || pitfalls), 'C')`,
      ),
  },
  (t) => [
    index('practice_cases_document_idx').using('gin', t.document),
    index('practice_cases_status_idx').on(t.status, t.publishedAt),
  ],
);
