/**
 * The cluster's financial report on a grant (docs/grants.md): what it spent per activity category
 * against the grant's budget split (entered with the first report when the grant has none), then
 * approved by the grant's funder. Sums and differences are computed in SQL.
 */
import { sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { addNotifications } from '../notifications/commands.ts';
import {
  ACTIVITY_CATEGORIES,
  type ActivityCategory,
  authorizeDecision,
  authorizeReport,
  type FollowedGrant,
  followedGrant,
  grantFollowUpPath,
} from './follow-up.ts';
import type { CategoryAmounts, FinancialReportInput } from './follow-up-schemas.ts';

export type FinancialReportStatus = 'not_submitted' | 'submitted' | 'approved';

export interface FinancialReportLine {
  category: ActivityCategory;
  budgetDkk: number;
  spentDkk: number;
  /** Budget minus spent: what is left (negative when overspent). */
  remainingDkk: number;
}

export interface FinancialReport {
  grant: FollowedGrant;
  status: FinancialReportStatus;
  /** Whether the grant has a budget split; without one the cluster enters it with the report. */
  hasBudget: boolean;
  lines: FinancialReportLine[];
  totals: { budgetDkk: number; spentDkk: number; remainingDkk: number };
  submittedAt: Date | null;
  approvedAt: Date | null;
}

async function reportStatus(db: Queryable, grantId: string, lock = false) {
  const [row] = await queryRows<{
    status: 'submitted' | 'approved';
    submittedAt: Date;
    approvedAt: Date | null;
  }>(
    db,
    sql`select status, submitted_at as "submittedAt", approved_at as "approvedAt"
        from grant_financial_reports where grant_id = ${grantId} ${lock ? sql`for update` : sql``}`,
  );
  return row;
}

async function hasBudgetSplit(db: Queryable, grantId: string): Promise<boolean> {
  const [row] = await queryRows<{ has: boolean }>(
    db,
    sql`select exists(select 1 from grant_budget_lines where grant_id = ${grantId}) as has`,
  );
  return Boolean(row?.has);
}

/** Budget and spent per category in the categories' order, with the totals, summed in SQL. */
async function reportLines(db: Queryable, grantId: string) {
  const lines = await queryRows<FinancialReportLine>(
    db,
    sql`select c.category, coalesce(b.budget_dkk, 0)::float8 as "budgetDkk",
               coalesce(s.spent_dkk, 0)::float8 as "spentDkk",
               (coalesce(b.budget_dkk, 0) - coalesce(s.spent_dkk, 0))::float8 as "remainingDkk"
        from unnest(enum_range(null::activity_category)) with ordinality as c(category, position)
        left join grant_budget_lines b on b.grant_id = ${grantId} and b.category = c.category
        left join grant_financial_report_lines s on s.grant_id = ${grantId} and s.category = c.category
        order by c.position`,
  );
  const [totals] = await queryRows<FinancialReport['totals']>(
    db,
    sql`select coalesce(b.total, 0)::float8 as "budgetDkk", coalesce(s.total, 0)::float8 as "spentDkk",
               (coalesce(b.total, 0) - coalesce(s.total, 0))::float8 as "remainingDkk"
        from (select sum(budget_dkk) as total from grant_budget_lines where grant_id = ${grantId}) b,
             (select sum(spent_dkk) as total from grant_financial_report_lines where grant_id = ${grantId}) s`,
  );
  return { lines, totals: totals as FinancialReport['totals'] };
}

/** The grant's financial report as it stands, for whoever may read the grant's follow-up. */
export async function financialReportOf(
  db: Queryable,
  caller: Caller,
  grantId: string,
): Promise<FinancialReport> {
  const grant = await followedGrant(db, caller, grantId);
  const [stored, hasBudget, { lines, totals }] = await Promise.all([
    reportStatus(db, grant.id),
    hasBudgetSplit(db, grant.id),
    reportLines(db, grant.id),
  ]);
  return {
    grant,
    status: stored?.status ?? 'not_submitted',
    hasBudget,
    lines,
    totals,
    // Raw rows carry timestamps as the driver gives them (a string on one, a Date on the other).
    submittedAt: stored ? new Date(stored.submittedAt) : null,
    approvedAt: stored?.approvedAt ? new Date(stored.approvedAt) : null,
  };
}

const firstBudgetField = `budget_${ACTIVITY_CATEGORIES[0]}`;

/** Stores the budget split entered with the report; its total must be the grant's amount. */
async function storeBudgetSplit(tx: Tx, grant: FollowedGrant, budget: CategoryAmounts | undefined) {
  if (!budget)
    throw new AppError('validation', 'budget split required', [
      { field: firstBudgetField, message: 'required' },
    ]);
  const total = Object.values(budget).reduce((a, b) => a + b, 0);
  if (total !== grant.amountDkk)
    throw new AppError('validation', 'budget total differs from the grant', [
      { field: firstBudgetField, message: 'budgetTotal' },
    ]);
  await tx.execute(
    sql`insert into grant_budget_lines (grant_id, category, budget_dkk) values ${sql.join(
      ACTIVITY_CATEGORIES.map((c) => sql`(${grant.id}, ${c}, ${budget[c]})`),
      sql`, `,
    )}`,
  );
}

/**
 * The cluster's staff submit (or, until it is approved, correct) the financial report and the
 * grant's funder is told. Refusals: forbidden (not the cluster's staff), validation (no budget
 * split given where the grant has none, or one whose total is not the grant's amount), conflict
 * (approved already).
 */
export async function submitFinancialReport(
  db: Db,
  caller: Caller,
  grantId: string,
  input: FinancialReportInput,
  now: Date,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const grant = await followedGrant(tx, caller, grantId, true);
    authorizeReport(caller, grant);
    if ((await reportStatus(tx, grant.id, true))?.status === 'approved')
      throw new AppError('conflict', 'the financial report is approved', [
        { field: 'form', message: 'reportApproved' },
      ]);
    if (!(await hasBudgetSplit(tx, grant.id))) await storeBudgetSplit(tx, grant, input.budget);
    await tx.execute(
      sql`insert into grant_financial_reports (grant_id, status, submitted_by, submitted_at)
          values (${grant.id}, 'submitted', ${caller.actor.userId}, ${now.toISOString()}::timestamptz)
          on conflict (grant_id) do update set submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at`,
    );
    await tx.execute(
      sql`insert into grant_financial_report_lines (grant_id, category, spent_dkk) values ${sql.join(
        ACTIVITY_CATEGORIES.map((c) => sql`(${grant.id}, ${c}, ${input.spent[c]})`),
        sql`, `,
      )} on conflict (grant_id, category) do update set spent_dkk = excluded.spent_dkk`,
    );
    await addNotifications(tx, [
      {
        recipientOrganisationId: grant.funderId,
        recipientRole: 'funder',
        text: `${grant.clusterName} har indsendt regnskab for bevillingen ${grant.year}`,
        textEn: `${grant.clusterName} submitted the financial report on the grant for ${grant.year}`,
        link: grantFollowUpPath(grant.id, 'regnskab'),
        createdAt: now,
      },
    ]);
  });
}

