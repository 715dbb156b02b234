import { eq, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import {
  applications,
  assessmentScores,
  callCriteria,
  callRequirements,
  conflictDeclarations,
  consensusScores,
  eligibilityChecks,
} from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import { conflict, lockApplication, lockCall } from './locks.ts';
import { applicationFacts } from './parties.ts';
import { assessmentOpen, authorizeApplication, authorizeCall, eligibilityOpen } from './policy.ts';
import type { EligibilityInput, ScoreInput } from './schemas.ts';

/** Assessment of a closed call: eligibility, conflicts of interest, individual scores and the consensus. */

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
    authorizeCall(editor.principal, 'manage', call);
    if (!eligibilityOpen(call.status, app.status))
      throw conflict('eligibility is checked on a submitted application while the call is closed');
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

/** The application with what its rules need, for the assessor who acts on it. */
async function assessorsApplication(tx: Tx, editor: Caller, applicationId: string) {
  const facts = await applicationFacts(tx, editor.principal, applicationId);
  if (!facts) throw notFound('application');
  return facts;
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
    await lockApplication(tx, applicationId);
    const facts = await assessorsApplication(tx, editor, applicationId);
    authorizeApplication(editor.principal, 'declareConflict', facts);
    if (facts.status !== 'eligible') throw conflict('application is not up for assessment');
    const inserted = await tx
      .insert(conflictDeclarations)
      .values({ applicationId, assessorId: editor.principal.userId, ...input, declaredAt: now })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw conflict('conflict of interest already declared');
  });
}

/**
 * An assessor's scores on one or more criteria (the whole form), once they have declared no
 * conflict: all or none, so one score off the scale leaves the others unwritten.
 */
export async function scoreApplication(
  db: Db,
  editor: Caller,
  applicationId: string,
  inputs: readonly ScoreInput[],
  now: Date,
) {
  return withActor(db, editor.actor, async (tx) => {
    const facts = await assessorsApplication(tx, editor, applicationId);
    authorizeApplication(editor.principal, 'score', facts);
    if (!assessmentOpen(facts.call.status, facts.status)) throw conflict('assessment is closed');
    if (inputs.length === 0) return;
    await requireOnScale(tx, facts.call.id, inputs);
    await tx
      .insert(assessmentScores)
      .values(
        inputs.map((input) => ({
          applicationId,
          assessorId: editor.principal.userId,
          criterionId: input.criterionId,
          score: input.score,
          comment: input.comment,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [assessmentScores.applicationId, assessmentScores.assessorId, assessmentScores.criterionId],
        set: {
          score: sql`excluded.score`,
          comment: sql`excluded.comment`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  });
}

/** Every score is for a criterion of this call, once, and within that criterion's scale. */
async function requireOnScale(tx: Tx, callId: string, inputs: readonly ScoreInput[]) {
  const criteria = await tx.select().from(callCriteria).where(eq(callCriteria.callId, callId));
  const scaleOf = new Map(criteria.map((c) => [c.id, c.scaleMax]));
  const ids = inputs.map((i) => i.criterionId);
  if (ids.some((id) => !scaleOf.has(id)) || new Set(ids).size !== ids.length)
    throw new AppError('validation', 'unknown criterion', [{ field: 'criterionId', message: 'invalid' }]);
  if (inputs.some((i) => i.score > (scaleOf.get(i.criterionId) ?? 0)))
    throw new AppError('validation', 'score above scale', [{ field: 'score', message: 'too_high' }]);
}

/** The call owner's agreed scores per criterion (the whole form): all or none. */
export async function setConsensus(
  db: Db,
  editor: Caller,
  applicationId: string,
  inputs: readonly ScoreInput[],
  now: Date,
) {
  return withActor(db, editor.actor, async (tx) => {
    const app = await lockApplication(tx, applicationId);
    const call = await lockCall(tx, app.callId);
    authorizeCall(editor.principal, 'manage', call);
    if (!assessmentOpen(call.status, app.status)) throw conflict('consensus is set while assessing');
    if (inputs.length === 0) return;
    await requireOnScale(tx, app.callId, inputs);
    await tx
      .insert(consensusScores)
      .values(
        inputs.map((input) => ({
          applicationId,
          criterionId: input.criterionId,
          score: input.score,
          comment: input.comment,
          decidedBy: editor.principal.userId,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [consensusScores.applicationId, consensusScores.criterionId],
        set: {
          score: sql`excluded.score`,
          comment: sql`excluded.comment`,
          decidedBy: sql`excluded.decided_by`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  });
}
