import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Queryable, Tx } from '../../db/client.ts';
import {
  applications,
  callAllocations,
  callChainStep,
  callChainSteps,
  callRecommendations,
  organisations,
  users,
} from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { addGrantFromAllocation } from '../grants/register.ts';
import { authorize } from '../policy/policy.ts';
import { conflict, lockCall } from './locks.ts';
import { callParties } from './parties.ts';
import { authorizeCall } from './policy.ts';
import { rankedApplications } from './queries.ts';

/**
 * The joint decision chain of a call with a decider (seed 003, docs/grants.md): after the joint
 * assessment the owner draws up the recommendation (indstilling) from the ranking, each funder of
 * the call signs it off, the decider selects (`decideCall`), each funder allocates its own budget
 * and declares its allocation finished, and the owner creates the grants in the register from the
 * allocations. Each step is taken once per party, in this order, with who and when.
 */

export type ChainStep = (typeof callChainStep.enumValues)[number];
export const CHAIN_STEPS = callChainStep.enumValues;

type LockedCall = Awaited<ReturnType<typeof lockCall>>;

/** The call, locked, when it follows the chain; a call with one decision has no chain steps. */
async function lockChainCall(tx: Tx, callId: string): Promise<LockedCall & { deciderId: string }> {
  const call = await lockCall(tx, callId);
  if (call.deciderId === null) throw conflict('the call has no joint decision chain');
  return { ...call, deciderId: call.deciderId };
}

/** The parties that have taken a step of the call. */
async function takenBy(tx: Queryable, callId: string, step: ChainStep): Promise<Set<string>> {
  const rows = await tx
    .select({ organisationId: callChainSteps.organisationId })
    .from(callChainSteps)
    .where(and(eq(callChainSteps.callId, callId), eq(callChainSteps.step, step)));
  return new Set(rows.map((r) => r.organisationId));
}

/** The funders of the call: every organisation with a budget row in it. */
async function fundersOf(tx: Queryable, callId: string): Promise<string[]> {
  return [...((await callParties(tx, callId))?.funderIds ?? [])];
}

/** Refuses a step some required party has not taken yet. */
async function requireTaken(tx: Tx, callId: string, step: ChainStep, parties: readonly string[]) {
  const taken = await takenBy(tx, callId, step);
  if (parties.length === 0 || parties.some((id) => !taken.has(id)))
    throw conflict(`the step ${step} has not been taken`);
}

/** Records a step for a party, refusing it when the party has taken it already. */
async function takeStep(tx: Tx, editor: Caller, callId: string, step: ChainStep, partyId: string, now: Date) {
  const [row] = await tx
    .insert(callChainSteps)
    .values({ callId, step, organisationId: partyId, doneBy: editor.actor.userId, doneAt: now })
    .onConflictDoNothing()
    .returning({ step: callChainSteps.step });
  if (!row) throw conflict(`the step ${step} has already been taken`);
}

/** The owner puts forward eligible applications of the assessed call, in the order of the ranking. */
export async function recommend(
  db: Db,
  editor: Caller,
  callId: string,
  applicationIds: readonly string[],
  now: Date,
) {
  return withActor(db, editor.actor, async (tx) => {
    const call = await lockChainCall(tx, callId);
    authorizeCall(editor.principal, 'manage', call);
    if (call.status !== 'assessed') throw conflict('the recommendation follows the joint assessment');
    const chosen = new Set(applicationIds);
    const ranked = (await rankedApplications(tx, callId)).filter((r) => r.application.status === 'eligible');
    const recommended = ranked.filter((r) => chosen.has(r.application.id));
    if (chosen.size === 0 || recommended.length !== chosen.size)
      throw conflict('recommend one or more eligible applications', [
        { field: 'recommended', message: 'recommendEligible' },
      ]);
    await takeStep(tx, editor, callId, 'recommendation', call.ownerId, now);
    await tx
      .insert(callRecommendations)
      .values(recommended.map((r, i) => ({ callId, applicationId: r.application.id, position: i + 1 })));
  });
}

/** A funder of the call signs off the recommendation for its organisation. */
export async function signOffRecommendation(
  db: Db,
  editor: Caller,
  callId: string,
  funderId: string,
  now: Date,
) {
  authorize(editor.principal, 'calls.signOff', { organisationId: funderId });
  return withActor(db, editor.actor, async (tx) => {
    const call = await lockChainCall(tx, callId);
    if (!(await fundersOf(tx, callId)).includes(funderId)) throw conflict('not a funder of the call');
    if (call.status !== 'assessed') throw conflict('the call has been decided');
    await requireTaken(tx, callId, 'recommendation', [call.ownerId]);
    await takeStep(tx, editor, callId, 'sign_off', funderId, now);
  });
}

/**
 * Inside `decideCall`: a chain call is selected by its decider only once every funder has signed
 * off the recommendation; the selection is then a step like the others.
 */
