import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { role, users } from './accounts.ts';
import { organisations } from './organisations.ts';

/**
 * An in-app notification for an organisation (its members, or those holding `recipientRole`
 * there: a funder organisation's assessors are not told about funding plans) or for one user.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientOrganisationId: uuid('recipient_organisation_id').references(() => organisations.id, {
      onDelete: 'cascade',
    }),
    recipientUserId: uuid('recipient_user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Of an organisation's members, only those with this role; every member when null. */
    recipientRole: role('recipient_role'),
    text: text('text').notNull(),
    textEn: text('text_en').notNull(),
    /** A site path (Danish), e.g. /finansiering/planer/<id>. */
    link: text('link').notNull(),
    read: boolean('read').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_organisation_idx').on(t.recipientOrganisationId, t.read),
    index('notifications_user_idx').on(t.recipientUserId, t.read),
    check(
      'notifications_one_recipient',
      sql`(${t.recipientOrganisationId} is null) <> (${t.recipientUserId} is null)`,
    ),
  ],
);
