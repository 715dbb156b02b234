import { pgTable, primaryKey, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clusterLabels } from './organisations.ts';

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
