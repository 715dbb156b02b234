import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';
import { municipalities } from './reference.ts';

/**
 * A joint event proposed by a cluster or a business hub to co-organisers (seed 000: joint events
 * and marketing). Only the proposal and the co-organisers' answers live here; a shared sign-up
 * comes with the support function's event work.
 */
export const jointEventProposals = pgTable(
  'joint_event_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposerId: uuid('proposer_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    proposedDate: date('proposed_date').notNull(),
    municipalityCode: smallint('municipality_code').references(() => municipalities.code),
    /** A theme key of src/domain/catalogue/themes.ts. */
    theme: text('theme').notNull(),
    /** Keys of src/domain/hubs/target-groups.ts. */
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('joint_event_proposals_proposer_idx').on(t.proposerId)],
);

export const coOrganiserAnswer = pgEnum('co_organiser_answer', ['invited', 'accepted', 'declined']);

/** An organisation invited to organise a proposed joint event, and its answer. */
export const jointEventCoOrganisers = pgTable(
  'joint_event_co_organisers',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => jointEventProposals.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    answer: coOrganiserAnswer('answer').notNull().default('invited'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.organisationId] }),
    index('joint_event_co_organisers_organisation_idx').on(t.organisationId),
    check('joint_event_co_organisers_answered', sql`(${t.answer} = 'invited') = (${t.answeredAt} is null)`),
  ],
);
