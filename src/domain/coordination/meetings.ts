/**
 * Coordination meetings between funders (seed 001, E4): a funder convenes a meeting before a new
 * call or to follow up, with an agenda and the funders taking part; a participant publishes the
 * minutes and records the decisions, which the responsible funder marks done. The participants
 * are told in the portal when a meeting is convened and when its minutes are published. Each
 * command checks the policy itself.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import {
  calls,
  coordinationDecisions,
  coordinationMeetingParticipants,
  coordinationMeetings,
  fundingPlans,
  organisations,
} from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { addNotifications } from '../notifications/commands.ts';
import { authorize } from '../policy/policy.ts';
import { conveningFunders, mayCompleteDecision, participatingFunder } from './meeting-policy.ts';
import { decisionInput, meetingInput, minutesInput } from './meeting-schemas.ts';

/** The site path of a meeting (Danish, canonical); stored in notifications. */
export const coordinationMeetingPath = (id: string) => `/finansiering/koordinering/moeder/${id}`;

const invalid = (field: string, message: string) =>
  new AppError('validation', 'Invalid input', [{ field, message }]);

/** The funder organisation convening: the one the input names, else the caller's first. */
function requestedConvener(caller: Caller, input: unknown): string | undefined {
  const named = (input as { funderId?: unknown } | null)?.funderId;
  return typeof named === 'string' && named !== '' ? named : conveningFunders(caller.principal)[0];
}

/** Refuses references to what does not exist: the ids must be organisations of the kind. */
async function requireOrganisations(
  tx: Tx,
  ids: readonly string[],
  kind: 'funder' | 'cluster_organisation',
  field: string,
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, unique), eq(organisations.kind, kind)));
  if (found.length !== unique.length) throw invalid(field, kind === 'funder' ? 'funders' : 'cluster');
}

async function requireCall(tx: Tx, callId: string | null): Promise<void> {
  if (callId === null) return;
  const [call] = await tx.select({ id: calls.id }).from(calls).where(eq(calls.id, callId));
  if (!call) throw invalid('callId', 'call');
}

async function requireFundingPlan(tx: Tx, planId: string | null): Promise<void> {
  if (planId === null) return;
  const [plan] = await tx
    .select({ id: fundingPlans.id })
    .from(fundingPlans)
    .where(eq(fundingPlans.id, planId));
  if (!plan) throw invalid('fundingPlanId', 'fundingPlan');
}

/** A funder convenes a meeting; every other participating funder is told. */
export async function conveneMeeting(
  db: Db,
  caller: Caller,
  input: unknown,
  now: Date,
): Promise<{ id: string; notifiedFunders: number }> {
  const convener = requestedConvener(caller, input);
  authorize(caller.principal, 'coordinationMeetings.convene', convener ? { organisationId: convener } : {});
  const data = parseInput(meetingInput, input);
  const others = [...new Set(data.participantIds)].filter((id) => id !== convener);
  return withActor(db, caller.actor, async (tx) => {
    await requireOrganisations(tx, [convener as string], 'funder', 'funderId');
    await requireOrganisations(tx, others, 'funder', 'participantIds');
    await requireCall(tx, data.callId);
    await requireFundingPlan(tx, data.fundingPlanId);
    const [row] = await tx
      .insert(coordinationMeetings)
      .values({
        title: data.title,
        kind: data.kind,
        heldOn: data.heldOn,
        agenda: data.agenda,
        callId: data.callId,
        fundingPlanId: data.fundingPlanId,
        convenedBy: convener as string,
        createdBy: caller.actor.userId,
        createdAt: now,
      })
      .returning({ id: coordinationMeetings.id });
    if (!row) throw new Error('coordination meeting not inserted');
    await tx
      .insert(coordinationMeetingParticipants)
      .values([convener as string, ...others].map((funderId) => ({ meetingId: row.id, funderId })));
    await notifyFunders(tx, others, {
      text: `Du er inviteret til koordineringsmødet »${data.title}« den ${data.heldOn}`,
      textEn: `You are invited to the coordination meeting “${data.title}” on ${data.heldOn}`,
      link: coordinationMeetingPath(row.id),
      createdAt: now,
    });
    return { id: row.id, notifiedFunders: others.length };
  });
}

