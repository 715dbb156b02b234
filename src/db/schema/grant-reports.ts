import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { fundingGrants } from './organisations.ts';
import { activityCategory } from './reporting.ts';

/*
 * A grant's follow-up by the cluster that receives it (docs/grants.md): change requests decided by
 * the grant's funder, the grant's budget per activity category and the cluster's financial report.
 */

export const grantChangeKind = pgEnum('grant_change_kind', ['budget_shift', 'deadline']);
export const grantChangeStatus = pgEnum('grant_change_status', ['submitted', 'approved', 'rejected']);

/** A cluster's request to shift budget between two activity categories or to move a deadline. */
export const grantChangeRequests = pgTable(
  'grant_change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => fundingGrants.id, { onDelete: 'cascade' }),
    kind: grantChangeKind('kind').notNull(),
    /** A budget shift: this amount moves from one category to another. */
    fromCategory: activityCategory('from_category'),
    toCategory: activityCategory('to_category'),
    amountDkk: bigint('amount_dkk', { mode: 'number' }),
    /** A deadline change: the new deadline asked for. */
    newDeadline: date('new_deadline'),
    reason: text('reason').notNull(),
    status: grantChangeStatus('status').notNull().default('submitted'),
    decisionReason: text('decision_reason'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('grant_change_requests_grant_idx').on(t.grantId, t.requestedAt),
    check(
      'grant_change_requests_kind_fields',
      sql`(${t.kind} = 'budget_shift' and ${t.fromCategory} is not null and ${t.toCategory} is not null
           and ${t.fromCategory} <> ${t.toCategory} and ${t.amountDkk} > 0 and ${t.newDeadline} is null)
          or (${t.kind} = 'deadline' and ${t.newDeadline} is not null and ${t.fromCategory} is null
           and ${t.toCategory} is null and ${t.amountDkk} is null)`,
    ),
    check('grant_change_requests_decided', sql`(${t.status} = 'submitted') = (${t.decidedAt} is null)`),
  ],
);

/** A grant's budget split per activity category; its total is the grant's amount. */
export const grantBudgetLines = pgTable(
  'grant_budget_lines',
  {
    grantId: uuid('grant_id')
      .notNull()
      .references(() => fundingGrants.id, { onDelete: 'cascade' }),
    category: activityCategory('category').notNull(),
    budgetDkk: bigint('budget_dkk', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.grantId, t.category] }),
    check('grant_budget_lines_nonnegative', sql`${t.budgetDkk} >= 0`),
  ],
);

export const financialReportStatus = pgEnum('financial_report_status', ['submitted', 'approved']);

/** The cluster's financial report on a grant (one grant is one funder's money for one year). */
export const grantFinancialReports = pgTable(
  'grant_financial_reports',
  {
    grantId: uuid('grant_id')
      .primaryKey()
      .references(() => fundingGrants.id, { onDelete: 'cascade' }),
    status: financialReportStatus('status').notNull().default('submitted'),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'grant_financial_reports_approved',
      sql`(${t.status} = 'approved') = (${t.approvedAt} is not null)`,
    ),
  ],
);

/** What the cluster spent of a grant per activity category. */
export const grantFinancialReportLines = pgTable(
  'grant_financial_report_lines',
  {
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grantFinancialReports.grantId, { onDelete: 'cascade' }),
    category: activityCategory('category').notNull(),
    spentDkk: bigint('spent_dkk', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.grantId, t.category] }),
    check('grant_financial_report_lines_nonnegative', sql`${t.spentDkk} >= 0`),
  ],
);
