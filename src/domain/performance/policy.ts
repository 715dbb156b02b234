/**
 * Who sees which basis of the performance account (reporting format 1.1). The official account is
 * public. The preliminary account of a cluster is shown to its own staff (and its API token) and to
 * the funders that fund it in the year; a funder's account to that funder's people; every account,
 * the national, league and region ones included, to the support function and administrators; and
 * the command line (the system) reports everything. The role rule is the policy module's
 * `performance.preliminary`; this file says what an account's target is.
 */
import type { Queryable } from '../../db/client.ts';
import { isSystem } from '../caller.ts';
import { AppError } from '../errors.ts';
import { can, type Principal, type Target } from '../policy/policy.ts';
import { fundersOf } from '../reporting/periods/years.ts';
import type { AccountBasis, AccountScope } from './account.ts';
import { clusterByCvr } from './queries.ts';

/** Which basis an account is asked on, and for preliminary figures who asks. */
export type AccountView = { basis: 'official' } | { basis: 'preliminary'; principal: Principal | null };

export const OFFICIAL: AccountView = { basis: 'official' };

export const basisOfView = (view: AccountView): AccountBasis => view.basis;

/** Whose figures an account holds, as the policy judges it. */
async function accountTarget(db: Queryable, year: number, scope: AccountScope): Promise<Target> {
  switch (scope.kind) {
    case 'cluster': {
      const cluster = await clusterByCvr(db, scope.cvr);
      if (!cluster) return {};
      return { organisationId: cluster.id, fundedBy: await fundersOf(db, cluster.id, year) };
    }
    case 'funder':
      return { fundedBy: [scope.funderId] };
    default:
      return {};
  }
}

/** Whether the principal may see the preliminary account of a scope and year. */
export async function mayViewPreliminary(
  db: Queryable,
  principal: Principal | null,
  year: number,
  scope: AccountScope,
): Promise<boolean> {
  if (!principal) return false;
  if (isSystem(principal)) return true;
  return can(principal, 'performance.preliminary', await accountTarget(db, year, scope));
}

/**
 * Throws unless the view may be shown: official always; preliminary `unauthenticated` for a
 * visitor (no session, no token) and `forbidden` for someone who may not see it.
 */
export async function authorizeView(
  db: Queryable,
  view: AccountView,
  year: number,
  scope: AccountScope,
): Promise<void> {
  if (view.basis === 'official') return;
  if (!view.principal)
    throw new AppError('unauthenticated', 'Sign in, or give an API token, to see preliminary figures');
  if (!(await mayViewPreliminary(db, view.principal, year, scope)))
    throw new AppError('forbidden', 'Not allowed: preliminary figures of this account');
}