async function notifyFunders(
  tx: Tx,
  funderIds: readonly string[],
  message: { text: string; textEn: string; link: string; createdAt: Date },
): Promise<void> {
  await addNotifications(
    tx,
    funderIds.map((id) => ({ recipientOrganisationId: id, recipientRole: 'funder' as const, ...message })),
  );
}

/** The meeting's title, minutes state and participants, locked so concurrent changes queue. */
async function lockedMeeting(tx: Tx, id: string) {
  if (!isUuid(id)) throw notFound('coordination meeting');
  const [meeting] = await tx
    .select({ title: coordinationMeetings.title, published: coordinationMeetings.minutesPublishedAt })
    .from(coordinationMeetings)
    .where(eq(coordinationMeetings.id, id))
    .for('update');
  if (!meeting) throw notFound('coordination meeting');
  const participants = await tx
    .select({ funderId: coordinationMeetingParticipants.funderId })
    .from(coordinationMeetingParticipants)
    .where(eq(coordinationMeetingParticipants.meetingId, id));
  return { ...meeting, participantIds: participants.map((p) => p.funderId) };
}

/** A participant who records for the meeting; anyone else is refused. */
function requireParticipant(caller: Caller, participantIds: readonly string[]): void {
  const own = participatingFunder(caller.principal, participantIds);
  authorize(caller.principal, 'coordinationMeetings.record', own ? { organisationId: own } : {});
}

/**
 * A participant publishes the minutes (Markdown), or corrects them. The participants are told
 * when they are first published.
 */
export async function publishMinutes(
  db: Db,
  caller: Caller,
  meetingId: string,
  input: unknown,
  now: Date,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const meeting = await lockedMeeting(tx, meetingId);
    requireParticipant(caller, meeting.participantIds);
    const data = parseInput(minutesInput, input);
    await tx
      .update(coordinationMeetings)
      .set({ minutes: data.minutes, minutesPublishedAt: meeting.published ?? now })
      .where(eq(coordinationMeetings.id, meetingId));
    if (meeting.published) return;
    await notifyFunders(tx, meeting.participantIds, {
      text: `Referatet af »${meeting.title}« er offentliggjort`,
      textEn: `The minutes of “${meeting.title}” are published`,
      link: coordinationMeetingPath(meetingId),
      createdAt: now,
    });
  });
}

/** A participant records a decision; the responsible funder must be one of the participants. */
export async function recordDecision(
  db: Db,
  caller: Caller,
  meetingId: string,
  input: unknown,
  now: Date,
): Promise<string> {
  return withActor(db, caller.actor, async (tx) => {
    const meeting = await lockedMeeting(tx, meetingId);
    requireParticipant(caller, meeting.participantIds);
    const data = parseInput(decisionInput, input);
    if (!meeting.participantIds.includes(data.responsibleFunderId))
      throw invalid('responsibleFunderId', 'responsible');
    await requireCall(tx, data.callId);
    if (data.clusterId) await requireOrganisations(tx, [data.clusterId], 'cluster_organisation', 'clusterId');
    const [row] = await tx
      .insert(coordinationDecisions)
      .values({ meetingId, ...data, createdAt: now })
      .returning({ id: coordinationDecisions.id });
    if (!row) throw new Error('decision not inserted');
    return row.id;
  });
}

/** The responsible funder marks a decision done; returns the meeting it was taken at. */
export async function completeDecision(
  db: Db,
  caller: Caller,
  decisionId: string,
  now: Date,
): Promise<string> {
  return withActor(db, caller.actor, async (tx) => {
    if (!isUuid(decisionId)) throw notFound('decision');
    const [decision] = await tx
      .select({
        meetingId: coordinationDecisions.meetingId,
        responsibleFunderId: coordinationDecisions.responsibleFunderId,
        status: coordinationDecisions.status,
      })
      .from(coordinationDecisions)
      .where(eq(coordinationDecisions.id, decisionId))
      .for('update');
    if (!decision) throw notFound('decision');
    authorize(caller.principal, 'coordinationDecisions.complete', {
      organisationId: decision.responsibleFunderId,
    });
    if (!mayCompleteDecision(caller.principal, decision))
      throw new AppError('conflict', 'Decision already done');
    await tx
      .update(coordinationDecisions)
      .set({ status: 'done', doneAt: now })
      .where(eq(coordinationDecisions.id, decisionId));
    return decision.meetingId;
  });
}
