/**
 * A cluster's improvement plan towards its label (seed 001 D3: Silver asks for one): dated
 * actions its staff add and mark done, shown with the self-assessment. Who may: `labels.selfAssess`.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import { clusterById } from '../action-plans/plans.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize } from '../policy/policy.ts';
import { isoDateOfParts, partsOfIsoDate } from '../reference/danish.ts';

export const ACTION_TITLE_MAX = 300;

/** A real calendar day written YYYY-MM-DD (no 30 February), by the one Danish date parser. */
const calendarDay = z
  .string()
  .trim()
  .min(1, 'required')
  .refine((d) => isoDateOfParts(partsOfIsoDate(d)) === d, 'invalidDate');

export const improvementActionInput = z.object({
  title: z.string().trim().min(1, 'required').max(ACTION_TITLE_MAX, 'tooLong'),
  dueOn: calendarDay,
});

export interface ImprovementAction {
  id: string;
  title: string;
  dueOn: string;
  doneOn: string | null;
}

/** A cluster's actions, open and done, by due date; the caller has opened the self-assessment already. */
export function improvementActions(db: Queryable, clusterId: string): Promise<ImprovementAction[]> {
  return queryRows<ImprovementAction>(
    db,
    sql`select id, title, due_on::text as "dueOn", done_on::text as "doneOn"
        from label_improvement_actions where cluster_id = ${clusterId} order by due_on, created_at, id`,
  );
}

/**
 * Adds an action to a cluster's improvement plan. Refusals, in this order: not_found (no such
 * cluster), forbidden (not its staff), validation (no title, too long, no real date).
 */
export async function addImprovementAction(
  db: Db,
  caller: Caller,
  clusterId: string,
  input: Record<string, unknown>,
): Promise<string> {
  return withActor(db, caller.actor, async (tx) => {
    const cluster = await clusterById(tx, clusterId);
    authorize(caller.principal, 'labels.selfAssess', { organisationId: cluster.id });
    const { title, dueOn } = parseInput(improvementActionInput, input);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into label_improvement_actions (cluster_id, title, due_on)
          values (${cluster.id}, ${title}, ${dueOn}::date) returning id`,
    );
    return (row as { id: string }).id;
  });
}

/**
 * Marks an action done on `today`. Refusals, in this order: not_found (no such action of the
 * cluster), forbidden (not its staff), conflict (already done).
 */
export async function markActionDone(
  db: Db,
  caller: Caller,
  action: { clusterId: string; id: string },
  today: string,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const [row] = isUuid(action.id)
      ? await queryRows<{ done: boolean }>(
          tx,
          sql`select done_on is not null as done from label_improvement_actions
              where id = ${action.id} and cluster_id = ${action.clusterId} for update`,
        )
      : [];
    if (!row) throw notFound('improvement action');
    authorize(caller.principal, 'labels.selfAssess', { organisationId: action.clusterId });
    if (row.done) throw new AppError('conflict', 'The action is already done');
    await tx.execute(
      sql`update label_improvement_actions set done_on = ${today}::date where id = ${action.id}`,
    );
  });
}
