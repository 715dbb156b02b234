import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Db } from '../../../db/client.ts';
import { deliveries, organisations } from '../../../db/schema/index.ts';
import type { BulkSession } from '../../../imports/bulk.ts';
import type { Caller } from '../../caller.ts';
import { type DeliveryRights, deliveryRights } from '../policy.ts';
import {
  type DeliveryFile,
  type DeliveryOutcome,
  type DeliveryScope,
  loadDelivery,
  type Progress,
  type Timings,
} from './load.ts';

export type Channel = 'cli' | 'web' | 'api';

export interface DeliveryRequest {
  channel: Channel;
  files: DeliveryFile[];
  progress?: Progress;
  timings?: Timings | undefined;
  now: () => Date;
}

const STORED_ERRORS = 1_000;

export const fileFromPath = (path: string): DeliveryFile => ({
  name: basename(path),
  open: () => createReadStream(path),
  path,
});

/** The CVRs of the clusters a delivery may report for, from the caller's rights. */
async function scopeOf(db: Db, rights: DeliveryRights): Promise<DeliveryScope> {
  if (rights.clusters === null) return { clusterCvrs: null, mayRegisterClusters: rights.mayRegisterClusters };
  const rows = await db
    .select({ cvr: organisations.cvr })
    .from(organisations)
    .where(and(inArray(organisations.id, rights.clusters), eq(organisations.kind, 'cluster_organisation')));
  return {
    clusterCvrs: rows.flatMap((r) => (r.cvr ? [r.cvr] : [])),
    mayRegisterClusters: rights.mayRegisterClusters,
  };
}

/**
 * Loads a delivery for the caller, within the caller's rights (reporting policy:
 * deliveryRights), and records it in the delivery log: a loaded delivery in the same transaction
 * as its data (so the log never claims data that is not there), a rejected one afterwards with
 * its errors. The log names the caller's first cluster as the organisation it came from.
 */
export async function submitDelivery(
  database: Database,
  caller: Caller,
  req: DeliveryRequest,
): Promise<DeliveryOutcome & { deliveryId: string }> {
  const rights = deliveryRights(caller.principal);
  const scope = await scopeOf(database.db, rights);
  const organisationId = rights.clusters?.[0] ?? null;
  const { actor } = caller;
  const startedAt = req.now();
  let deliveryId = '';
  const record = async (
    q: (text: string, params: unknown[]) => Promise<{ id: string }[]>,
    outcome: DeliveryOutcome,
  ) => {
    const [row] = await q(
      `insert into deliveries (organisation_id, submitted_by, actor_label, channel, status, started_at, finished_at,
                               files, counts, error_count, errors, cluster_ids)
       values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11::jsonb,
               coalesce((select array_agg(distinct o.id) from organisations o
                         where o.cvr = any(select cluster_cvr from stage_activities
                                           union select cluster_cvr from stage_participants)), '{}'))
       returning id`,
      [
        organisationId,
        actor.userId,
        actor.label,
        req.channel,
        outcome.ok ? 'loaded' : 'rejected',
        startedAt,
        req.now(),
        JSON.stringify(outcome.files),
        JSON.stringify(outcome.counts),
        outcome.ok ? 0 : outcome.errorCount,
        JSON.stringify(outcome.ok ? [] : outcome.errors.slice(0, STORED_ERRORS)),
      ],
    );
    deliveryId = row?.id ?? '';
  };
  const onMerged = (session: BulkSession, outcome: DeliveryOutcome) =>
    record((t, p) => session.query(t, p), outcome);
  const outcome = await loadDelivery(database, actor, req.files, scope, {
    progress: req.progress,
    timings: req.timings,
    onMerged,
  });
  if (!outcome.ok) {
    // The staging tables are gone with the rolled-back transaction: record without cluster ids.
    const [row] = await database.db
      .insert(deliveries)
      .values({
        organisationId,
        submittedBy: actor.userId,
        actorLabel: actor.label,
        channel: req.channel,
        status: 'rejected',
        startedAt,
        finishedAt: req.now(),
        files: outcome.files,
        counts: outcome.counts,
        errorCount: outcome.errorCount,
        errors: outcome.errors.slice(0, STORED_ERRORS),
      })
      .returning({ id: deliveries.id });
    deliveryId = row?.id ?? '';
  }
  return { ...outcome, deliveryId };
}
