import { sql } from 'drizzle-orm';
import { withActor } from '../../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../../db/client.ts';
import type { Caller } from '../../caller.ts';
import { AppError, notFound } from '../../errors.ts';
import { authorize } from '../../policy/policy.ts';
import { type ActivityRowValue, validateRow } from '../format/rows.ts';
import { isYearLocked } from '../periods/years.ts';
import { invalid, locked } from './issues.ts';
import { auditParticipations } from './participants.ts';
import { changeableActivity } from './queries.ts';

/**
 * Activities entered by hand: each command checks that the caller reports for the activity's
 * cluster (activities.write) and that its reporting year is open, in the transaction that writes.
 */

/** Form fields of an activity: the columns of activities.csv but the cluster's CVR. */
export type ActivityInput = Partial<Record<Exclude<keyof ActivityRowValue, 'cluster_cvr'>, string>>;

function validateActivity(clusterCvr: string | null, input: ActivityInput): ActivityRowValue {
  if (!clusterCvr)
    throw new AppError('conflict', 'Cluster without CVR', [{ field: 'form', message: 'clusterWithoutCvr' }]);
  const result = validateRow('activities', { ...input, cluster_cvr: clusterCvr });
  if ('issues' in result) throw invalid(result.issues.map((i) => ({ field: i.column, message: i.code })));
  return result.row as unknown as ActivityRowValue;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

async function refTaken(tx: Queryable, clusterId: string, ref: string, except: number | null) {
  const [row] = await queryRows<{ taken: boolean }>(
    tx,
    sql`select exists(select 1 from activities where cluster_id = ${clusterId} and activity_ref = ${ref}
                      and id is distinct from ${except}::bigint) as taken`,
  );
  return Boolean(row?.taken);
}

/** The activity's columns after its cluster, as the activity form gives them. */
const ACTIVITY_COLUMNS = sql`activity_ref, title, category, start_date, end_date, municipality_code, grant_dkk,
  external_funding_dkk, private_cofinancing_hours, cofinancing_fees_dkk, cofinancing_sponsorship_dkk,
  cofinancing_foundations_dkk, eu_application`;

const activityValues = (v: ActivityRowValue) => sql`${v.activity_ref}, ${v.title},
  ${v.category}::activity_category, ${v.start_date}::date, ${v.end_date}::date, ${v.municipality_code}::smallint,
  ${v.grant_dkk}::bigint, ${v.external_funding_dkk}::bigint, ${v.private_cofinancing_hours}::numeric,
  ${v.cofinancing_fees_dkk}::bigint, ${v.cofinancing_sponsorship_dkk}::bigint,
  ${v.cofinancing_foundations_dkk}::bigint, ${v.eu_application}`;

/** Creates an activity of a cluster the caller reports for; returns its id. */
export async function createActivity(
  db: Db,
  caller: Caller,
  clusterId: string,
  input: ActivityInput,
): Promise<number> {
  authorize(caller.principal, 'activities.write', { organisationId: clusterId });
  const [cluster] = await queryRows<{ cvr: string | null }>(
    db,
    sql`select cvr from organisations where id = ${clusterId} and kind = 'cluster_organisation'`,
  );
  if (!cluster) throw notFound('cluster');
  const v = validateActivity(cluster.cvr, input);
  return withActor(db, caller.actor, async (tx) => {
    if (await isYearLocked(tx, clusterId, yearOf(v.start_date))) throw locked('start_date');
    if (await refTaken(tx, clusterId, v.activity_ref, null))
      throw invalid([{ field: 'activity_ref', message: 'activityRefTaken' }]);
    const [row] = await queryRows<{ id: number }>(
      tx,
      sql`insert into activities (cluster_id, ${ACTIVITY_COLUMNS})
          values (${clusterId}, ${activityValues(v)}) returning id`,
    );
    return Number(row?.id);
  });
}

/** Changes an activity; moving it to another year moves its participations along. */
export async function updateActivity(
  db: Db,
  caller: Caller,
  id: number,
  input: ActivityInput,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const row = await changeableActivity(tx, caller, id);
    const v = validateActivity(row.clusterCvr, input);
    const year = yearOf(v.start_date);
    if (year !== row.year && (await isYearLocked(tx, row.clusterId, year))) throw locked('start_date');
    if (await refTaken(tx, row.clusterId, v.activity_ref, id))
      throw invalid([{ field: 'activity_ref', message: 'activityRefTaken' }]);
    await tx.execute(
      sql`update activities set (${ACTIVITY_COLUMNS}) = (${activityValues(v)}),
                 is_synthetic = false, updated_at = now()
          where id = ${id}`,
    );
    // Participations carry a copy of the activity's year for the account's index.
    if (year !== row.year)
      await tx.execute(sql`update participations set year = ${year} where activity_id = ${id}`);
  });
}

/** Deletes an activity and its participants; both are recorded in the audit log. */
export async function deleteActivity(db: Db, caller: Caller, id: number): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    await changeableActivity(tx, caller, id);
    await auditParticipations(
      tx,
      'delete',
      sql`delete from participations where activity_id = ${id} returning *`,
    );
    await tx.execute(sql`delete from activities where id = ${id}`);
  });
}
