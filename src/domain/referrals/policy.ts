/**
 * Who may do what with a referral, stated once on the referral and composed of the policy
 * module's `referrals.manage`: the staff of the referring organisation (the sender) and of the
 * organisation it went to (the recipient) see it and its history; the recipient answers it
 * (accepts or declines, records the first contact and the outcome); a referral to an outside actor
 * has nobody in the portal to answer, so its sender records the outcome when it hears of it.
 * Reminders and the retention rule are the system's (src/domain/caller.ts). Tested in policy.test.ts.
 */
import { isSystem } from '../caller.ts';
import { AppError } from '../errors.ts';
import { can, type Principal } from '../policy/policy.ts';

export type ReferralStatus = 'sent' | 'accepted' | 'declined' | 'contacted' | 'completed';

/** What the rules look at in a referral. */
export interface ReferralStanding {
  fromOrganisationId: string;
  /** Null when the referral went to an outside actor (a referral target). */
  toOrganisationId: string | null;
  status: ReferralStatus;
}

/** The organisations the principal refers companies for and answers referrals for. */
export function referringOrganisations(p: Principal | null): string[] {
  const ids = (p?.memberships ?? []).map((m) => m.organisationId);
  return [...new Set(ids)].filter((organisationId) => can(p, 'referrals.manage', { organisationId }));
}

export const isSender = (p: Principal | null, r: Pick<ReferralStanding, 'fromOrganisationId'>) =>
  can(p, 'referrals.manage', { organisationId: r.fromOrganisationId });

export const isRecipient = (p: Principal | null, r: Pick<ReferralStanding, 'toOrganisationId'>) =>
  r.toOrganisationId !== null && can(p, 'referrals.manage', { organisationId: r.toOrganisationId });

/** Both sides see a referral and its history; nobody else does (it holds personal data). */
export const mayViewReferral = (p: Principal | null, r: ReferralStanding) =>
  isSender(p, r) || isRecipient(p, r);

export interface ReferralPermissions {
  accept: boolean;
  decline: boolean;
  recordContact: boolean;
  recordOutcome: boolean;
}

/** What the principal may do with the referral now: the page shows or hides its forms by this. */
export function referralPermissions(p: Principal | null, r: ReferralStanding): ReferralPermissions {
  const answers = isRecipient(p, r);
  const outside = r.toOrganisationId === null;
  return {
    accept: answers && r.status === 'sent',
    decline: answers && r.status === 'sent',
    recordContact: answers && r.status === 'accepted',
    // A recipient in the portal records the outcome after the first contact; for an outside
    // actor the sender records it.
    recordOutcome: answers ? r.status === 'contacted' : outside && isSender(p, r) && r.status === 'sent',
  };
}

/** Reminders and the deletion of personal data are the system's to run (its timer, `klynge`). */
export function authorizeSystemJob(principal: Principal | null, job: string): void {
  if (!isSystem(principal)) throw new AppError('forbidden', `Only the system runs ${job}`);
}
