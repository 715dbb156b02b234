import { jsonb, pgTable, primaryKey, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';
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
