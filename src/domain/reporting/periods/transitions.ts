/**
 * Reporting periods: a cluster's reporting year moves through a small state machine, like a data
 * set approval in DHIS2. The whole machine is the TRANSITIONS table; the command looks the change
 * up there, asks the policy module, and writes the row through withActor, so the row's audit
 * trigger keeps the history (who, when, from which status to which, with the comment).
 */
import { sql } from 'drizzle-orm';
import { type Actor, withActor } from '../../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../../db/client.ts';
import { periodStatus } from '../../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { type Action, authorize, can, type Principal } from '../../policy/policy.ts';
import { copenhagenDate } from '../../reference/time.ts';

export type PeriodStatus = (typeof periodStatus.enumValues)[number];
export const PERIOD_STATUSES: readonly PeriodStatus[] = periodStatus.enumValues;

export const PERIOD_ACTIONS = ['submit', 'approve', 'return', 'lock', 'reopen'] as const;
export type PeriodAction = (typeof PERIOD_ACTIONS)[number];

export interface Transition {
  from: PeriodStatus;
  to: PeriodStatus;
  action: PeriodAction;
  /** The policy action that allows it. */
  permission: Extract<Action, 'reportingPeriods.submit' | 'reportingPeriods.decide'>;
  comment: 'optional' | 'required';
}

/** Every allowed change of a period's status; anything not listed is refused. A period without a row is open. */
export const TRANSITIONS: readonly Transition[] = [
  {
    from: 'open',
    to: 'submitted',
    action: 'submit',
    permission: 'reportingPeriods.submit',
    comment: 'optional',
  },
  {
    from: 'returned',
    to: 'submitted',
    action: 'submit',
    permission: 'reportingPeriods.submit',
    comment: 'optional',
  },
  {
    from: 'submitted',
    to: 'approved',
    action: 'approve',
    permission: 'reportingPeriods.decide',
    comment: 'optional',
  },
  {
    from: 'submitted',
    to: 'returned',
    action: 'return',
    permission: 'reportingPeriods.decide',
    comment: 'required',
  },
  {
    from: 'approved',
    to: 'locked',
    action: 'lock',
    permission: 'reportingPeriods.decide',
    comment: 'optional',
  },
  {
    from: 'locked',
    to: 'open',
    action: 'reopen',
    permission: 'reportingPeriods.decide',
    comment: 'required',
  },
];

/**
 * Statuses in which the import refuses a cluster's activities for the year (the 'locked periods'
 * check in delivery/checks.ts, error code periodLocked). A unit test keeps the two in step.
 */
export const CLOSED_STATUSES: readonly PeriodStatus[] = ['approved', 'locked'];
export const acceptsDeliveries = (status: PeriodStatus): boolean => !CLOSED_STATUSES.includes(status);

/** Whether a cluster's year is closed to changes (by files, the API or the forms alike). */
export async function isYearLocked(db: Queryable, clusterId: string, year: number): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(
    db,
    sql`select exists(select 1 from reporting_periods where cluster_id = ${clusterId} and year = ${year}
                      and status in (${sql.join(
                        CLOSED_STATUSES.map((s) => sql`${s}::period_status`),
                        sql`, `,
                      )})) as locked`,
  );
  return Boolean(row?.locked);
}

export const COMMENT_MAX = 2000;

export const transitionFor = (from: PeriodStatus, action: PeriodAction): Transition | undefined =>
  TRANSITIONS.find((t) => t.from === from && t.action === action);

export const transitionBetween = (from: PeriodStatus, to: PeriodStatus): Transition | undefined =>
  TRANSITIONS.find((t) => t.from === from && t.to === to);

/** The policy action behind a period action (the same for every row of that action). */
export const permissionOf = (action: PeriodAction): Transition['permission'] =>
  (TRANSITIONS.find((t) => t.action === action) as Transition).permission;

export const commentRequired = (action: PeriodAction): boolean =>
  TRANSITIONS.some((t) => t.action === action && t.comment === 'required');

/** Who the period is about: the cluster, and the funders that fund it in the period's year. */
export interface PeriodTarget {
  clusterId: string;
  fundedBy: readonly string[];
}

const policyTarget = (t: PeriodTarget) => ({ organisationId: t.clusterId, fundedBy: t.fundedBy });

/** Whether a user may move a period from one status to another. */
export function mayTransition(
  p: Principal | null,
  from: PeriodStatus,
  to: PeriodStatus,
  target: PeriodTarget,
): boolean {
  const t = transitionBetween(from, to);
  return t !== undefined && can(p, t.permission, policyTarget(target));
}

