import { and, eq, inArray, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows, type Tx } from '../../db/client.ts';
import {
  applicationAnswers,
  applicationBudgetLines,
  applicationCriterionTexts,
  applications,
  assessmentScores,
  callAllocations,
  callAssessors,
  callBudgets,
  callCriteria,
  callRequirements,
  callSetups,
  calls,
  conflictDeclarations,
  consensusScores,
  eligibilityChecks,
} from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { can } from '../policy/policy.ts';
import type {
  AllocationInput,
  ApplicationInput,
  CallSetupInput,
  EligibilityInput,
  ScoreInput,
} from './schemas.ts';
import { assertMove, type CallStatus } from './workflow.ts';

const conflict = (message: string) => new AppError('conflict', message);

async function lockCall(tx: Tx, callId: string) {
  const [call] = await tx
    .select({
      id: calls.id,
      ownerId: calls.ownerId,
      status: calls.status,
      deadline: calls.deadline,
      opensAt: calls.opensAt,
    })
    .from(calls)
    .where(eq(calls.id, callId))
    .for('update');
  if (!call) throw notFound('call');
  return call;
}

function requireOwner(
  editor: Caller,
  ownerId: string,
  action: 'calls.manage' | 'calls.decide' = 'calls.manage',
) {
  if (!can(editor.principal, action, { organisationId: ownerId })) throw forbidden(`Not allowed: ${action}`);
}

// --- 1. set-up ---

/**
 * Replaces the set-up of a call. Requirements and criteria can change only until the call opens,
 * so nobody is ever assessed against rules other than those they applied under.
 */
export async function setUpCall(db: Db, editor: Caller, callId: string, input: CallSetupInput, now: Date) {
  return withActor(db, editor.actor, async (tx) => {
    const call = await lockCall(tx, callId);
    requireOwner(editor, call.ownerId);
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
    requireOwner(editor, call.ownerId);
    await moveLockedCall(tx, call, to, now);
  });
}

/**
 * The one way a call's status changes, for every form that changes it (the call-flow pages and the
 * content call form): the transition table, a set-up before opening, no closing before the
 * deadline (server time), and a complete assessment before assessed. The caller holds the lock.
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
    if (!setup)
      throw new AppError('conflict', 'call has no set-up', [{ field: 'status', message: 'no_setup' }]);
  }
  if (to === 'closed' && now < call.deadline)
    throw new AppError('conflict', 'the call cannot be closed before its deadline', [
      { field: 'status', message: 'before_deadline' },
    ]);
  if (to === 'assessed') {
    const missing = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${applications} a join ${callCriteria} c on c.call_id = a.call_id
          left join ${consensusScores} s on s.application_id = a.id and s.criterion_id = c.id
          where a.call_id = ${callId} and a.status = 'eligible' and s.score is null`,
    );
    const pending = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${applications} where call_id = ${callId} and status = 'submitted'`,
    );
    if ((missing[0]?.n ?? 0) > 0 || (pending[0]?.n ?? 0) > 0)
      throw new AppError('conflict', 'assessment is not complete', [
        { field: 'status', message: 'assessment_incomplete' },
      ]);
  }
  await tx.update(calls).set({ status: to, updatedAt: now }).where(eq(calls.id, callId));
}

// --- 2. applications ---

/** A call takes applications while it is open: published or open, opened, and before the deadline. */
function takesApplications(call: { status: CallStatus; opensAt: Date | null; deadline: Date }, now: Date) {
  return (
    (call.status === 'open' || call.status === 'published') &&
    (call.opensAt === null || call.opensAt <= now) &&
    now < call.deadline
  );
}

async function lockApplication(tx: Tx, applicationId: string) {
  const [row] = await tx.select().from(applications).where(eq(applications.id, applicationId)).for('update');
  if (!row) throw notFound('application');
  return row;
}

