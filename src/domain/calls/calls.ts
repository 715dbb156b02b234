import { eq } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { calls, organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { insertWithSlug } from '../content/slug.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { Membership } from '../policy/policy.ts';
import { findCall } from './listing.ts';
import { authorizeCall, callOwnerOrganisations } from './policy.ts';
import type { CallInput } from './schemas.ts';
import { moveLockedCall } from './setup.ts';
import { canMove } from './workflow.ts';

/**
 * The call itself, as its owner writes it on the call form: owner, texts, dates and status. A
 * call with a set-up takes its applications in the portal; one without says in its text where to
 * apply (an external application), and is otherwise the same call with the same public page.
 */

/** Only a funder organisation owns calls, and only its own funders write them. */
async function requireCallOwner(db: Queryable, editor: Caller, organisationId: string): Promise<void> {
  authorizeCall(editor.principal, 'manage', { ownerId: organisationId });
  const [org] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (org?.kind !== 'funder') throw forbidden('Calls are owned by funders');
}

const callValues = (input: CallInput) => ({
  ownerId: input.organisationId,
  title: input.title,
  summary: input.summary,
  body: input.body,
  opensAt: input.opensAt,
  deadline: input.deadline,
  assessmentDeadline: input.assessmentDeadline,
  decisionDate: input.decisionDate,
  grantsStartOn: input.grantsStartOn,
});

export async function createCall(db: Db, editor: Caller, input: CallInput, now: Date) {
  await requireCallOwner(db, editor, input.organisationId);
  // A new call starts as a draft; the only status it may skip to is the draft's one next step.
  if (input.status !== 'draft' && !canMove('draft', input.status))
    throw new AppError('validation', `a new call cannot be ${input.status}`, [
      { field: 'status', message: 'transitionNotAllowed' },
    ]);
  return insertWithSlug(db, editor.actor, calls, input.title, (tx, slug) =>
    tx.insert(calls).values({
      ...callValues(input),
      status: input.status,
      slug,
      createdBy: editor.principal.userId,
      createdAt: now,
      updatedAt: now,
    }),
  );
}

export async function updateCall(
  db: Db,
  editor: Caller,
  slug: string,
  input: CallInput,
  now: Date,
): Promise<{ slug: string }> {
  return withActor(db, editor.actor, async (tx) => {
    const [current] = await tx
      .select({ id: calls.id, ownerId: calls.ownerId, status: calls.status, deadline: calls.deadline })
      .from(calls)
      .where(eq(calls.slug, slug))
      .for('update');
    if (!current) throw notFound('call');
    await requireCallOwner(tx, editor, current.ownerId);
    await requireCallOwner(tx, editor, input.organisationId);
    await tx
      .update(calls)
      .set({ ...callValues(input), updatedAt: now })
      .where(eq(calls.id, current.id));
    // The status changes only along the call flow's one transition table, with its checks.
    if (input.status !== current.status) {
      if (!canMove(current.status, input.status))
        throw new AppError('validation', `call cannot move from ${current.status} to ${input.status}`, [
          { field: 'status', message: 'transitionNotAllowed' },
        ]);
      try {
        await moveLockedCall(tx, current, input.status, now);
      } catch (e) {
        // Refused by the call flow (no set-up, before the deadline): a field error on the form.
        if (!(e instanceof AppError) || e.code !== 'conflict') throw e;
        throw new AppError('validation', e.message, [
          { field: 'status', message: e.issues[0]?.message ?? 'transitionNotAllowed' },
        ]);
      }
    }
    return { slug };
  });
}

/** The call to edit on its form; refused unless the editor manages it. */
export async function callToEdit(db: Queryable, editor: Caller, slug: string) {
  const call = await findCall(db, editor.principal, slug);
  if (!call) throw notFound('call');
  authorizeCall(editor.principal, 'manage', { ownerId: call.organisationId });
  return call;
}

/** The organisations a new call may belong to; refused for a user who may create none. */
export function newCallOwners<M extends Membership & { organisationKind: string }>(
  principal: { userId: string; memberships: readonly M[] } | null,
): M[] {
  const owners = callOwnerOrganisations(principal);
  if (owners.length === 0) throw forbidden('Not allowed: calls.manage');
  return owners;
}
