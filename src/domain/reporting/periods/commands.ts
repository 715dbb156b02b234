import { sql } from 'drizzle-orm';
import { withActor } from '../../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../../db/client.ts';
import type { Caller } from '../../caller.ts';
import { AppError, notFound } from '../../errors.ts';
import { authorize } from '../../policy/policy.ts';
import {
  PERIOD_ACTIONS,
  type PeriodAction,
  type PeriodStatus,
  permissionOf,
  transitionFor,
} from './transitions.ts';
import { currentReportingYear, fundersOf, MIN_YEAR } from './years.ts';

/** The longest comment on a change, in characters. */
export const COMMENT_MAX = 2000;

export interface Period {
  clusterId: string;
  year: number;
  status: PeriodStatus;
  comment: string | null;
  updatedBy: string | null;
  updatedAt: Date | null;
  noActivitiesReason: string | null;
}

export interface PeriodChange {
  clusterId: string;
  year: number;
  action: PeriodAction;
  comment?: string | null | undefined;
  /** Submitting a year with no activities: the cluster confirms it and says why. */
  confirmNoActivities?: boolean | undefined;
  noActivitiesReason?: string | null | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function validate(change: PeriodChange, now: Date): { comment: string | null; reason: string | null } {
  if (!PERIOD_ACTIONS.includes(change.action))
    throw new AppError('validation', `Unknown period action ${String(change.action)}`, [
      { field: 'action', message: 'invalid' },
    ]);
  if (!Number.isInteger(change.year) || change.year < MIN_YEAR || change.year > currentReportingYear(now) + 1)
    throw new AppError('validation', `No reporting year ${change.year}`, [
      { field: 'year', message: 'invalid' },
    ]);
  const comment = change.comment?.trim() || null;
  if (comment && comment.length > COMMENT_MAX)
    throw new AppError('validation', 'The comment is too long', [{ field: 'comment', message: 'tooLong' }]);
  const reason = change.noActivitiesReason?.trim() || null;
  if (reason && reason.length > COMMENT_MAX)
    throw new AppError('validation', 'The reason is too long', [
      { field: 'noActivitiesReason', message: 'tooLong' },
    ]);
  return { comment, reason };
}

/**
 * A year with no activities is submitted only when the cluster confirms it and gives a reason
 * (the funder reads it); the reason is kept with the period, null for a year with activities.
 */
async function noActivitiesReason(
  tx: Queryable,
  change: PeriodChange,
  reason: string | null,
): Promise<string | null> {
  const [row] = await queryRows<{ any: boolean }>(
    tx,
    sql`select exists(select 1 from activities where cluster_id = ${change.clusterId} and year = ${change.year}) as any`,
  );
  if (row?.any) return null;
  const issues = [
    ...(change.confirmNoActivities ? [] : [{ field: 'confirmNoActivities', message: 'confirmRequired' }]),
    ...(reason ? [] : [{ field: 'noActivitiesReason', message: 'reasonRequired' }]),
  ];
  if (issues.length > 0)
    throw new AppError(
      'validation',
      `The year ${change.year} has no activities: confirm and give a reason`,
      issues,
    );
  return reason;
}

/**
 * Changes a period's status by one transition of the table. Refusals, in this order:
 * not_found (no such cluster), forbidden (the policy says no: wrong cluster, or a funder that does
 * not fund the cluster that year), conflict (the table has no such move from the current status,
 * or someone else changed it meanwhile), validation (a required comment is missing, or a submit
 * of a year that has not begun).
 */
export async function changePeriod(db: Db, caller: Caller, change: PeriodChange, now: Date): Promise<Period> {
  const { comment, reason } = validate(change, now);
  const { clusterId, year, action } = change;
  const { principal, actor } = caller;
  return withActor(db, actor, async (tx) => {
    const [cluster] = UUID.test(clusterId)
      ? await queryRows<{ id: string }>(
          tx,
          sql`select id from organisations where id = ${clusterId} and kind = 'cluster_organisation'`,
        )
      : [];
    if (!cluster) throw notFound('cluster');
    const fundedBy = await fundersOf(tx, clusterId, year);
    authorize(principal, permissionOf(action), { organisationId: clusterId, fundedBy });
    const [row] = await queryRows<{ status: PeriodStatus }>(
      tx,
      sql`select status from reporting_periods where cluster_id = ${clusterId} and year = ${year} for update`,
    );
    const from = row?.status ?? 'open';
    const transition = transitionFor(from, action);
    if (!transition)
      throw new AppError('conflict', `A reporting period that is ${from} cannot be changed by ${action}`);
    if (transition.comment === 'required' && !comment)
      throw new AppError('validation', `A comment is required to ${action} a period`, [
        { field: 'comment', message: 'required' },
      ]);
    if (action === 'submit' && year > currentReportingYear(now))
      throw new AppError('validation', `The reporting year ${year} has not begun`, [
        { field: 'year', message: 'futureYear' },
      ]);
    const submit = action === 'submit';
    const emptyYearReason = submit ? await noActivitiesReason(tx, change, reason) : null;
    // Compare and set: the update happens only if the status is still the one checked above. A
    // submit stamps submitted_at and the empty year's reason; a decision keeps both.
    const [saved] = await queryRows<Period>(
      tx,
      sql`insert into reporting_periods (cluster_id, year, status, comment, updated_by, updated_at,
                                         submitted_at, no_activities_reason)
          values (${clusterId}, ${year}, ${transition.to}, ${comment}, ${actor.userId}, ${now.toISOString()},
                  ${submit ? now.toISOString() : null}, ${emptyYearReason})
          on conflict (cluster_id, year) do update set status = excluded.status, comment = excluded.comment,
            updated_by = excluded.updated_by, updated_at = excluded.updated_at,
            submitted_at = ${submit ? sql`excluded.submitted_at` : sql`reporting_periods.submitted_at`},
            no_activities_reason = ${submit ? sql`excluded.no_activities_reason` : sql`reporting_periods.no_activities_reason`}
          where reporting_periods.status = ${from}
          returning cluster_id as "clusterId", year, status, comment, updated_by as "updatedBy", updated_at as "updatedAt",
                    no_activities_reason as "noActivitiesReason"`,
    );
    if (!saved) throw new AppError('conflict', 'The reporting period was changed by someone else meanwhile');
    return { ...saved, updatedAt: saved.updatedAt ? new Date(saved.updatedAt) : null };
  });
}
