import {
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { clusterLabels, organisations } from './organisations.ts';

/**
 * The reminders sent before a label expires (issue 20, item 7), one row per label and edge (12, 6
 * or 3 months before): the row is the claim that makes `klynge labels remind` send each once.
 */
export const labelExpiryReminders = pgTable(
  'label_expiry_reminders',
  {
    labelId: uuid('label_id')
      .notNull()
      .references(() => clusterLabels.id, { onDelete: 'cascade' }),
    monthsBefore: smallint('months_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.labelId, t.monthsBefore] })],
);

/**
 * A cluster's self-assessment against the label criteria (src/domain/labels/criteria.ts): the
 * current score per criterion key, kept up to date by its staff; the audit log keeps the earlier ones.
 */
export const labelSelfAssessments = pgTable('label_self_assessments', {
  clusterId: uuid('cluster_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  /** Score (0, 1 or 2) per criterion key. */
  scores: jsonb('scores').$type<Record<string, number>>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A cluster's improvement plan towards its label: dated actions, open until the cluster marks
 * them done (the Silver label asks for an improvement plan, seed 001 D3).
 */
export const labelImprovementActions = pgTable(
  'label_improvement_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('label_improvement_actions_cluster_idx').on(t.clusterId, t.dueOn)],
);
