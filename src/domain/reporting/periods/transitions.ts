/**
 * Reporting periods: a cluster's reporting year moves through a small state machine, like a data
 * set approval in DHIS2. The whole machine is the TRANSITIONS table; the command looks the change
 * up there (commands.ts), asks the policy module, and writes the row through withActor, so the
 * row's audit trigger keeps the history (who, when, from which status to which, with the comment).
 */
import { periodStatus } from '../../../db/schema/index.ts';
import { type Action, can, type Principal } from '../../policy/policy.ts';

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

export const transitionFor = (from: PeriodStatus, action: PeriodAction): Transition | undefined =>
  TRANSITIONS.find((t) => t.from === from && t.action === action);

const transitionBetween = (from: PeriodStatus, to: PeriodStatus): Transition | undefined =>
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
