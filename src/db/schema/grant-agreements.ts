import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { fundingGrants } from './organisations.ts';

/** A grant agreement is drawn up by the funder, sent to the cluster and accepted by it (docs/grants.md). */
export const grantAgreementStatus = pgEnum('grant_agreement_status', ['draft', 'sent', 'accepted']);

/** The agreement of one grant: its state, the funder's own conditions, and who moved it on and when. */
export const grantAgreements = pgTable(
  'grant_agreements',
  {
    grantId: uuid('grant_id')
      .primaryKey()
      .references(() => fundingGrants.id, { onDelete: 'cascade' }),
    status: grantAgreementStatus('status').notNull().default('draft'),
    /** The funder's conditions beyond the template's (reporting duty, action plan, payments). */
    conditions: text('conditions'),
    issuedBy: uuid('issued_by').references(() => users.id, { onDelete: 'set null' }),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [
    check('grant_agreements_sent_when_sent', sql`(${t.status} = 'draft') = (${t.sentAt} is null)`),
    check(
      'grant_agreements_accepted_when_accepted',
      sql`(${t.status} = 'accepted') = (${t.acceptedAt} is not null)`,
    ),
  ],
);

/** The payment plan of a grant: instalments that add up to the grant, each paid or not. */
export const grantInstalments = pgTable(
  'grant_instalments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => fundingGrants.id, { onDelete: 'cascade' }),
    dueOn: date('due_on').notNull(),
    amountDkk: bigint('amount_dkk', { mode: 'number' }).notNull(),
    /** The day the funder paid it; null while not paid. */
    paidOn: date('paid_on'),
  },
  (t) => [
    index('grant_instalments_grant_idx').on(t.grantId, t.dueOn),
    check('grant_instalments_amount_positive', sql`${t.amountDkk} > 0`),
  ],
);