/** Saves the applicant's draft; creates it on first save. Refused once submitted or after the deadline. */
export async function saveApplication(
  db: Db,
  editor: Caller,
  callId: string,
  organisationId: string,
  input: ApplicationInput,
  now: Date,
): Promise<{ id: string }> {
  if (!can(editor.principal, 'applications.submit', { organisationId }))
    throw forbidden('Not allowed: apply');
  return withActor(db, editor.actor, async (tx) => {
    const call = await lockCall(tx, callId);
    if (!takesApplications(call, now)) throw conflict('call is not open for applications');
    const [existing] = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.callId, callId), eq(applications.organisationId, organisationId)))
      .for('update');
    if (existing && existing.status !== 'draft') throw conflict('application is no longer a draft');
    const id =
      existing?.id ??
      (
        await tx
          .insert(applications)
          .values({ callId, organisationId, title: input.title, createdAt: now, updatedAt: now })
          .returning({ id: applications.id })
      )[0]?.id;
    if (!id) throw new Error('application not created');
    if (existing)
      await tx
        .update(applications)
        .set({ title: input.title, updatedAt: now })
        .where(eq(applications.id, id));
    await writeApplicationParts(tx, callId, id, input);
    return { id };
  });
}

async function writeApplicationParts(tx: Tx, callId: string, applicationId: string, input: ApplicationInput) {
  const [setup] = await tx.select().from(callSetups).where(eq(callSetups.callId, callId));
  const requirementIds = new Set(
    (
      await tx
        .select({ id: callRequirements.id })
        .from(callRequirements)
        .where(eq(callRequirements.callId, callId))
    ).map((r) => r.id),
  );
  const criterionIds = new Set(
    (await tx.select({ id: callCriteria.id }).from(callCriteria).where(eq(callCriteria.callId, callId))).map(
      (r) => r.id,
    ),
  );
  const issues = [
    ...Object.keys(input.answers)
      .filter((id) => !requirementIds.has(id))
      .map((id) => ({ field: `answers.${id}`, message: 'unknown requirement' })),
    ...Object.keys(input.texts)
      .filter((id) => !criterionIds.has(id))
      .map((id) => ({ field: `texts.${id}`, message: 'unknown criterion' })),
    ...input.budget
      .filter((b) => !setup || b.year < setup.firstYear || b.year > setup.lastYear)
      .map((b) => ({ field: `budget.${b.year}.${b.category}`, message: 'outside_period' })),
  ];
  if (issues.length > 0) throw new AppError('validation', 'application does not fit the call', issues);
  await tx.delete(applicationAnswers).where(eq(applicationAnswers.applicationId, applicationId));
  const answers = Object.entries(input.answers).map(([requirementId, answer]) => ({
    applicationId,
    requirementId,
    answer,
  }));
  if (answers.length > 0) await tx.insert(applicationAnswers).values(answers);
  await tx
    .delete(applicationCriterionTexts)
    .where(eq(applicationCriterionTexts.applicationId, applicationId));
  const texts = Object.entries(input.texts).map(([criterionId, text]) => ({
    applicationId,
    criterionId,
    text,
  }));
  if (texts.length > 0) await tx.insert(applicationCriterionTexts).values(texts);
  await tx.delete(applicationBudgetLines).where(eq(applicationBudgetLines.applicationId, applicationId));
  const lines = input.budget.filter((b) => b.amountDkk > 0).map((b) => ({ applicationId, ...b }));
  if (lines.length > 0) await tx.insert(applicationBudgetLines).values(lines);
}

