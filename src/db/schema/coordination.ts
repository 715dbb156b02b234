import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

export const initiativeStatus = pgEnum('initiative_status', ['planned', 'decided', 'abandoned']);

/**
 * A funder's planned cluster initiative, recorded before it is decided so the other funders can
 * be heard first (seed 000: "Dialog og åbenhed om bevillinger").
 */
export const plannedInitiatives = pgTable(
  'planned_initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** A theme key of src/domain/catalogue/themes.ts. */
    theme: text('theme').notNull(),
    regionCodes: smallint('region_codes').array().notNull(),
    budgetDkk: bigint('budget_dkk', { mode: 'number' }).notNull(),
    /** Comments are taken until the end of this day, Danish time. */
    decisionDate: date('decision_date').notNull(),
    relatedClusterIds: uuid('related_cluster_ids').array().notNull().default(sql`'{}'::uuid[]`),
    status: initiativeStatus('status').notNull().default('planned'),
    outcomeNote: text('outcome_note'),
    proposedBy: uuid('proposed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('planned_initiatives_funder_idx').on(t.funderId),
    check('planned_initiatives_budget_nonnegative', sql`${t.budgetDkk} >= 0`),
    check('planned_initiatives_regions_present', sql`cardinality(${t.regionCodes}) > 0`),
  ],
);

/** Another funder's comment on a planned initiative. */
export const initiativeComments = pgTable(
  'initiative_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => plannedInitiatives.id, { onDelete: 'cascade' }),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => organisations.id),
    authorId: uuid('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_comments_initiative_idx').on(t.initiativeId, t.createdAt)],
);
