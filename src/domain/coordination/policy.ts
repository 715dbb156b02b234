/**
 * Who may do what with a funding plan, stated once on the plan and composed of the policy
 * module's rules (fundingPlans.propose, .comment, .close): a funder records plans for its own
 * organisation and closes them; the other funders comment while the plan is open.
 */
import { type Action, can, type Principal } from '../policy/policy.ts';
import { copenhagenDate } from '../reference/time.ts';

export type FundingPlanStatus = 'planned' | 'decided' | 'abandoned';

/** What the rules look at in a funding plan. */
export interface FundingPlanStanding {
  funderId: string;
  status: FundingPlanStatus;
  /** YYYY-MM-DD: comments are taken until the end of this day, Danish time. */
  decisionDate: string;
}

/** A plan takes comments until the end of its decision date, Danish time, while it is planned. */
export function commentsOpen(plan: Pick<FundingPlanStanding, 'status' | 'decisionDate'>, now: Date): boolean {
  return plan.status === 'planned' && copenhagenDate(now) <= plan.decisionDate;
}

/** The organisations in whose name the principal may take an action, in membership order. */
export function organisationsActingFor(p: Principal, action: Action): string[] {
  // Each membership is judged on its own, so the order is that of the memberships that give the right.
  const ids = p.memberships
    .filter((m) => can({ ...p, memberships: [m] }, action, { organisationId: m.organisationId }))
    .map((m) => m.organisationId);
  return [...new Set(ids)];
}

/** The funder organisations the principal records funding plans for, in membership order. */
export const proposingFunders = (p: Principal): string[] => organisationsActingFor(p, 'fundingPlans.propose');

/** The funder organisation a comment on the plan is made for: one of the principal's own, not the owner. */
export function commentingFunder(p: Principal, plan: Pick<FundingPlanStanding, 'funderId'>): string | null {
  if (!can(p, 'fundingPlans.comment', { organisationId: plan.funderId })) return null;
  return proposingFunders(p).find((id) => id !== plan.funderId) ?? null;
}

export interface FundingPlanPermissions {
  /** The principal is one of the other funders, who may comment while comments are open. */
  comment: boolean;
  commentsOpen: boolean;
  /** The principal is the owning funder and the plan is still planned. */
  close: boolean;
}

/** What the principal may do with the plan now: the page shows or hides its forms by this. */
export function fundingPlanPermissions(
  p: Principal,
  plan: FundingPlanStanding,
  now: Date,
): FundingPlanPermissions {
  return {
    comment: commentingFunder(p, plan) !== null,
    commentsOpen: commentsOpen(plan, now),
    close: can(p, 'fundingPlans.close', { organisationId: plan.funderId }) && plan.status === 'planned',
  };
}
