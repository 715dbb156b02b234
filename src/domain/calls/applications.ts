import { and, eq, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows, type Tx } from '../../db/client.ts';
import {
  applicationAnswers,
  applicationBudgetLines,
  applicationCriterionTexts,
  applications,
  callCriteria,
  callRequirements,
  callSetups,
  users,
} from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { conflict, lockApplication, lockCall } from './locks.ts';
import { authorizeApplication, withdrawable } from './policy.ts';
import type { ApplicationInput } from './schemas.ts';
import type { CallStatus } from './workflow.ts';

/** An applicant's writes: the draft, its submission and its withdrawal. */

/** A call takes applications while it is open: published or open, opened, and before the deadline. */
function takesApplications(call: { status: CallStatus; opensAt: Date | null; deadline: Date }, now: Date) {
  return (
    (call.status === 'open' || call.status === 'published') &&
    (call.opensAt === null || call.opensAt <= now) &&
    now < call.deadline
  );
}

/**
 * Saves the applicant's draft; creates it on first save. Each part left out of `input` (a section
 * of the task list saves only its own) stays as it was. Refused once submitted, after the
 * deadline, and for a call without a set-up: that call takes its applications outside the portal.
 */
export async function saveApplication(
  db: Db,
  editor: Caller,
  callId: string,
  organisationId: string,
  input: Partial<ApplicationInput>,
  now: Date,
): Promise<{ id: string }> {
  authorizeApplication(editor.principal, 'apply', { organisationId });
  return withActor(db, editor.actor, async (tx) => {
    const call = await lockCall(tx, callId);
    if (!takesApplications(call, now)) throw conflict('call is not open for applications');
    const [setup] = await tx.select().from(callSetups).where(eq(callSetups.callId, callId));
    if (!setup) throw conflict('the call takes its applications outside the portal');
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
          .values({ callId, organisationId, title: input.title ?? '', createdAt: now, updatedAt: now })
          .returning({ id: applications.id })
      )[0]?.id;
    if (!id) throw new Error('application not created');
    if (existing)
      await tx
        .update(applications)
        .set({ ...(input.title === undefined ? {} : { title: input.title }), updatedAt: now })
        .where(eq(applications.id, id));
    await writeApplicationParts(tx, setup, id, input);
    return { id };
  });
}

async function writeApplicationParts(
  tx: Tx,
  setup: { callId: string; firstYear: number; lastYear: number },
  applicationId: string,
  input: Partial<ApplicationInput>,
) {
  const { callId } = setup;
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
  const { answers = null, texts = null, budget = null } = input;
  const issues = [
    ...Object.keys(answers ?? {})
      .filter((id) => !requirementIds.has(id))
      .map((id) => ({ field: `answers.${id}`, message: 'unknown requirement' })),
    ...Object.keys(texts ?? {})
      .filter((id) => !criterionIds.has(id))
      .map((id) => ({ field: `texts.${id}`, message: 'unknown criterion' })),
    ...(budget ?? [])
      .filter((b) => b.year < setup.firstYear || b.year > setup.lastYear)
      .map((b) => ({ field: `budget.${b.year}.${b.category}`, message: 'outside_period' })),
  ];
  if (issues.length > 0) throw new AppError('validation', 'application does not fit the call', issues);
  if (answers) {
    await tx.delete(applicationAnswers).where(eq(applicationAnswers.applicationId, applicationId));
    const rows = Object.entries(answers).map(([requirementId, answer]) => ({
      applicationId,
      requirementId,
      answer,
    }));
    if (rows.length > 0) await tx.insert(applicationAnswers).values(rows);
  }
  if (texts) {
    await tx
      .delete(applicationCriterionTexts)
      .where(eq(applicationCriterionTexts.applicationId, applicationId));
    const rows = Object.entries(texts).map(([criterionId, text]) => ({ applicationId, criterionId, text }));
    if (rows.length > 0) await tx.insert(applicationCriterionTexts).values(rows);
  }
  if (budget) {
    await tx.delete(applicationBudgetLines).where(eq(applicationBudgetLines.applicationId, applicationId));
    const rows = budget.filter((b) => b.amountDkk > 0).map((b) => ({ applicationId, ...b }));
    if (rows.length > 0) await tx.insert(applicationBudgetLines).values(rows);
  }
}

/**
 * Submits a draft before the deadline (server time); after that it is read-only. Submitting is
 * the applicant's declaration that the information is correct (the check page asks for it), so
 * the submitter's name as it is now and the moment are stored with the application.
 */
export async function submitApplication(db: Db, editor: Caller, applicationId: string, now: Date) {
  return withActor(db, editor.actor, async (tx) => {
    const app = await lockApplication(tx, applicationId);
    authorizeApplication(editor.principal, 'apply', app);
    const call = await lockCall(tx, app.callId);
    if (!takesApplications(call, now)) throw conflict('the deadline has passed');
    if (app.status !== 'draft') throw conflict('application is not a draft');
    const [missing] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${callRequirements} r
          left join ${applicationAnswers} a on a.requirement_id = r.id and a.application_id = ${applicationId}
          where r.call_id = ${app.callId} and coalesce(a.answer, '') = ''`,
    );
    if ((missing?.n ?? 0) > 0)
      throw new AppError('validation', 'every requirement needs an answer', [
        { field: 'answers', message: 'required' },
      ]);
    await tx
      .update(applications)
      .set({
        status: 'submitted',
        submittedAt: now,
        submittedBy: editor.principal.userId,
        declaredCorrectBy: editor.principal.userId,
        declaredCorrectByName: sql`(select ${users.name} from ${users} where ${users.id} = ${editor.principal.userId})`,
        declaredCorrectAt: now,
        updatedAt: now,
      })
      .where(eq(applications.id, applicationId));
    return { callId: app.callId, organisationId: app.organisationId };
  });
}

/** Withdraws a draft or a submitted application; possible until eligibility has been decided. */
export async function withdrawApplication(db: Db, editor: Caller, applicationId: string, now: Date) {
  return withActor(db, editor.actor, async (tx) => {
    const app = await lockApplication(tx, applicationId);
    authorizeApplication(editor.principal, 'apply', app);
    if (!withdrawable(app.status)) throw conflict('application can no longer be withdrawn');
    await tx
      .update(applications)
      .set({ status: 'withdrawn', updatedAt: now })
      .where(eq(applications.id, applicationId));
  });
}
