import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../db/client.ts';
import type { Caller } from '../../caller.ts';
import { AppError, notFound } from '../../errors.ts';
import { can } from '../../policy/policy.ts';
import type { ActivityRuleBreach } from '../activities/rule.ts';
import type { DeliveryError } from '../format/errors.ts';
import { deliveryReaders, mayDeliver, mayViewDelivery } from '../policy.ts';
import { uuidArray } from '../uuid-array.ts';
import type { Channel } from './submit.ts';

/**
 * The delivery log: every delivery, loaded or rejected, with its files and errors. A caller sees
 * the deliveries of the organisations whose activities it reads (reporting policy), newest first.
 */
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
  /** The organisation the submitter acted for; null for the command line. */
  organisationId: string | null;
  /** How many delivered activities broke the activity rule when it loaded (format 1.1). */
  activityRuleCount: number;
}

export interface DeliveryDetail extends DeliveryLogRow {
  clusterIds: string[];
  errors: DeliveryError[];
  /** The first 1,000 of those activities. */
  activityRule: ActivityRuleBreach[];
}

const COLUMNS = sql`id, actor_label as "actorLabel", channel, status, started_at as "startedAt",
  finished_at as "finishedAt", files, counts, error_count as "errorCount", organisation_id as "organisationId",
  activity_rule_count as "activityRuleCount"`;

/** A page of the deliveries the caller sees (by or for its organisations), with how many there are. */
export async function listDeliveries(
  db: Queryable,
  caller: Caller,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: DeliveryLogRow[] }> {
  const ids = deliveryReaders(caller.principal);
  const filter = ids
    ? sql`where organisation_id = any(${uuidArray(ids)}) or cluster_ids && ${uuidArray(ids)}`
    : sql``;
  const rows = await queryRows<DeliveryLogRow & { total: number }>(
    db,
    sql`select ${COLUMNS}, (count(*) over ())::int as total
        from deliveries ${filter}
        order by started_at desc, id limit ${page.limit} offset ${page.offset}`,
  );
  const total = rows[0]?.total ?? (page.offset > 0 ? await countDeliveries(db, filter) : 0);
  return { total, rows: rows.map(({ total: _t, ...r }) => r) };
}

async function countDeliveries(db: Queryable, filter: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from deliveries ${filter}`);
  return row?.n ?? 0;
}

/** One delivery with its errors: not_found when there is none, forbidden when the caller may not see it. */
export async function getDelivery(db: Queryable, caller: Caller, id: string): Promise<DeliveryDetail> {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound('delivery');
  const [row] = await queryRows<DeliveryDetail>(
    db,
    sql`select ${COLUMNS}, errors, cluster_ids as "clusterIds", activity_rule as "activityRule"
        from deliveries where id = ${id}`,
  );
  if (!row) throw notFound('delivery');
  if (!mayViewDelivery(caller.principal, row)) throw new AppError('forbidden', 'Not your delivery');
  return row;
}

/** The latest deliveries on the workspace's deliveries page. */
const WORKSPACE_LOG = 100;

/**
 * The workspace's deliveries page for the caller: whether it may upload, whether it follows the
 * funders' status of reporting years, and the latest deliveries it sees. Refused to a caller who
 * sees no organisation's deliveries.
 */
export async function deliveryWorkspace(db: Queryable, caller: Caller) {
  const readers = deliveryReaders(caller.principal);
  if (readers?.length === 0) throw new AppError('forbidden', 'No deliveries to see');
  const { rows } = await listDeliveries(db, caller, { limit: WORKSPACE_LOG, offset: 0 });
  return {
    mayDeliver: mayDeliver(caller.principal),
    followsPeriods: can(caller.principal, 'reportingPeriods.overview'),
    log: rows,
  };
}