/** Submits a draft before the deadline (server time); after that it is read-only. */
export async function submitApplication(db: Db, editor: Caller, applicationId: string, now: Date) {
  return withActor(db, editor.actor, async (tx) => {
    const app = await lockApplication(tx, applicationId);
    if (!can(editor.principal, 'applications.submit', { organisationId: app.organisationId }))
      throw forbidden('Not allowed: submit');
    const call = await lockCall(tx, app.callId);
    if (!takesApplications(call, now)) throw conflict('the deadline has passed');
    if (app.status !== 'draft') throw conflict('application is not a draft');
    const missing = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${callRequirements} r
          left join ${applicationAnswers} a on a.requirement_id = r.id and a.application_id = ${applicationId}
          where r.call_id = ${app.callId} and coalesce(a.answer, '') = ''`,
    );
    if ((missing[0]?.n ?? 0) > 0)
      throw new AppError('validation', 'every requirement needs an answer', [
        { field: 'answers', message: 'required' },
      ]);
    await tx
      .update(applications)
      .set({ status: 'submitted', submittedAt: now, submittedBy: editor.principal.userId, updatedAt: now })
      .where(eq(applications.id, applicationId));
    return { callId: app.callId, organisationId: app.organisationId };
  });
}

/** Withdraws a draft or a submitted application; possible until eligibility has been decided. */
export async function withdrawApplication(db: Db, editor: Caller, applicationId: string, now: Date) {
  return withActor(db, editor.actor, async (tx) => {
    const app = await lockApplication(tx, applicationId);
    if (!can(editor.principal, 'applications.submit', { organisationId: app.organisationId }))
      throw forbidden('Not allowed: withdraw');
    if (app.status !== 'draft' && app.status !== 'submitted')
      throw conflict('application can no longer be withdrawn');
    await tx
      .update(applications)
      .set({ status: 'withdrawn', updatedAt: now })
      .where(eq(applications.id, applicationId));
  });
}

// --- 3. eligibility ---

/** The call owner checks every requirement; one failed requirement makes it ineligible, with a reason. */
export async function checkEligibility(
  db: Db,
  editor: Caller,
  applicationId: string,
  input: EligibilityInput,
  now: Date,
): Promise<{ eligible: boolean }> {
  return withActor(db, editor.actor, async (tx) => {
    const app = await lockApplication(tx, applicationId);
    const call = await lockCall(tx, app.callId);
    requireOwner(editor, call.ownerId);
    if (call.status !== 'closed') throw conflict('eligibility is checked while the call is closed');
    if (app.status !== 'submitted' && app.status !== 'eligible' && app.status !== 'ineligible')
      throw conflict('application is not submitted');
    const requirements = await tx
      .select({ id: callRequirements.id })
      .from(callRequirements)
      .where(eq(callRequirements.callId, app.callId));
    const unchecked = requirements.filter((r) => input.checks[r.id] === undefined);
    if (unchecked.length > 0 || Object.keys(input.checks).length !== requirements.length)
      throw new AppError(
        'validation',
        'every requirement must be checked',
        unchecked.map((r) => ({ field: `checks.${r.id}`, message: 'required' })),
      );
    await tx.delete(eligibilityChecks).where(eq(eligibilityChecks.applicationId, applicationId));
    await tx.insert(eligibilityChecks).values(
      requirements.map((r) => ({
        applicationId,
        requirementId: r.id,
        passed: input.checks[r.id] === true,
        checkedBy: editor.principal.userId,
        checkedAt: now,
      })),
    );
    const eligible = requirements.every((r) => input.checks[r.id] === true);
    await tx
      .update(applications)
      .set({
        status: eligible ? 'eligible' : 'ineligible',
        eligibilityReason: eligible ? null : input.reason,
        updatedAt: now,
      })
      .where(eq(applications.id, applicationId));
    return { eligible };
  });
}

// --- 4. assessment ---

async function requireAssessorOf(tx: Tx, editor: Caller, callId: string) {
  if (!can(editor.principal, 'applications.assess')) throw forbidden('Not allowed: assess');
  const [row] = await tx
    .select()
    .from(callAssessors)
    .where(and(eq(callAssessors.callId, callId), eq(callAssessors.userId, editor.principal.userId)));
  if (!row) throw forbidden('Not an assessor of this call');
}

/** Declared once per application before opening it; a declared conflict cannot be taken back. */
export async function declareConflict(
  db: Db,
  editor: Caller,
  applicationId: string,
  input: { hasConflict: boolean; note: string },
  now: Date,
) {
  return withActor(db, editor.actor, async (tx) => {
    const app = await lockApplication(tx, applicationId);
    await requireAssessorOf(tx, editor, app.callId);
    if (app.status !== 'eligible') throw conflict('application is not up for assessment');
    const inserted = await tx
      .insert(conflictDeclarations)
      .values({ applicationId, assessorId: editor.principal.userId, ...input, declaredAt: now })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw conflict('conflict of interest already declared');
  });
}

/** Throws unless this assessor has declared no conflict for the application. */
export async function requireClearedAssessor(db: Db | Tx, editor: Caller, applicationId: string) {
  const [app] = await db.select().from(applications).where(eq(applications.id, applicationId));
  if (!app) throw notFound('application');
  await requireAssessorOf(db as Tx, editor, app.callId);
  const [declaration] = await db
    .select()
    .from(conflictDeclarations)
    .where(
      and(
        eq(conflictDeclarations.applicationId, applicationId),
        eq(conflictDeclarations.assessorId, editor.principal.userId),
      ),
    );
  if (!declaration) throw new AppError('forbidden', 'Declare any conflict of interest first');
  if (declaration.hasConflict) throw new AppError('forbidden', 'Conflict of interest declared');
  return app;
}

export async function scoreApplication(
  db: Db,
  editor: Caller,
  applicationId: string,
  input: ScoreInput,
  now: Date,
) {
  return withActor(db, editor.actor, async (tx) => {
    const app = await requireClearedAssessor(tx, editor, applicationId);
    const [call] = await tx.select({ status: calls.status }).from(calls).where(eq(calls.id, app.callId));
    if (call?.status !== 'closed' || app.status !== 'eligible') throw conflict('assessment is closed');
    const criterion = await criterionOf(tx, app.callId, input.criterionId);
    if (input.score > criterion.scaleMax)
      throw new AppError('validation', 'score above scale', [{ field: 'score', message: 'too_high' }]);
    const values = { score: input.score, comment: input.comment, updatedAt: now };
    await tx
      .insert(assessmentScores)
      .values({
        applicationId,
        assessorId: editor.principal.userId,
        criterionId: input.criterionId,
        ...values,
      })
      .onConflictDoUpdate({
        target: [assessmentScores.applicationId, assessmentScores.assessorId, assessmentScores.criterionId],
        set: values,
      });
  });
}

async function criterionOf(tx: Tx, callId: string, criterionId: string) {
  const [criterion] = await tx
    .select()
    .from(callCriteria)
    .where(and(eq(callCriteria.id, criterionId), eq(callCriteria.callId, callId)));
  if (!criterion)
    throw new AppError('validation', 'unknown criterion', [{ field: 'criterionId', message: 'invalid' }]);
  return criterion;
}

/** The call owner's agreed score per criterion. */
export async function setConsensus(
  db: Db,
  editor: Caller,
  applicationId: string,
  input: ScoreInput,
  now: Date,
) {
  return withActor(db, editor.actor, async (tx) => {
    const app = await lockApplication(tx, applicationId);
    const call = await lockCall(tx, app.callId);
    requireOwner(editor, call.ownerId);
    if (call.status !== 'closed' || app.status !== 'eligible')
      throw conflict('consensus is set while assessing');
    const criterion = await criterionOf(tx, app.callId, input.criterionId);
    if (input.score > criterion.scaleMax)
      throw new AppError('validation', 'score above scale', [{ field: 'score', message: 'too_high' }]);
    const values = {
      score: input.score,
      comment: input.comment,
      decidedBy: editor.principal.userId,
      updatedAt: now,
    };
    await tx
      .insert(consensusScores)
      .values({ applicationId, criterionId: input.criterionId, ...values })
      .onConflictDoUpdate({
        target: [consensusScores.applicationId, consensusScores.criterionId],
        set: values,
      });
  });
}

// --- 5. decision and allocation ---

/** The decider selects among the eligible applications of an assessed call; the call is then decided. */
export async function decideCall(
  db: Db,
  editor: Caller,
  callId: string,
  selectedIds: readonly string[],
  now: Date,
) {
  return withActor(db, editor.actor, async (tx) => {
    const call = await lockCall(tx, callId);
    requireOwner(editor, call.ownerId, 'calls.decide');
    assertMove(call.status, 'decided');
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
    await tx.update(calls).set({ status: 'decided', updatedAt: now }).where(eq(calls.id, callId));
  });
}

/**
 * A funder allocates its own budget of a decided call to a selected application for one year.
 * The funder's budget row is locked, so two allocations at once cannot together exceed it.
 */
/**
 * A funder's allocations to selected applications, all or none: one refused row (over budget,
 * not selected) leaves every other row of the same form unwritten.
 */
export async function allocate(
  db: Db,
  editor: Caller,
  funderId: string,
  inputs: readonly AllocationInput[],
  now: Date,
) {
  if (!can(editor.principal, 'calls.allocate', { organisationId: funderId }))
    throw forbidden('Not allowed: allocate');
  return withActor(db, editor.actor, async (tx) => {
    for (const input of inputs) await allocateOne(tx, funderId, input, now);
  });
}

async function allocateOne(tx: Tx, funderId: string, input: AllocationInput, now: Date) {
  const app = await lockApplication(tx, input.applicationId);
  const [call] = await tx.select({ status: calls.status }).from(calls).where(eq(calls.id, app.callId));
  if (call?.status !== 'decided' || app.status !== 'selected')
    throw conflict('only selected applications get money');
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
    throw new AppError('conflict', `over budget: ${used + input.amountDkk} > ${budget.amountDkk}`, [
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
