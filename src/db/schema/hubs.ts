import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { events } from './content.ts';
import { organisations } from './organisations.ts';
import { municipalities } from './reference.ts';

export const jointEventStatus = pgEnum('joint_event_status', ['proposed', 'accepted', 'declined']);

/**
 * A joint event a business hub proposes to a cluster (seed 000). The cluster's staff accept it,
 * which publishes it as an event of the cluster with the hub as co-organiser, or decline it with
 * a reason.
 */
export const jointEventProposals = pgTable(
  'joint_event_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hubId: uuid('hub_id')
      .notNull()
      .references(() => organisations.id),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull(),
    municipalityCode: smallint('municipality_code').references(() => municipalities.code),
    status: jointEventStatus('status').notNull().default('proposed'),
    declineReason: text('decline_reason'),
    /** The published event, once accepted. */
    eventId: uuid('event_id').references(() => events.id),
    proposedBy: uuid('proposed_by'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    answeredBy: uuid('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('joint_event_proposals_cluster_idx').on(t.clusterId, t.status),
    index('joint_event_proposals_hub_idx').on(t.hubId),
    check('joint_event_proposals_end_after_start', sql`${t.endsAt} >= ${t.startsAt}`),
    check(
      'joint_event_proposals_answer',
      sql`(${t.status} = 'declined') = (${t.declineReason} is not null) and (${t.status} = 'accepted') = (${t.eventId} is not null)`,
    ),
  ],
);
