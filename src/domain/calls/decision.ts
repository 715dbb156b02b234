import { and, eq, inArray, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows, type Tx } from '../../db/client.ts';
import { applications, callAllocations, callBudgets, calls } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { addNotifications } from '../notifications/commands.ts';
import { authorize } from '../policy/policy.ts';
import { assertAllocationOpen, takeSelection } from './chain.ts';
import { conflict, lockApplication, lockCall } from './locks.ts';
import { applicationPath } from './paths.ts';
import { authorizeCall } from './policy.ts';
import type { AllocationInput } from './schemas.ts';
import { assertMove } from './workflow.ts';

/** The decision on an assessed call and each funder's allocation of its own budget. */

/**
 * The decider selects among the eligible applications of an assessed call; the call is then
 * decided. In the joint decision chain only after every funder signed off the recommendation.
 */
export async function decideCall(
  db: Db,
  editor: Caller,
  callId: string,
  selectedIds: readonly string[],
  now: Date,
) {
  return withActor(db, editor.actor, async (tx) => {
    const call = await lockCall(tx, callId);
    authorizeCall(editor.principal, 'decide', call);
    assertMove(call.status, 'decided');
    await takeSelection(tx, editor, call, now);
    const eligible = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.callId, callId), eq(applications.status, 'eligible')));
    const eligibleIds = new Set(eligible.map((a) => a.id));
    const stray = selectedIds.filter((id) => !eligibleIds.has(id));
    if (stray.length > 0) throw new AppError('validation', 'only eligible applications can be selected');
    if (selectedIds.length > 0)
      await tx
        .update(applications)
        .set({ status: 'selected', updatedAt: now })
        .where(and(eq(applications.callId, callId), inArray(applications.id, [...selectedIds])));
    await tx
      .update(applications)
      .set({ status: 'not_selected', updatedAt: now })
      .where(and(eq(applications.callId, callId), eq(applications.status, 'eligible')));
    await tx
      .update(calls)
      .set({ status: 'decided', decidedBy: editor.actor.userId, updatedAt: now })
      .where(eq(calls.id, callId));
    await notifyApplicants(tx, callId, now);
  });
}

/** Each applicant with a decision hears of it, with a link to its application and decision letter. */
async function notifyApplicants(tx: Tx, callId: string, now: Date) {
  const [call] = await tx.select({ title: calls.title }).from(calls).where(eq(calls.id, callId));
  const decided = await tx
    .select({ id: applications.id, organisationId: applications.organisationId, status: applications.status })
    .from(applications)
    .where(
      and(
        eq(applications.callId, callId),
        inArray(applications.status, ['selected', 'not_selected', 'ineligible']),
      ),
    );
  const title = call?.title ?? '';
  await addNotifications(
    tx,
    decided.map((a) => ({
      recipientOrganisationId: a.organisationId,
      recipientRole: 'cluster_staff' as const,
      text:
        a.status === 'selected'
          ? `Jeres ansøgning til ${title} er udvalgt. Læs afgørelsesbrevet.`
          : `Opslaget ${title} er afgjort. Læs afgørelsen om jeres ansøgning.`,
      textEn:
        a.status === 'selected'
          ? `Your application to ${title} has been selected. Read the decision letter.`
          : `The call ${title} has been decided. Read the decision on your application.`,
      link: applicationPath(a.id),
      createdAt: now,
    })),
  );
}

/**
 * A funder's allocations of its own budget of a decided call to selected applications, all or
 * none: one refused row (over budget, not selected) leaves every other row of the same form
 * unwritten. The funder's budget row is locked, so two allocations at once cannot together exceed it.
 */
export async function allocate(
  db: Db,
  editor: Caller,
  funderId: string,
  inputs: readonly AllocationInput[],
  now: Date,
) {
  authorize(editor.principal, 'calls.allocate', { organisationId: funderId });
  return withActor(db, editor.actor, async (tx) => {
    for (const input of inputs) await allocateOne(tx, funderId, input, now);
  });
}

async function allocateOne(tx: Tx, funderId: string, input: AllocationInput, now: Date) {
  const app = await lockApplication(tx, input.applicationId);
  const [call] = await tx.select({ status: calls.status }).from(calls).where(eq(calls.id, app.callId));
  if (call?.status !== 'decided' || app.status !== 'selected')
    throw conflict('only selected applications get money');
  await assertAllocationOpen(tx, app.callId, funderId);
  const [budget] = await tx
    .select()
    .from(callBudgets)
    .where(
      and(
        eq(callBudgets.callId, app.callId),
        eq(callBudgets.funderId, funderId),
        eq(callBudgets.year, input.year),
      ),
    )
    .for('update');
  if (!budget) throw conflict('funder has no budget for this call and year');
  const [others] = await queryRows<{ total: number }>(
    tx,
    sql`select coalesce(sum(l.amount_dkk), 0)::bigint as total
        from ${callAllocations} l join ${applications} a on a.id = l.application_id
        where a.call_id = ${app.callId} and l.funder_id = ${funderId} and l.year = ${input.year}
          and l.application_id <> ${input.applicationId}`,
  );
  const used = Number(others?.total ?? 0);
  if (used + input.amountDkk > budget.amountDkk)
    throw conflict(`over budget: ${used + input.amountDkk} > ${budget.amountDkk}`, [
      { field: 'amountDkk', message: 'over_budget' },
    ]);
  const values = { amountDkk: input.amountDkk, updatedAt: now };
  await tx
    .insert(callAllocations)
    .values({ applicationId: input.applicationId, funderId, year: input.year, ...values })
    .onConflictDoUpdate({
      target: [callAllocations.applicationId, callAllocations.funderId, callAllocations.year],
      set: values,
    });
}