/** The actions a user can take on a period in this status, in table order. */
export function availableActions(p: Principal | null, status: PeriodStatus, target: PeriodTarget) {
  return TRANSITIONS.filter((t) => t.from === status && can(p, t.permission, policyTarget(target))).map(
    (t) => t.action,
  );
}

/** The reporting year in progress: activities count in the year they start, so it is this calendar year in Denmark. */
export const currentReportingYear = (now: Date): number => Number(copenhagenDate(now).slice(0, 4));

export const MIN_YEAR = 2000;

export interface Period {
  clusterId: string;
  year: number;
  status: PeriodStatus;
  comment: string | null;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export interface PeriodChange {
  clusterId: string;
  year: number;
  action: PeriodAction;
  comment?: string | null | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The funders that fund a cluster in a year, from funding_grants. */
export async function fundersOf(db: Queryable, clusterId: string, year: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select distinct funder_id as id from funding_grants where cluster_id = ${clusterId} and year = ${year}`,
  );
  return rows.map((r) => r.id);
}

function validate(change: PeriodChange, now: Date): { comment: string | null } {
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
  return { comment };
}

/**
 * Changes a period's status by one transition of the table. Refusals, in this order:
 * not_found (no such cluster), forbidden (the policy says no: wrong cluster, or a funder that does
 * not fund the cluster that year), conflict (the table has no such move from the current status,
 * or someone else changed it meanwhile), validation (a required comment is missing, or a submit
 * of a year that has not begun).
 */
export async function changePeriod(
  db: Db,
  principal: Principal | null,
  actor: Actor,
  change: PeriodChange,
  now: Date,
): Promise<Period> {
  const { comment } = validate(change, now);
  const { clusterId, year, action } = change;
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
    // Compare and set: the update happens only if the status is still the one checked above.
    const [saved] = await queryRows<Period>(
      tx,
      sql`insert into reporting_periods (cluster_id, year, status, comment, updated_by, updated_at)
          values (${clusterId}, ${year}, ${transition.to}, ${comment}, ${actor.userId}, ${now.toISOString()})
          on conflict (cluster_id, year) do update set status = excluded.status, comment = excluded.comment,
            updated_by = excluded.updated_by, updated_at = excluded.updated_at
          where reporting_periods.status = ${from}
          returning cluster_id as "clusterId", year, status, comment, updated_by as "updatedBy", updated_at as "updatedAt"`,
    );
    if (!saved) throw new AppError('conflict', 'The reporting period was changed by someone else meanwhile');
    return { ...saved, updatedAt: saved.updatedAt ? new Date(saved.updatedAt) : null };
  });
}

/** One change of a period, from the audit log. */
export interface PeriodEvent {
  clusterId: string;
  year: number;
  at: Date;
  actorLabel: string;
  from: PeriodStatus;
  to: PeriodStatus;
  comment: string | null;
}

const entityId = (clusterId: string, year: number) => `${clusterId}/${year}`;

/**
 * The history of periods, oldest change first, read from the audit log the row trigger writes
 * (entity 'reporting_periods', id 'cluster/year'). The time is the row's updated_at, the time the
 * change was made by the app's clock.
 */
export async function periodHistories(
  db: Queryable,
  periods: readonly { clusterId: string; year: number }[],
): Promise<Map<string, PeriodEvent[]>> {
  const out = new Map<string, PeriodEvent[]>();
  if (periods.length === 0) return out;
  const ids = sql.join(
    periods.map((p) => sql`${entityId(p.clusterId, p.year)}`),
    sql`, `,
  );
  const rows = await queryRows<{
    entityId: string;
    at: string | Date;
    actorLabel: string;
    from: PeriodStatus | null;
    to: PeriodStatus;
    comment: string | null;
  }>(
    db,
    sql`select entity_id as "entityId", coalesce((after->>'updated_at')::timestamptz, at) as at,
               actor_label as "actorLabel", before->>'status' as "from", after->>'status' as "to",
               after->>'comment' as comment
        from audit_log
        where entity = 'reporting_periods' and entity_id in (${ids}) and after is not null
        order by id`,
  );
  for (const r of rows) {
    const [clusterId = '', year = ''] = r.entityId.split('/');
    const list = out.get(r.entityId) ?? [];
    list.push({
      clusterId,
      year: Number(year),
      at: new Date(r.at),
      actorLabel: r.actorLabel,
      from: r.from ?? 'open',
      to: r.to,
      comment: r.comment,
    });
    out.set(r.entityId, list);
  }
  return out;
}

export const historyKey = entityId;
