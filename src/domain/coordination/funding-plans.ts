/**
 * Dialogue before new funding (seed 000, "Dialog og åbenhed om bevillinger"): a funder records a
 * funding plan, the other funders are told and comment until the decision date, and the owning
 * funder closes the plan as decided or abandoned. Each command checks the policy itself.
 */
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import {
  fundingPlanComments,
  fundingPlans,
  memberships,
  organisations,
  users,
} from '../../db/schema/index.ts';
import type { MailMessage } from '../../mail/mailer.ts';
import type { Caller } from '../caller.ts';
import { AppError, forbidden, notFound, parseInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { addNotifications } from '../notifications/commands.ts';
import { authorize } from '../policy/policy.ts';
import { copenhagenDate } from '../reference/time.ts';
import { fundingPlanMail } from './funding-plan-mail.ts';
import { fundingPlanPath } from './funding-plan-queries.ts';
import { commentingFunder, commentsOpen, proposingFunders } from './policy.ts';
import { commentInput, type FundingPlanInput, fundingPlanInput, outcomeInput } from './schemas.ts';

export interface ProposeResult {
  id: string;
  /** How many other funder organisations got a notification. */
  notifiedFunders: number;
  /** The e-mails to send to the other funders' people, once the plan is saved. */
  mails: MailMessage[];
}

/** The funder organisation a plan is for: the one the input names, else the caller's first. */
function requestedFunder(caller: Caller, input: unknown): string | undefined {
  const named = (input as { funderId?: unknown } | null)?.funderId;
  return typeof named === 'string' && named !== '' ? named : proposingFunders(caller.principal)[0];
}

/**
 * A funder records a funding plan. The other funders are told in the portal (one notification per
 * funder organisation) and by e-mail to each of their active funder users.
 */
export async function proposeFundingPlan(
  db: Db,
  caller: Caller,
  input: unknown,
  context: { now: Date; publicUrl: string },
): Promise<ProposeResult> {
  const funderId = requestedFunder(caller, input);
  authorize(caller.principal, 'fundingPlans.propose', funderId ? { organisationId: funderId } : {});
  const data = parseInput(fundingPlanInput, input);
  if (data.decisionDate < copenhagenDate(context.now))
    throw new AppError('validation', 'Invalid input', [{ field: 'decisionDate', message: 'past' }]);
  return withActor(db, caller.actor, async (tx) => {
    const [owner] = await tx
      .select({ name: organisations.name, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, funderId as string));
    if (owner?.kind !== 'funder') throw notFound('funder');
    await requireClusters(tx, data.relatedClusterIds);
    const [row] = await tx
      .insert(fundingPlans)
      .values({
        funderId: funderId as string,
        title: data.title,
        description: data.description,
        theme: data.theme,
        regionCodes: [...new Set(data.regionCodes)].sort(),
        budgetDkk: data.budgetDkk,
        decisionDate: data.decisionDate,
        relatedClusterIds: [...new Set(data.relatedClusterIds)],
        proposedBy: caller.actor.userId,
        createdAt: context.now,
      })
      .returning({ id: fundingPlans.id });
    if (!row) throw new Error('funding plan not inserted');
    const link = fundingPlanPath(row.id);
    const notifiedFunders = await notifyOtherFunders(
      tx,
      funderId as string,
      owner.name,
      data,
      link,
      context.now,
    );
    const url = `${context.publicUrl.replace(/\/$/, '')}${link}`;
    const mails = (await otherFundersPeople(tx, funderId as string)).map((r) =>
      fundingPlanMail(r.email, r.locale === 'en' ? 'en' : 'da', owner.name, data, url),
    );
    return { id: row.id, notifiedFunders, mails };
  });
}

async function requireClusters(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, [...ids]), eq(organisations.kind, 'cluster_organisation')));
  if (found.length !== new Set(ids).size)
    throw new AppError('validation', 'Invalid input', [{ field: 'relatedClusterIds', message: 'clusters' }]);
}