/**
 * The grant's funder approves the submitted report and the cluster's staff are told. Refusals:
 * forbidden (not the grant's funder), conflict (nothing submitted, or approved already).
 */
export async function approveFinancialReport(
  db: Db,
  caller: Caller,
  grantId: string,
  now: Date,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const grant = await followedGrant(tx, caller, grantId, true);
    authorizeDecision(caller, grant);
    const stored = await reportStatus(tx, grant.id, true);
    if (stored?.status !== 'submitted')
      throw new AppError('conflict', 'no submitted financial report', [
        { field: 'form', message: stored ? 'reportApproved' : 'reportMissing' },
      ]);
    await tx.execute(
      sql`update grant_financial_reports
          set status = 'approved', approved_by = ${caller.actor.userId}, approved_at = ${now.toISOString()}::timestamptz
          where grant_id = ${grant.id}`,
    );
    await addNotifications(tx, [
      {
        recipientOrganisationId: grant.clusterId,
        recipientRole: 'cluster_staff',
        text: `${grant.funderName} har godkendt regnskabet for bevillingen ${grant.year}`,
        textEn: `${grant.funderName} approved the financial report on the grant for ${grant.year}`,
        link: grantFollowUpPath(grant.id, 'regnskab'),
        createdAt: now,
      },
    ]);
  });
}
