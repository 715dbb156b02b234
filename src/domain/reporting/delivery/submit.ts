import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../db/actor.ts';
import { type Database, type Queryable, queryRows } from '../../../db/client.ts';
import { deliveries } from '../../../db/schema/index.ts';
import type { BulkSession } from '../../../imports/bulk.ts';
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
  actor: Actor;
  channel: Channel;
  /** The organisation the submitter acts for (null for the CLI). */
  organisationId: string | null;
  scope: DeliveryScope;
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

/**
 * Loads a delivery and records it in the delivery log: a loaded delivery in the same
 * transaction as its data (so the log never claims data that is not there), a rejected one
 * afterwards with its errors.
 */
export async function submitDelivery(
  database: Database,
  req: DeliveryRequest,
): Promise<DeliveryOutcome & { deliveryId: string }> {
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
        req.organisationId,
        req.actor.userId,
        req.actor.label,
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
  const outcome = await loadDelivery(database, req.actor, req.files, req.scope, {
    progress: req.progress,
    timings: req.timings,
    onMerged,
  });
  if (!outcome.ok) {
    // The staging tables are gone with the rolled-back transaction: record without cluster ids.
    const [row] = await database.db
      .insert(deliveries)
      .values({
        organisationId: req.organisationId,
        submittedBy: req.actor.userId,
        actorLabel: req.actor.label,
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

export interface DeliveryLogRow {
  id: string;
  actorLabel: string;
  channel: Channel;
  status: 'loaded' | 'rejected';
  startedAt: Date;
  finishedAt: Date;
  files: { name: string; table: string | null; bytes: number; sha256: string; rows: number }[];
  counts: { clusters: number; activities: number; participants: number };
  errorCount: number;
}

/** The delivery log: all deliveries, or those of some cluster organisations (their own and by them). */
export async function deliveryLog(
  db: Queryable,
  opts: { organisationIds: string[] | null; limit?: number },
): Promise<DeliveryLogRow[]> {
  const ids = opts.organisationIds;
  // Drizzle spreads a JS array into a list of parameters; build the uuid[] from that list.
  const array = ids?.length
    ? sql`array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`
    : sql`'{}'::uuid[]`;
  const filter = ids ? sql`where organisation_id = any(${array}) or cluster_ids && ${array}` : sql``;
  return queryRows<DeliveryLogRow>(
    db,
    sql`select id, actor_label as "actorLabel", channel, status, started_at as "startedAt", finished_at as "finishedAt",
               files, counts, error_count as "errorCount"
        from deliveries ${filter} order by started_at desc limit ${opts.limit ?? 100}`,
  );
}

export interface DeliveryDetail extends DeliveryLogRow {
  organisationId: string | null;
  clusterIds: string[];
  errors: import('../format/errors.ts').DeliveryError[];
}

export async function deliveryById(db: Queryable, id: string): Promise<DeliveryDetail | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const [row] = await queryRows<DeliveryDetail>(
    db,
    sql`select id, actor_label as "actorLabel", channel, status, started_at as "startedAt", finished_at as "finishedAt",
               files, counts, error_count as "errorCount", errors, organisation_id as "organisationId", cluster_ids as "clusterIds"
        from deliveries where id = ${id}`,
  );
  return row ?? null;
}
