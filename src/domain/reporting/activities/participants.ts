import { type SQL, sql } from 'drizzle-orm';
import { withActor } from '../../../db/actor.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../../../db/client.ts';
import type { Caller } from '../../caller.ts';
import { notFound } from '../../errors.ts';
import { type ParticipantRowValue, validateRow } from '../format/rows.ts';
import { invalid } from './issues.ts';
import { changeableActivity } from './queries.ts';

/**
 * Participants entered by hand, one at a time: each command checks, like an activity's, that the
 * caller reports for the cluster and that the year is open (changeableActivity).
 */

/** Form fields of a participant: the columns of participants.csv but the activity's key. */
export type ParticipantInput = Partial<
  Record<Exclude<keyof ParticipantRowValue, 'cluster_cvr' | 'activity_ref'>, string>
>;

/**
 * Participations arrive by the million in deliveries and have no audit trigger (it would double
 * a delivery's writes); changes made by hand are recorded here, in the same statement.
 */
export async function auditParticipations(
  tx: Tx,
  action: 'insert' | 'update' | 'delete',
  change: SQL,
  before: SQL | null = null,
): Promise<number[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`with ${before ? sql`old as (${before}), ` : sql``}changed as (${change})
        insert into audit_log (actor_user_id, actor_label, entity, entity_id, action, before, after, request_id)
        select nullif(current_setting('klynge.actor_id', true), '')::uuid, current_setting('klynge.actor', true),
               'participations', c.id::text, ${action},
               ${action === 'insert' ? sql`null` : action === 'delete' ? sql`to_jsonb(c)` : sql`(select to_jsonb(o) from old o where o.id = c.id)`},
               ${action === 'delete' ? sql`null` : sql`to_jsonb(c)`},
               nullif(current_setting('klynge.request_id', true), '')
        from changed c returning entity_id as id`,
  );
  return rows.map((r) => Number(r.id));
}

function validateParticipant(
  activity: { clusterCvr: string | null; activityRef: string },
  input: ParticipantInput,
) {
  const result = validateRow('participants', {
    ...input,
    cluster_cvr: activity.clusterCvr ?? '',
    activity_ref: activity.activityRef,
  });
  if ('issues' in result) throw invalid(result.issues.map((i) => ({ field: i.column, message: i.code })));
  return result.row as unknown as ParticipantRowValue;
}

/** One participant per activity: by CVR, or by name and country for foreign ones (spec). */
async function checkDuplicate(
  tx: Queryable,
  activityId: number,
  v: ParticipantRowValue,
  except: number | null,
) {
  const [row] = await queryRows<{ taken: boolean }>(
    tx,
    v.cvr
      ? sql`select exists(select 1 from participations where activity_id = ${activityId} and cvr = ${v.cvr}
                          and id is distinct from ${except}::bigint) as taken`
      : sql`select exists(select 1 from participations where activity_id = ${activityId} and cvr is null
                          and name = ${v.name} and country = ${v.country}
                          and id is distinct from ${except}::bigint) as taken`,
  );
  if (row?.taken) throw invalid([{ field: v.cvr ? 'cvr' : 'name', message: 'duplicateParticipant' }]);
}

/** A CVR holder joins the register of those that took part; what it is like stays with the participation. */
async function registerCvrHolder(tx: Queryable, v: ParticipantRowValue) {
  if (!v.cvr) return;
  await tx.execute(sql`insert into companies (cvr) values (${v.cvr}) on conflict (cvr) do nothing`);
}

/** The participation's columns after its activity and cluster, as the participant form gave them. */
const PARTICIPATION_COLUMNS = sql`participant_type, cvr, name, country, employees, municipality_code, industry_code,
  institution_kind, new_competence, new_idea, new_product, reported_at`;

const participationValues = (v: ParticipantRowValue) => sql`${v.participant_type}::participant_type,
  ${v.cvr || null}::char(8), ${v.name}, ${v.cvr ? null : v.country}::char(2), ${v.employees}::int,
  ${v.municipality_code}::smallint, ${v.industry_code}::char(6), ${v.institution_kind}::institution_kind,
  ${v.new_competence}, ${v.new_idea}, ${v.new_product}, now()`;

export async function addParticipant(
  db: Db,
  caller: Caller,
  activityId: number,
  input: ParticipantInput,
): Promise<number> {
  return withActor(db, caller.actor, async (tx) => {
    const activity = await changeableActivity(tx, caller, activityId);
    const v = validateParticipant(activity, input);
    await checkDuplicate(tx, activityId, v, null);
    await registerCvrHolder(tx, v);
    const [id] = await auditParticipations(
      tx,
      'insert',
      sql`insert into participations (activity_id, cluster_id, year, ${PARTICIPATION_COLUMNS})
          values (${activityId}, ${activity.clusterId}, ${activity.year}, ${participationValues(v)}) returning *`,
    );
    return Number(id);
  });
}

export async function updateParticipant(
  db: Db,
  caller: Caller,
  activityId: number,
  participantId: number,
  input: ParticipantInput,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const activity = await changeableActivity(tx, caller, activityId);
    const v = validateParticipant(activity, input);
    await checkDuplicate(tx, activityId, v, participantId);
    await registerCvrHolder(tx, v);
    const changed = await auditParticipations(
      tx,
      'update',
      sql`update participations set (${PARTICIPATION_COLUMNS}) = (${participationValues(v)})
          where id = ${participantId} and activity_id = ${activityId} returning *`,
      sql`select * from participations where id = ${participantId} and activity_id = ${activityId}`,
    );
    if (changed.length === 0) throw notFound('participant');
  });
}

export async function removeParticipant(
  db: Db,
  caller: Caller,
  activityId: number,
  participantId: number,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    await changeableActivity(tx, caller, activityId);
    const removed = await auditParticipations(
      tx,
      'delete',
      sql`delete from participations where id = ${participantId} and activity_id = ${activityId} returning *`,
    );
    if (removed.length === 0) throw notFound('participant');
  });
}
