import { sql } from 'drizzle-orm';
import {
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

/** How the actors of a case worked together; the pages name them in src/http/web/practices/messages.ts. */
export const practiceModel = pgEnum('practice_model', [
  'referral_partnership',
  'joint_events',
  'joint_programme',
  'division_of_labour',
  'shared_staff',
  'other',
]);
/** A case is proposed by a cluster or a hub, then published or rejected by the support function. */
export const practiceStatus = pgEnum('practice_status', ['proposed', 'published', 'rejected']);

/**
 * The best-practice catalogue (seed 001 E2): collaboration between local, regional and national
 * clusters and business hubs told as a structured case. Proposed by a cluster's or a hub's staff,
 * edited and published (or rejected with a reason) by the support function; public once published.
 */
export const practiceCases = pgTable(
  'practice_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Fixed once created, so links keep working when the title is edited. */
    slug: text('slug').notNull(),
    status: practiceStatus('status').notNull().default('proposed'),
    model: practiceModel('model').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    whatWasDone: text('what_was_done').notNull(),
    whatWorked: text('what_worked').notNull(),
    whatDidNot: text('what_did_not').notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    /** Region codes (1081–1085) the collaboration covered. */
    regions: smallint('regions').array().notNull(),
    /** Theme keys (src/domain/catalogue/themes.ts). */
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    /** The cluster or hub that proposed it; the search lists the case under it. */
    proposerOrganisationId: uuid('proposer_organisation_id')
      .notNull()
      .references(() => organisations.id),
    proposedBy: uuid('proposed_by'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    rejectReason: text('reject_reason'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('practice_cases_slug_idx').on(t.slug),
    index('practice_cases_status_idx').on(t.status, t.publishedAt),
    check('practice_cases_regions', sql`cardinality(${t.regions}) > 0`),
    check(
      'practice_cases_review',
      sql`(${t.status} = 'rejected') = (${t.rejectReason} is not null) and (${t.status} = 'published') = (${t.publishedAt} is not null)`,
    ),
  ],
);

/** The organisations of the register that took part in a case. */
export const practiceCaseActors = pgTable(
  'practice_case_actors',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => practiceCases.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.organisationId], name: 'practice_case_actors_pkey' }),
    index('practice_case_actors_organisation_idx').on(t.organisationId),
  ],
);
