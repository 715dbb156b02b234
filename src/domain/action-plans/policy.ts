/**
 * Who may do what with an action plan, stated once on the plan: the status machine (TRANSITIONS,
 * in the style of the reporting periods) and small predicates over the policy module's rules
 * ('actionPlans.edit', 'actionPlans.decide', 'actionPlans.view'). Pages ask `planPermissions`
 * what to show; the commands check the same rules, so no path can skip them.
 */
import { type Action, can, type Principal } from '../policy/policy.ts';
import type { PlanStatus } from './plans.ts';

export const PLAN_ACTIONS = ['submit', 'accept', 'return'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export interface PlanTransition {
  from: PlanStatus;
  to: PlanStatus;
  action: PlanAction;
  permission: Extract<Action, 'actionPlans.edit' | 'actionPlans.decide'>;
  comment: 'optional' | 'required';
}

/** Every allowed change of a plan's status; anything not listed is refused. A year without a plan is a draft. */
export const PLAN_TRANSITIONS: readonly PlanTransition[] = [
  { from: 'draft', to: 'submitted', action: 'submit', permission: 'actionPlans.edit', comment: 'optional' },
  {
    from: 'returned',
    to: 'submitted',
    action: 'submit',
    permission: 'actionPlans.edit',
    comment: 'optional',
  },
  {
    from: 'submitted',
    to: 'accepted',
    action: 'accept',
    permission: 'actionPlans.decide',
    comment: 'optional',
  },
  {
    from: 'submitted',
    to: 'returned',
    action: 'return',
    permission: 'actionPlans.decide',
    comment: 'required',
  },
];

export const planTransition = (from: PlanStatus, action: PlanAction) =>
  PLAN_TRANSITIONS.find((t) => t.from === from && t.action === action);

/** The permission an action needs, whatever the plan's status (the table gives each action one). */
export const permissionOf = (action: PlanAction) =>
  (PLAN_TRANSITIONS.find((t) => t.action === action) as PlanTransition).permission;

/** Statuses in which the cluster may still change its plan. */
const EDITABLE_STATUSES: readonly PlanStatus[] = ['draft', 'returned'];
export const isEditable = (status: PlanStatus) => EDITABLE_STATUSES.includes(status);

/** Who a plan is about: the cluster, and the funders that fund it in the plan's year. */
export interface PlanTarget {
  clusterId: string;
  fundedBy: readonly string[];
}
export const policyTarget = (t: PlanTarget) => ({ organisationId: t.clusterId, fundedBy: t.fundedBy });

const isOwnStaff = (p: Principal | null, t: PlanTarget) => can(p, 'actionPlans.edit', policyTarget(t));

/** The status changes a user can make to a plan in this status, in table order. */
export function availablePlanActions(p: Principal | null, status: PlanStatus, target: PlanTarget) {
  return PLAN_TRANSITIONS.filter((t) => t.from === status && can(p, t.permission, policyTarget(target))).map(
    (t) => t.action,
  );
}

/** Whether a funder funds the cluster in the plan's year: a plan no funder can open cannot be submitted. */
export const hasFunder = (target: PlanTarget) => target.fundedBy.length > 0;

/** Whether a user may change the plan's content now: own cluster staff while it is a draft or returned. */
export const mayEditPlan = (p: Principal | null, status: PlanStatus, target: PlanTarget) =>
  isEditable(status) && isOwnStaff(p, target);

/** The support function, which gives sparring on every cluster's plan (a role rule, no target). */
const givesSparring = (p: Principal | null) => can(p, 'actionPlans.comment');

/**
 * Whether a user sees what the plan says: a draft is the cluster's work in progress, shown only
 * to its own staff and to the support function (sparring is most useful before the plan is
 * submitted); once submitted, everyone who may view the plan reads it.
 */
const mayReadPlanContent = (p: Principal | null, status: PlanStatus, target: PlanTarget) =>
  status !== 'draft' || isOwnStaff(p, target) || givesSparring(p);

/** Whether a user may mark the support function's comments on the plan handled: the cluster's own staff. */
export const mayHandleComments = (p: Principal | null, target: PlanTarget) =>
  can(p, 'actionPlans.handleComment', policyTarget(target));

/**
 * Whether a user reads the comments on a plan: the sparring is between the cluster and the
 * support function, so the funders who decide the plan do not read it.
 */
export const mayReadComments = (p: Principal | null, target: PlanTarget) =>
  givesSparring(p) || mayHandleComments(p, target);

export interface PlanPermissions {
  /** Change the content (goals, activities, narrative). */
  edit: boolean;
  /** Submit it: only when a funder funds the cluster that year, since nobody else decides it. */
  submit: boolean;
  /** The decisions (accept, return) the user may make now. */
  decide: PlanAction[];
  readContent: boolean;
  /** Comment on the plan (the support function's sparring). */
  comment: boolean;
  /** Mark comments handled. */
  handleComments: boolean;
}

/** What a user may do with a plan in this status: what the plan pages show, and nothing more. */
export function planPermissions(
  p: Principal | null,
  status: PlanStatus,
  target: PlanTarget,
): PlanPermissions {
  const decisions = PLAN_TRANSITIONS.filter(
    (t) =>
      t.permission === 'actionPlans.decide' &&
      t.from === status &&
      can(p, t.permission, policyTarget(target)),
  ).map((t) => t.action);
  const edit = mayEditPlan(p, status, target);
  return {
    edit,
    submit: edit && hasFunder(target),
    decide: decisions,
    readContent: mayReadPlanContent(p, status, target),
    comment: givesSparring(p),
    handleComments: mayHandleComments(p, target),
  };
}

/**
 * The funder organisations whose clusters a user follows in the funders' overview: those whose
 * funding lets the user view a cluster's plan; null when the user views every plan (admins).
 */
export function followedFunders(p: Principal): string[] | null {
  if (can(p, 'actionPlans.view')) return null;
  const organisations = new Set(p.memberships.map((m) => m.organisationId));
  return [...organisations].filter((funderId) => can(p, 'actionPlans.view', { fundedBy: [funderId] }));
}
