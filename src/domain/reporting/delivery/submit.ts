import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../db/actor.ts';
import type { Database, Db } from '../../../db/client.ts';
import { deliveries, organisations } from '../../../db/schema/index.ts';
import type { BulkSession } from '../../../imports/bulk.ts';
import type { Caller } from '../../caller.ts';
import { activityRuleBrokenSql } from '../activities/rule.ts';
import { type DeliveryRights, deliveryRights } from '../policy.ts';
import {
  type DeliveryCounts,
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
  /** Told the rows of a delivery once it is loaded (the metrics count them). */
  onLoaded?: ((channel: Channel, counts: DeliveryCounts) => void) | undefined;
  /**
   * Runs in a loaded delivery's transaction once its log entry is written, so what it records
   * commits with the data or not at all (a queued load marking itself done); throwing rolls back.
   */
  onLogged?: ((session: BulkSession, deliveryId: string) => Promise<void>) | undefined;
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

/** Who delivered, for the delivery log. */
interface LogEntry {
  organisationId: string | null;
  actor: Actor;
  channel: Channel;
  startedAt: Date;
  finishedAt: Date;
}

/** The activities the delivery wrote or gave participants that break the activity rule, as they stand now. */
const ACTIVITY_RULE_BREACHES = `
  with delivered as (
    select cluster_cvr, activity_ref from stage_activities
    union select cluster_cvr, activity_ref from stage_participants
  ), counted as (
    select o.cvr as "clusterCvr", a.activity_ref as "activityRef", a.title,
           count(p.id)::int as participants,
           (count(p.id) filter (where p.participant_type = 'company'))::int as companies
    from delivered d
    join organisations o on o.cvr = d.cluster_cvr
    join activities a on a.cluster_id = o.id and a.activity_ref = d.activity_ref
    left join participations p on p.activity_id = a.id
    group by o.cvr, a.id
  )
  select * from counted where ${activityRuleBrokenSql('participants', 'companies')}`;

/**
 * Records a loaded delivery in its transaction, with the clusters its rows are for and the first of
 * its activities that break the activity rule (they load, and the result lists them).
 */
async function logLoaded(session: BulkSession, entry: LogEntry, outcome: DeliveryOutcome): Promise<string> {
  const [row] = await session.query<{ id: string }>(
    `with breaches as (${ACTIVITY_RULE_BREACHES})
     insert into deliveries (organisation_id, submitted_by, actor_label, channel, status, started_at, finished_at,
                             files, counts, cluster_ids, activity_rule, activity_rule_count)
     values ($1, $2, $3, $4, 'loaded', $5, $6, $7::jsonb, $8::jsonb,
             coalesce((select array_agg(distinct o.id) from organisations o
                       where o.cvr = any(select cluster_cvr from stage_activities
                                         union select cluster_cvr from stage_participants)), '{}'),
             coalesce((select jsonb_agg(to_jsonb(b) order by b."clusterCvr", b."activityRef")
                       from (select * from breaches order by "clusterCvr", "activityRef" limit ${STORED_ERRORS}) b),
                      '[]'::jsonb),
             (select count(*)::int from breaches))
     returning id`,
    [
      entry.organisationId,
      entry.actor.userId,
      entry.actor.label,
      entry.channel,
      entry.startedAt,
      entry.finishedAt,
      JSON.stringify(outcome.files),
      JSON.stringify(outcome.counts),
    ],
  );
  return row?.id ?? '';
}

/** Records a rejected delivery with its first errors; its staging tables are gone, so without cluster ids. */
async function logRejected(
  db: Db,
  entry: LogEntry,
  outcome: DeliveryOutcome & { ok: false },
): Promise<string> {
  const [row] = await db
    .insert(deliveries)
    .values({
      organisationId: entry.organisationId,
      submittedBy: entry.actor.userId,
      actorLabel: entry.actor.label,
      channel: entry.channel,
      status: 'rejected',
      startedAt: entry.startedAt,
      finishedAt: entry.finishedAt,
      files: outcome.files,
      counts: outcome.counts,
      errorCount: outcome.errorCount,
      errors: outcome.errors.slice(0, STORED_ERRORS),
    })
    .returning({ id: deliveries.id });
  return row?.id ?? '';
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
  const startedAt = req.now();
  const entry = (): LogEntry => ({
    organisationId: rights.clusters?.[0] ?? null,
    actor: caller.actor,
    channel: req.channel,
    startedAt,
    finishedAt: req.now(),
  });
  let deliveryId = '';
  const outcome = await loadDelivery(database, caller.actor, req.files, scope, {
    progress: req.progress,
    timings: req.timings,
    onMerged: async (session, merged) => {
      deliveryId = await logLoaded(session, entry(), merged);
      await req.onLogged?.(session, deliveryId);
    },
  });
  if (outcome.ok) req.onLoaded?.(req.channel, outcome.counts);
  else deliveryId = await logRejected(database.db, entry(), outcome);
  return { ...outcome, deliveryId };
}