/** One notification to every other funder organisation; returns how many were told. */
async function notifyOtherFunders(
  tx: Tx,
  funderId: string,
  funderName: string,
  data: FundingPlanInput,
  link: string,
  now: Date,
): Promise<number> {
  const others = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'funder'), ne(organisations.id, funderId)));
  await addNotifications(
    tx,
    others.map((o) => ({
      recipientOrganisationId: o.id,
      recipientRole: 'funder' as const,
      text: `${funderName} planlægger »${data.title}« og beder om kommentarer inden ${data.decisionDate}`,
      textEn: `${funderName} plans “${data.title}” and asks for comments by ${data.decisionDate}`,
      link,
      createdAt: now,
    })),
  );
  return others.length;
}

/** The active funder users of every other funder organisation, each once. */
function otherFundersPeople(tx: Tx, funderId: string) {
  return tx
    .selectDistinct({ email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(eq(memberships.role, 'funder'), ne(memberships.organisationId, funderId), isNull(users.disabledAt)),
    );
}

/** The plan's row, locked for the rest of the transaction so a comment and a close cannot cross. */
async function lockedPlan(tx: Tx, id: string) {
  if (!isUuid(id)) throw notFound('funding plan');
  const [plan] = await tx
    .select({
      funderId: fundingPlans.funderId,
      title: fundingPlans.title,
      status: fundingPlans.status,
      decisionDate: fundingPlans.decisionDate,
    })
    .from(fundingPlans)
    .where(eq(fundingPlans.id, id))
    .for('update');
  if (!plan) throw notFound('funding plan');
  return plan;
}

/**
 * Another funder comments. Refused once the decision date has passed (Danish time) or the plan
 * is closed; the owning funder gets a notification.
 */
export async function commentOnFundingPlan(
  db: Db,
  caller: Caller,
  planId: string,
  input: unknown,
  now: Date,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const plan = await lockedPlan(tx, planId);
    authorize(caller.principal, 'fundingPlans.comment', { organisationId: plan.funderId });
    const funderId = commentingFunder(caller.principal, plan);
    if (!funderId) throw forbidden('Not a funder other than the plan’s owner');
    const data = parseInput(commentInput, input);
    if (!commentsOpen(plan, now)) throw new AppError('conflict', 'Comments are closed');
    const [funder] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, funderId));
    const [author] = caller.actor.userId
      ? await tx.select({ name: users.name }).from(users).where(eq(users.id, caller.actor.userId))
      : [];
    await tx.insert(fundingPlanComments).values({
      fundingPlanId: planId,
      funderId,
      authorId: caller.actor.userId,
      authorName: author?.name ?? caller.actor.label,
      body: data.body,
      createdAt: now,
    });
    const funderName = funder?.name ?? '';
    await addNotifications(tx, [
      {
        recipientOrganisationId: plan.funderId,
        recipientRole: 'funder',
        text: `Ny kommentar til »${plan.title}« fra ${funderName}`,
        textEn: `New comment on “${plan.title}” from ${funderName}`,
        link: fundingPlanPath(planId),
        createdAt: now,
      },
    ]);
  });
}

/** The owning funder closes the dialogue: the plan was decided or abandoned, with a note. */
export async function closeFundingPlan(
  db: Db,
  caller: Caller,
  planId: string,
  input: unknown,
  now: Date,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const plan = await lockedPlan(tx, planId);
    authorize(caller.principal, 'fundingPlans.close', { organisationId: plan.funderId });
    const data = parseInput(outcomeInput, input);
    if (plan.status !== 'planned') throw new AppError('conflict', 'Funding plan already closed');
    await tx
      .update(fundingPlans)
      .set({ status: data.outcome, outcomeNote: data.note, closedAt: now })
      .where(eq(fundingPlans.id, planId));
  });
}
