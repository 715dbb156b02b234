/**
 * Joint events (seed 000): a business hub proposes an event to a cluster; the cluster's staff
 * accept it, which publishes it as the cluster's event with the hub as co-organiser, or decline
 * it with a reason. The proposer is told the answer in the portal. Every change is audited.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../../db/client.ts';
import { events, jointEventProposals } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { instantOf, requiredDate, requiredTime } from '../content/schemas.ts';
import { insertWithSlug } from '../content/slug.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { addNotifications } from '../notifications/commands.ts';
import { authorize, can } from '../policy/policy.ts';
import { uuidArray } from '../reporting/uuid-array.ts';
import { hubsOf } from './policy.ts';

const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');

/** The proposal form: which hub (the caller's first when left out) proposes what to which cluster. */
export const jointEventInput = z
  .object({
    hubId: z.uuid('invalid').optional(),
    clusterId: z.uuid('cluster'),
    title: text(200),
    date: requiredDate,
    startTime: requiredTime,
    endTime: requiredTime,
    location: text(200),
    description: text(4000),
  })
  .transform((v, ctx) => {
    const startsAt = instantOf(ctx, 'date', v.date, v.startTime);
    const endsAt = instantOf(ctx, 'date', v.date, v.endTime);
    if (endsAt < startsAt) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'endBeforeStart' });
    return {
      hubId: v.hubId,
      clusterId: v.clusterId,
      title: v.title,
      location: v.location,
      description: v.description,
      startsAt,
      endsAt,
    };
  });

export const declineJointEventInput = z.object({ reason: text(2000) });

const validation = (field: string, message: string) =>
  new AppError('validation', 'Invalid input', [{ field, message }]);

/** The kind and name of an organisation, or null when there is none with that id. */
async function organisation(db: Queryable, id: string) {
  const [row] = await queryRows<{ kind: string; name: string }>(
    db,
    sql`select kind, name from organisations where id = ${id} and ended_on is null`,
  );
  return row ?? null;
}

/** Proposes a joint event to a cluster on behalf of one of the caller's business hubs. */
export async function proposeJointEvent(
  db: Db,
  caller: Caller,
  input: unknown,
  now: Date,
): Promise<{ id: string }> {
  const data = parseInput(jointEventInput, input);
  const hubId = data.hubId ?? hubsOf(caller.principal)[0];
  authorize(caller.principal, 'jointEvents.propose', { organisationId: hubId });
  const [hub, cluster] = await Promise.all([
    organisation(db, hubId as string),
    organisation(db, data.clusterId),
  ]);
  if (hub?.kind !== 'business_service') throw validation('hubId', 'invalid');
  if (cluster?.kind !== 'cluster_organisation') throw validation('clusterId', 'cluster');
  if (data.startsAt < now) throw validation('date', 'past');
  return withActor(db, caller.actor, async (tx) => {
    const [row] = await tx
      .insert(jointEventProposals)
      .values({
        hubId: hubId as string,
        clusterId: data.clusterId,
        title: data.title,
        description: data.description,
        location: data.location,
        startsAt: data.startsAt,
        endsAt: data.endsAt,
        proposedBy: caller.principal.userId,
        proposedAt: now,
      })
      .returning({ id: jointEventProposals.id });
    await addNotifications(tx, [
      {
        recipientOrganisationId: data.clusterId,
        recipientRole: 'cluster_staff',
        text: `${hub.name} foreslår et fælles arrangement: ${data.title}`,
        textEn: `${hub.name} proposes a joint event: ${data.title}`,
        link: '/arbejdsrum/faelles-arrangementer',
        createdAt: now,
      },
    ]);
    return { id: row?.id as string };
  });
}

/** The proposal to answer: not found unless it exists; refused unless the caller works for its cluster. */
async function proposalToAnswer(db: Queryable, caller: Caller, id: string) {
  if (!isUuid(id)) throw notFound('joint event proposal');
  const [proposal] = await db.select().from(jointEventProposals).where(eq(jointEventProposals.id, id));
  if (!proposal) throw notFound('joint event proposal');
  authorize(caller.principal, 'jointEvents.answer', { organisationId: proposal.clusterId });
  if (proposal.status !== 'proposed') throw new AppError('conflict', 'The proposal has been answered');
  return proposal;
}

type Proposal = Awaited<ReturnType<typeof proposalToAnswer>>;

/** Records the answer, unless someone answered first (then nothing of this answer is kept). */
async function answer(
  tx: Tx,
  id: string,
  outcome:
    | { status: 'accepted'; eventId: string | undefined }
    | { status: 'declined'; declineReason: string },
  caller: Caller,
  now: Date,
) {
  const answered = await tx
    .update(jointEventProposals)
    .set({ ...outcome, answeredBy: caller.principal.userId, answeredAt: now })
    .where(and(eq(jointEventProposals.id, id), eq(jointEventProposals.status, 'proposed')))
    .returning({ id: jointEventProposals.id });
  if (answered.length === 0) throw new AppError('conflict', 'The proposal has been answered');
}

