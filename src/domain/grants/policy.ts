/**
 * Who may follow up a grant (its agreement and payment plan), stated once on the grant from the
 * policy module's rules: the grant's own funder keeps it ('grants.manage'), every funder of the
 * cluster in the grant's year and admins read it ('grants.view'), and the cluster's own staff read
 * their grants and accept an agreement sent to them ('grants.viewOwn', 'grantAgreements.accept').
 * Pages ask `grantPermissions` what to show; the commands check the same rules.
 */
import { can, type Principal } from '../policy/policy.ts';

export type AgreementStatus = 'draft' | 'sent' | 'accepted';

/** Who a grant is about: its funder, the cluster, and the funders of the cluster in the grant's year. */
export interface GrantTarget {
  funderId: string;
  clusterId: string;
  fundedBy: readonly string[];
}

/** The grant's own funder (its staff) and admins: they issue the agreement and keep the payment plan. */
export const keepsGrant = (p: Principal | null, g: GrantTarget) =>
  can(p, 'grants.manage', { organisationId: g.funderId });

/** The funder side: the grant's funder, its co-funders in the year, admins. */
export const followsAsFunder = (p: Principal | null, g: GrantTarget) =>
  keepsGrant(p, g) || can(p, 'grants.view', { organisationId: g.clusterId, fundedBy: g.fundedBy });

/** The cluster's own staff. */
export const isGrantee = (p: Principal | null, g: GrantTarget) =>
  can(p, 'grants.viewOwn', { organisationId: g.clusterId });

/**
 * Whether a user reads the agreement: the funder side in every state (co-funders see what their
 * partner is about to sign), the cluster once it has been sent to them.
 */
export const mayReadAgreement = (p: Principal | null, g: GrantTarget, status: AgreementStatus | null) =>
  status !== null && (followsAsFunder(p, g) || (status !== 'draft' && isGrantee(p, g)));

export interface GrantPermissions {
  /** Draw up the agreement or change its conditions: the grant's funder while it is a draft or none. */
  issue: boolean;
  /** Send the draft to the cluster. */
  send: boolean;
  /** Accept the agreement: the cluster's staff, once it is sent. */
  accept: boolean;
  readAgreement: boolean;
  /** Change the instalments: the grant's funder until the agreement is sent. */
  planPayments: boolean;
  /** Mark instalments paid or not paid: the grant's funder. */
  recordPayments: boolean;
}

/** What a user may do with a grant's follow-up whose agreement is in this state (null: none yet). */
export function grantPermissions(
  p: Principal | null,
  g: GrantTarget,
  status: AgreementStatus | null,
): GrantPermissions {
  const keeps = keepsGrant(p, g);
  const unsent = status === null || status === 'draft';
  return {
    issue: keeps && unsent,
    send: keeps && status === 'draft',
    accept: status === 'sent' && can(p, 'grantAgreements.accept', { organisationId: g.clusterId }),
    readAgreement: mayReadAgreement(p, g, status),
    planPayments: keeps && unsent,
    recordPayments: keeps,
  };
}