export async function takeSelection(tx: Tx, editor: Caller, call: LockedCall, now: Date) {
  if (call.deciderId === null) return;
  await requireTaken(tx, call.id, 'sign_off', await fundersOf(tx, call.id));
  await takeStep(tx, editor, call.id, 'selection', call.deciderId, now);
}

/** Inside `allocate`: a funder that has finished its allocation of a chain call cannot change it. */
export async function assertAllocationOpen(tx: Tx, callId: string, funderId: string) {
  if ((await takenBy(tx, callId, 'allocation')).has(funderId))
    throw conflict('the allocation has been finished', [
      { field: 'amountDkk', message: 'allocationFinished' },
    ]);
}

/** A funder declares its allocation of the decided call finished: its amounts are then final. */
export async function finishAllocation(db: Db, editor: Caller, callId: string, funderId: string, now: Date) {
  authorize(editor.principal, 'calls.allocate', { organisationId: funderId });
  return withActor(db, editor.actor, async (tx) => {
    const call = await lockChainCall(tx, callId);
    if (!(await fundersOf(tx, callId)).includes(funderId)) throw conflict('not a funder of the call');
    await requireTaken(tx, callId, 'selection', [call.deciderId]);
    await takeStep(tx, editor, callId, 'allocation', funderId, now);
  });
}

/**
 * Once every funder has finished allocating, the owner creates the grants: one per funder ×
 * cluster × year with an amount, equal to the allocation. Returns how many were created.
 */
export async function createGrants(db: Db, editor: Caller, callId: string, now: Date): Promise<number> {
  return withActor(db, editor.actor, async (tx) => {
    const call = await lockChainCall(tx, callId);
    authorizeCall(editor.principal, 'manage', call);
    await requireTaken(tx, callId, 'allocation', await fundersOf(tx, callId));
    await takeStep(tx, editor, callId, 'grants', call.ownerId, now);
    const allocated = await tx
      .select({
        funderId: callAllocations.funderId,
        clusterId: applications.organisationId,
        year: callAllocations.year,
        amountDkk: callAllocations.amountDkk,
      })
      .from(callAllocations)
      .innerJoin(applications, eq(applications.id, callAllocations.applicationId))
      .where(and(eq(applications.callId, callId), sql`${callAllocations.amountDkk} > 0`))
      .orderBy(asc(callAllocations.year), asc(callAllocations.funderId));
    for (const a of allocated) await addGrantFromAllocation(tx, a.funderId, a);
    return allocated.length;
  });
}

/** The chain as the call's page shows it: each step's parties, who took it and when. */
export async function chainOf(db: Queryable, callId: string) {
  const parties = await callParties(db, callId);
  if (!parties?.deciderId) return null;
  const taken = await db
    .select({
      step: callChainSteps.step,
      organisationId: callChainSteps.organisationId,
      doneByName: users.name,
      doneAt: callChainSteps.doneAt,
    })
    .from(callChainSteps)
    .leftJoin(users, eq(users.id, callChainSteps.doneBy))
    .where(eq(callChainSteps.callId, callId));
  const partyIds = [...new Set([parties.ownerId, parties.deciderId, ...parties.funderIds])];
  const names = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, partyIds));
  const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? '';
  const partiesOf: Record<ChainStep, string[]> = {
    recommendation: [parties.ownerId],
    sign_off: [...parties.funderIds],
    selection: [parties.deciderId],
    allocation: [...parties.funderIds],
    grants: [parties.ownerId],
  };
  const steps = CHAIN_STEPS.map((step) => ({
    step,
    parties: partiesOf[step].map((id) => {
      const done = taken.find((t) => t.step === step && t.organisationId === id);
      return {
        organisationId: id,
        organisationName: nameOf(id),
        doneByName: done?.doneByName ?? null,
        doneAt: done?.doneAt ?? null,
      };
    }),
  }));
  const recommended = await db
    .select({ applicationId: callRecommendations.applicationId, position: callRecommendations.position })
    .from(callRecommendations)
    .where(eq(callRecommendations.callId, callId))
    .orderBy(asc(callRecommendations.position));
  return { deciderName: nameOf(parties.deciderId), steps, recommended };
}
export type CallChain = NonNullable<Awaited<ReturnType<typeof chainOf>>>;

/** The parties that have taken a step. */
export const doneFor = (chain: CallChain, step: ChainStep) =>
  new Set(
    chain.steps
      .find((s) => s.step === step)
      ?.parties.filter((p) => p.doneAt !== null)
      .map((p) => p.organisationId) ?? [],
  );
/** Whether every party of a step has taken it. */
export const allDone = (chain: CallChain, step: ChainStep) =>
  chain.steps.find((s) => s.step === step)?.parties.every((p) => p.doneAt !== null) ?? false;

/** Whether the decider may select now: always without a chain, else once every funder signed off. */
export const selectionDue = (chain: CallChain | null) => chain === null || allDone(chain, 'sign_off');

/** Whether a funder may still change its allocation: it has not declared it finished. */
export const allocationOpen = (chain: CallChain | null, funderId: string) =>
  chain === null || !doneFor(chain, 'allocation').has(funderId);
