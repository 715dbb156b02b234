import { asc, eq, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../../db/client.ts';
import {
  applications,
  callAssessors,
  callBudgets,
  callCriteria,
  callRequirements,
  callSetups,
  calls,
  consensusScores,
  memberships,
  organisations,
  users,
} from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import type { Principal } from '../policy/policy.ts';
import { conflict, lockCall } from './locks.ts';
import { callParties } from './parties.ts';
import { authorizeCall, callRules } from './policy.ts';
import type { CallSetupInput } from './schemas.ts';
import { assertMove, type CallStatus } from './workflow.ts';

/** A call's set-up (its rules for applicants and assessors) and its moves along the call flow. */

/**
 * Replaces the set-up of a call. Requirements and criteria can change only until the call opens,
 * so nobody is ever assessed against rules other than those they applied under.
 */
export async function setUpCall(db: Db, editor: Caller, callId: string, input: CallSetupInput, now: Date) {
  return withActor(db, editor.actor, async (tx) => {
    const call = await lockCall(tx, callId);
    authorizeCall(editor.principal, 'manage', call);
    if (call.status !== 'draft' && call.status !== 'published') throw conflict('call is already open');
    const values = {
      titleEn: input.titleEn,
      summaryEn: input.summaryEn,
      firstYear: input.firstYear,
      lastYear: input.lastYear,
      updatedAt: now,
    };
    await tx
      .insert(callSetups)
      .values({ callId, ...values })
      .onConflictDoUpdate({ target: callSetups.callId, set: values });
    await tx.update(calls).set({ deciderId: input.deciderId, updatedAt: now }).where(eq(calls.id, callId));
    await tx.delete(callBudgets).where(eq(callBudgets.callId, callId));
    await tx.insert(callBudgets).values(input.budgets.map((b) => ({ callId, ...b })));
    await tx.delete(callRequirements).where(eq(callRequirements.callId, callId));
    await tx
      .insert(callRequirements)
      .values(input.requirements.map((r, i) => ({ callId, position: i + 1, ...r })));
    await tx.delete(callCriteria).where(eq(callCriteria.callId, callId));
    await tx.insert(callCriteria).values(input.criteria.map((c, i) => ({ callId, position: i + 1, ...c })));
    await tx.delete(callAssessors).where(eq(callAssessors.callId, callId));
    if (input.assessorIds.length > 0)
      await tx
        .insert(callAssessors)
        .values([...new Set(input.assessorIds)].map((userId) => ({ callId, userId })));
  });
}

/** Moves a call along its one transition table; assessed needs a consensus on every eligible application. */
export async function moveCall(db: Db, editor: Caller, callId: string, to: CallStatus, now: Date) {
  return withActor(db, editor.actor, async (tx) => {
    const call = await lockCall(tx, callId);
    authorizeCall(editor.principal, 'manage', call);
    await moveLockedCall(tx, call, to, now);
  });
}

/**
 * The one way a call's status changes, for every form that changes it (the processing page and
 * the call form): the transition table, a set-up before opening, no closing before the deadline
 * (server time), and a complete assessment before assessed. The caller holds the lock and has
 * been authorised.
 */
export async function moveLockedCall(
  tx: Tx,
  call: { id: string; status: CallStatus; deadline: Date },
  to: CallStatus,
  now: Date,
) {
  const callId = call.id;
  assertMove(call.status, to);
  if (to === 'open') {
    const [setup] = await tx.select().from(callSetups).where(eq(callSetups.callId, callId));
    if (!setup) throw conflict('call has no set-up', [{ field: 'status', message: 'no_setup' }]);
  }
  if (to === 'closed' && now < call.deadline)
    throw conflict('the call cannot be closed before its deadline', [
      { field: 'status', message: 'before_deadline' },
    ]);
  if (to === 'assessed') {
    const [open] = await queryRows<{ missing: number; pending: number }>(
      tx,
      sql`select
            (select count(*)::int from ${applications} a join ${callCriteria} c on c.call_id = a.call_id
              left join ${consensusScores} s on s.application_id = a.id and s.criterion_id = c.id
              where a.call_id = ${callId} and a.status = 'eligible' and s.score is null) as missing,
            (select count(*)::int from ${applications}
              where call_id = ${callId} and status = 'submitted') as pending`,
    );
    if ((open?.missing ?? 0) > 0 || (open?.pending ?? 0) > 0)
      throw conflict('assessment is not complete', [{ field: 'status', message: 'assessment_incomplete' }]);
  }
  await tx.update(calls).set({ status: to, updatedAt: now }).where(eq(calls.id, callId));
}

/**
 * Everything an applicant, assessor or funder needs to know about a call's rules: the call, its
 * set-up (null when the call takes its applications outside the portal), budgets, requirements
 * and criteria. Null when the principal may not see the call (a draft is its funders' only).
 */
export async function findCallSetup(db: Queryable, principal: Principal | null, callId: string) {
  const parties = await callParties(db, callId);
  if (!parties || !callRules.view(principal, parties)) return null;
  const [call] = await db.select().from(calls).where(eq(calls.id, callId));
  if (!call) return null;
  const [setup] = await db.select().from(callSetups).where(eq(callSetups.callId, callId));
  const budgets = await db
    .select({
      funderId: callBudgets.funderId,
      funderName: organisations.name,
      year: callBudgets.year,
      amountDkk: callBudgets.amountDkk,
    })
    .from(callBudgets)
    .innerJoin(organisations, eq(organisations.id, callBudgets.funderId))
    .where(eq(callBudgets.callId, callId))
    .orderBy(asc(organisations.name), asc(callBudgets.year));
  const requirements = await db
    .select()
    .from(callRequirements)
    .where(eq(callRequirements.callId, callId))
    .orderBy(asc(callRequirements.position));
  const criteria = await db
    .select()
    .from(callCriteria)
    .where(eq(callCriteria.callId, callId))
    .orderBy(asc(callCriteria.position));
  return { call, parties, setup: setup ?? null, budgets, requirements, criteria };
}
export type CallSetup = NonNullable<Awaited<ReturnType<typeof findCallSetup>>>;

/** The years of a call's funded period, first to last; none for a call without a set-up. */
export function periodYears(setup: { firstYear: number; lastYear: number } | null): number[] {
  if (!setup) return [];
  return Array.from({ length: setup.lastYear - setup.firstYear + 1 }, (_, i) => setup.firstYear + i);
}

/** What the set-up form offers its owner: the funders to budget, the assessors to choose and those chosen. */
export async function setupChoices(db: Queryable, editor: Caller, callId: string) {
  const parties = await callParties(db, callId);
  if (!parties) throw notFound('call');
  authorizeCall(editor.principal, 'manage', parties);
  const funders = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'funder'))
    .orderBy(organisations.name);
  const assessors = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(memberships.role, 'assessor'))
    .orderBy(users.name);
  return { funders, assessors, assessorIds: [...parties.assessorIds] };
}