/** Tells the hub what the cluster answered. */
async function tellHub(tx: Tx, p: Proposal, accepted: boolean, now: Date) {
  await addNotifications(tx, [
    {
      recipientOrganisationId: p.hubId,
      recipientRole: 'business_service_staff',
      text: accepted
        ? `Det fælles arrangement er accepteret: ${p.title}`
        : `Det fælles arrangement er afvist: ${p.title}`,
      textEn: accepted
        ? `The joint event was accepted: ${p.title}`
        : `The joint event was declined: ${p.title}`,
      link: '/erhvervshus',
      createdAt: now,
    },
  ]);
}

/** Accepts a proposal: publishes it as the cluster's event with the hub as co-organiser. */
export async function acceptJointEvent(
  db: Db,
  caller: Caller,
  id: string,
  now: Date,
): Promise<{ slug: string }> {
  const proposal = await proposalToAnswer(db, caller, id);
  return insertWithSlug(db, caller.actor, events, proposal.title, async (tx, slug) => {
    const [event] = await tx
      .insert(events)
      .values({
        organisationId: proposal.clusterId,
        coOrganisationId: proposal.hubId,
        slug,
        title: proposal.title,
        body: proposal.description,
        startsAt: proposal.startsAt,
        endsAt: proposal.endsAt,
        location: proposal.location,
        municipalityCode: proposal.municipalityCode,
        publishedAt: now,
        createdBy: caller.principal.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: events.id });
    await answer(tx, id, { status: 'accepted', eventId: event?.id }, caller, now);
    await tellHub(tx, proposal, true, now);
  });
}

/** Declines a proposal with a reason the hub sees. */
export async function declineJointEvent(
  db: Db,
  caller: Caller,
  id: string,
  input: unknown,
  now: Date,
): Promise<void> {
  const proposal = await proposalToAnswer(db, caller, id);
  const { reason } = parseInput(declineJointEventInput, input);
  await withActor(db, caller.actor, async (tx) => {
    await answer(tx, id, { status: 'declined', declineReason: reason }, caller, now);
    await tellHub(tx, proposal, false, now);
  });
}

export interface JointEventProposal {
  id: string;
  hubName: string;
  clusterName: string;
  title: string;
  description: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  status: 'proposed' | 'accepted' | 'declined';
  declineReason: string | null;
  eventSlug: string | null;
  /** Whether the caller may accept or decline it now. */
  answerable: boolean;
}

/**
 * The proposals of the caller's organisations, newest first: those to their clusters and those
 * from their hubs. Refused to anyone who neither proposes nor answers joint events.
 */
export async function jointEventProposalsOf(db: Queryable, caller: Caller): Promise<JointEventProposal[]> {
  const p = caller.principal;
  const own = [...new Set(p.memberships.map((m) => m.organisationId))].filter(
    (organisationId) =>
      can(p, 'jointEvents.answer', { organisationId }) || can(p, 'jointEvents.propose', { organisationId }),
  );
  if (own.length === 0) authorize(p, 'jointEvents.answer', {});
  const rows = await queryRows<Omit<JointEventProposal, 'answerable'> & { clusterId: string }>(
    db,
    sql`select j.id, h.name as "hubName", c.name as "clusterName", j.cluster_id as "clusterId", j.title,
               j.description, j.location, j.starts_at as "startsAt", j.ends_at as "endsAt", j.status,
               j.decline_reason as "declineReason", e.slug as "eventSlug"
        from joint_event_proposals j join organisations h on h.id = j.hub_id
        join organisations c on c.id = j.cluster_id left join events e on e.id = j.event_id
        where j.cluster_id = any(${uuidArray(own)}) or j.hub_id = any(${uuidArray(own)})
        order by j.proposed_at desc, j.id limit 100`,
  );
  return rows.map(({ clusterId, ...r }) => ({
    ...r,
    startsAt: new Date(r.startsAt),
    endsAt: new Date(r.endsAt),
    answerable: r.status === 'proposed' && can(p, 'jointEvents.answer', { organisationId: clusterId }),
  }));
}

/** The clusters the caller's hub may propose a joint event to; refused to anyone not working for a hub. */
export async function proposalClusters(
  db: Queryable,
  caller: Caller,
): Promise<{ id: string; name: string }[]> {
  authorize(caller.principal, 'jointEvents.propose', { organisationId: hubsOf(caller.principal)[0] });
  return queryRows(
    db,
    sql`select id, name from organisations where kind = 'cluster_organisation' and ended_on is null order by name`,
  );
}
