/**
 * Keeping the strategy up to date: an initiative's status (with a note, kept in its history),
 * its milestones and the reported activities linked to it. Every command takes the caller and
 * refuses anyone who does not keep the strategy (policy.ts), inside its transaction.
 */
import { sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows, type Tx } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorizeStrategyManager } from './policy.ts';
import type { MilestoneDoneInput, MilestoneInput, StatusChangeInput } from './schemas.ts';

const fieldError = (field: string, message: string) =>
  new AppError('validation', `${field}: ${message}`, [{ field, message }]);

/** Runs a change of the strategy as the caller, once the policy allows it. */
function asManager<T>(db: Db, caller: Caller, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withActor(db, caller.actor, async (tx) => {
    await authorizeStrategyManager(tx, caller.principal);
    return work(tx);
  });
}

async function lockInitiative(tx: Tx, code: string): Promise<{ status: string }> {
  const [row] = await queryRows<{ status: string }>(
    tx,
    sql`select status from strategy_initiatives where code = ${code} for update`,
  );
  if (!row) throw notFound('initiative');
  return row;
}

/** Changes an initiative's status with a note; the change is kept in the status history. */
export async function changeStatus(
  db: Db,
  caller: Caller,
  code: string,
  input: StatusChangeInput,
): Promise<void> {
  await asManager(db, caller, async (tx) => {
    const current = await lockInitiative(tx, code);
    if (current.status === input.status) throw fieldError('status', 'sameStatus');
    await tx.execute(
      sql`update strategy_initiatives set status = ${input.status}, updated_at = now() where code = ${code}`,
    );
    await tx.execute(
      sql`insert into strategy_status_changes (initiative_code, from_status, to_status, note, changed_by, changed_by_label)
          values (${code}, ${current.status}, ${input.status}, ${input.note}, ${caller.actor.userId}, ${caller.actor.label})`,
    );
  });
}

export async function addMilestone(
  db: Db,
  caller: Caller,
  code: string,
  input: MilestoneInput,
): Promise<string> {
  return asManager(db, caller, async (tx) => {
    await lockInitiative(tx, code);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into strategy_milestones (initiative_code, title, due_on, created_by)
          values (${code}, ${input.title}, ${input.dueOn}, ${caller.actor.userId}) returning id`,
    );
    if (!row) throw new Error('milestone not created');
    return row.id;
  });
}

/**
 * Marks a milestone done on a date: not before the milestone was created, not in the future.
 * `today` is the date in UTC; given for tests.
 */
export async function completeMilestone(
  db: Db,
  caller: Caller,
  code: string,
  milestoneId: string,
  input: MilestoneDoneInput,
  today = new Date().toISOString().slice(0, 10),
): Promise<void> {
  await asManager(db, caller, async (tx) => {
    const [m] = isUuid(milestoneId)
      ? await queryRows<{ createdOn: string; doneOn: string | null }>(
          tx,
          sql`select (created_at at time zone 'UTC')::date::text as "createdOn", done_on::text as "doneOn"
                from strategy_milestones where id = ${milestoneId}::uuid and initiative_code = ${code} for update`,
        )
      : [];
    if (!m) throw notFound('milestone');
    if (m.doneOn) throw fieldError('doneOn', 'alreadyDone');
    if (input.doneOn < m.createdOn) throw fieldError('doneOn', 'doneBeforeCreated');
    if (input.doneOn > today) throw fieldError('doneOn', 'doneInFuture');
    await tx.execute(
      sql`update strategy_milestones set done_on = ${input.doneOn} where id = ${milestoneId}::uuid`,
    );
  });
}

/** Links a reported activity to an initiative; an unknown activity id is a field error. */
export async function linkActivity(db: Db, caller: Caller, code: string, activityId: number): Promise<void> {
  await asManager(db, caller, async (tx) => {
    await lockInitiative(tx, code);
    const [activity] = await queryRows<{ id: number }>(
      tx,
      sql`select id from activities where id = ${activityId}`,
    );
    if (!activity) throw fieldError('activityId', 'activityNotFound');
    const inserted = await queryRows<{ id: string }>(
      tx,
      sql`insert into strategy_initiative_links (initiative_code, activity_id, created_by)
          values (${code}, ${activityId}, ${caller.actor.userId})
          on conflict (initiative_code, activity_id) do nothing returning id`,
    );
    if (inserted.length === 0) throw fieldError('activityId', 'alreadyLinked');
  });
}

export async function unlink(db: Db, caller: Caller, code: string, linkId: string): Promise<void> {
  await asManager(db, caller, async (tx) => {
    const removed = isUuid(linkId)
      ? await queryRows<{ id: string }>(
          tx,
          sql`delete from strategy_initiative_links where id = ${linkId}::uuid and initiative_code = ${code}
              returning id`,
        )
      : [];
    if (removed.length === 0) throw notFound('link');
  });
}
