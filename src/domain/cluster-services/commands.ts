/**
 * Changes of a cluster's services. Each command checks that the caller may edit the cluster's
 * profile (its own staff, support staff, admins: policy `clusterProfile.edit`) before it writes.
 */
import { and, eq, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { clusterServices } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { authorizeProfileEdit } from '../catalogue/policy.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { clusterServiceInput } from './schemas.ts';

/** The cluster a service belongs to; not found for an unknown or malformed id. */
async function serviceOwner(db: Queryable, serviceId: string): Promise<string> {
  const [row] = isUuid(serviceId)
    ? await db
        .select({ organisationId: clusterServices.organisationId })
        .from(clusterServices)
        .where(eq(clusterServices.id, serviceId))
    : [];
  if (!row) throw notFound('service');
  return row.organisationId;
}

/** Adds a service after the cluster's others; returns its id. */
export async function addClusterService(
  db: Db,
  caller: Caller,
  organisationId: string,
  input: unknown,
  now: Date,
): Promise<string> {
  authorizeProfileEdit(caller, organisationId);
  const data = parseInput(clusterServiceInput, input);
  const [row] = await withActor(db, caller.actor, (tx) =>
    tx
      .insert(clusterServices)
      .values({
        ...data,
        organisationId,
        position: sql`(select coalesce(max(position), 0) + 1 from cluster_services where organisation_id = ${organisationId})`,
        updatedAt: now,
      })
      .returning({ id: clusterServices.id }),
  );
  if (!row) throw new AppError('conflict', 'service not saved');
  return row.id;
}

export async function updateClusterService(
  db: Db,
  caller: Caller,
  serviceId: string,
  input: unknown,
  now: Date,
): Promise<void> {
  const organisationId = await serviceOwner(db, serviceId);
  authorizeProfileEdit(caller, organisationId);
  const data = parseInput(clusterServiceInput, input);
  await withActor(db, caller.actor, (tx) =>
    tx
      .update(clusterServices)
      .set({ ...data, updatedAt: now })
      .where(and(eq(clusterServices.id, serviceId), eq(clusterServices.organisationId, organisationId))),
  );
}

export async function removeClusterService(db: Db, caller: Caller, serviceId: string): Promise<void> {
  const organisationId = await serviceOwner(db, serviceId);
  authorizeProfileEdit(caller, organisationId);
  await withActor(db, caller.actor, (tx) =>
    tx.delete(clusterServices).where(eq(clusterServices.id, serviceId)),
  );
}
