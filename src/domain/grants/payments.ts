/**
 * The payment plan of a grant (docs/grants.md): instalments with a day and an amount that add up
 * to the grant, each paid (the day the funder paid it) or not. The grant's funder keeps it; the
 * plan is fixed once the agreement is sent, payments are recorded at any time. Shown to the
 * funder, its co-funders and the cluster; totals are computed in SQL. Audited through withActor.
 */
import { and, eq, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import { grantInstalments } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { isCalendarDay } from '../reference/danish.ts';
import { type GrantFacts, grantFacts } from './grant-facts.ts';
import type { InstalmentInput } from './schemas.ts';

export interface Instalment {
  id: string;
  dueOn: string;
  amountDkk: number;
  paidOn: string | null;
}

export interface PaymentPlan {
  instalments: Instalment[];
  plannedDkk: number;
  paidDkk: number;
  /** What the plan has yet to pay out. */
  outstandingDkk: number;
}

/** A grant's instalments by day, with the planned, paid and outstanding totals summed in SQL. */
export async function paymentPlanOf(db: Queryable, grant: Pick<GrantFacts, 'id'>): Promise<PaymentPlan> {
  const [instalments, [totals]] = await Promise.all([
    queryRows<Instalment>(
      db,
      sql`select id, due_on::text as "dueOn", amount_dkk::float8 as "amountDkk", paid_on::text as "paidOn"
          from grant_instalments where grant_id = ${grant.id} order by due_on, id`,
    ),
    queryRows<{ plannedDkk: number; paidDkk: number }>(
      db,
      sql`select coalesce(sum(amount_dkk), 0)::float8 as "plannedDkk",
                 coalesce(sum(amount_dkk) filter (where paid_on is not null), 0)::float8 as "paidDkk"
          from grant_instalments where grant_id = ${grant.id}`,
    ),
  ]);
  const plannedDkk = totals?.plannedDkk ?? 0;
  const paidDkk = totals?.paidDkk ?? 0;
  return { instalments, plannedDkk, paidDkk, outstandingDkk: plannedDkk - paidDkk };
}

/** The payment plan of a grant, for everyone who follows it (funder side and the cluster). */
export async function grantPaymentPlan(db: Queryable, caller: Caller, grantId: string) {
  return paymentPlanOf(db, await grantFacts(db, caller, grantId));
}

const invalid = (field: string, message: string) => new AppError('validation', message, [{ field, message }]);

/**
 * Replaces the grant's payment plan. The instalments must add up to the grant (a field error on
 * the plan otherwise, nothing written); refused once the agreement is sent or an instalment paid.
 */
export async function savePaymentPlan(
  db: Db,
  caller: Caller,
  grantId: string,
  instalments: readonly InstalmentInput[],
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const grant = await grantFacts(tx, caller, grantId, { lock: true });
    if (!grant.may.planPayments) {
      if (grant.may.recordPayments)
        throw new AppError('conflict', 'plan fixed', [{ field: 'plan', message: 'planFixed' }]);
      throw forbidden('Only the grant’s funder plans its payments');
    }
    instalments.forEach((i, n) => {
      if (!isCalendarDay(i.dueOn)) throw invalid(`dueOn${n + 1}`, 'invalidDate');
      if (!Number.isSafeInteger(i.amountDkk) || i.amountDkk <= 0) throw invalid(`amount${n + 1}`, 'tooSmall');
    });
    const before = await paymentPlanOf(tx, grant);
    if (before.paidDkk > 0)
      throw new AppError('conflict', 'plan paid', [{ field: 'plan', message: 'planPaid' }]);
    await tx.delete(grantInstalments).where(eq(grantInstalments.grantId, grantId));
    if (instalments.length > 0)
      await tx.insert(grantInstalments).values(instalments.map((i) => ({ grantId, ...i })));
    const after = await paymentPlanOf(tx, grant);
    if (after.plannedDkk !== grant.amountDkk) throw invalid('plan', 'planSum');
  });
}

/** Records an instalment paid on a day, or not paid (`paidOn` null): the grant's funder only. */
export async function recordPayment(
  db: Db,
  caller: Caller,
  grantId: string,
  instalmentId: string,
  paidOn: string | null,
): Promise<void> {
  if (!isUuid(instalmentId)) throw notFound('instalment');
  if (paidOn !== null && !isCalendarDay(paidOn)) throw invalid('paidOn', 'invalidDate');
  await withActor(db, caller.actor, async (tx) => {
    const grant = await grantFacts(tx, caller, grantId, { lock: true });
    if (!grant.may.recordPayments) throw forbidden('Only the grant’s funder records its payments');
    const changed = await tx
      .update(grantInstalments)
      .set({ paidOn })
      .where(and(eq(grantInstalments.id, instalmentId), eq(grantInstalments.grantId, grantId)))
      .returning({ id: grantInstalments.id });
    if (changed.length === 0) throw notFound('instalment');
  });
}
