/** A plan changes status: the cluster submits it; a funder of the cluster accepts or returns it. */
import { sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import { fundersOf } from '../reporting/periods/years.ts';
import { COMMENT_MAX } from './plan-input.ts';
import { checkPlanYear, clusterById, lockPlanStatus, type PlanStatus } from './plans.ts';
import {
  hasFunder,
  PLAN_ACTIONS,
  type PlanAction,
  permissionOf,
  planTransition,
  policyTarget,
} from './policy.ts';

export interface PlanChange {
  clusterId: string;
  year: number;
  action: PlanAction;
  comment?: string | null | undefined;
}

function checkChange(change: PlanChange, now: Date): { comment: string | null } {
  checkPlanYear(change.year, now);
  if (!PLAN_ACTIONS.includes(change.action))
    throw new AppError('validation', 'Unknown plan action', [{ field: 'action', message: 'invalid' }]);
  const comment = change.comment?.trim() || null;
  if (comment && comment.length > COMMENT_MAX)
    throw new AppError('validation', 'The comment is too long', [{ field: 'comment', message: 'tooLong' }]);
  return { comment };
}

/**
 * Changes a plan's status by one transition of the table. Refusals, in this order: validation
 * (bad year, comment too long), not_found (no such cluster), forbidden (the policy says no: not
 * the cluster's staff, or a funder that does not fund the cluster that year), conflict (no such
 * move from the current status, or a submit in a year no funder funds the cluster: no funder could
 * open the plan), validation (a required comment is missing).
 */
export async function changePlanStatus(
  db: Db,
  caller: Caller,
  change: PlanChange,
  now: Date,
): Promise<PlanStatus> {
  const { comment } = checkChange(change, now);
  const { clusterId, year, action } = change;
  return withActor(db, caller.actor, async (tx) => {
    await clusterById(tx, clusterId);
    const target = { clusterId, fundedBy: await fundersOf(tx, clusterId, year) };
    authorize(caller.principal, permissionOf(action), policyTarget(target));
    const from = await lockPlanStatus(tx, clusterId, year);
    const transition = from === null ? undefined : planTransition(from, action);
    if (!transition)
      throw new AppError(
        'conflict',
        `An action plan that is ${from ?? 'not saved'} cannot be changed by ${action}`,
      );
    if (action === 'submit' && !hasFunder(target))
      throw new AppError('conflict', `No funder funds the cluster in ${year}: the plan cannot be submitted`);
    if (transition.comment === 'required' && !comment)
      throw new AppError('validation', `A comment is required to ${action} a plan`, [
        { field: 'comment', message: 'required' },
      ]);
    // A submit keeps the funder's last comment out of the way; a decision records its own.
    await tx.execute(
      sql`update action_plans set status = ${transition.to}, comment = ${action === 'submit' ? null : comment},
            updated_by = ${caller.actor.userId}, updated_at = ${now.toISOString()}
          where cluster_id = ${clusterId} and year = ${year}`,
    );
    return transition.to;
  });
}
