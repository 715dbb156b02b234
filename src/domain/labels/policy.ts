/**
 * Who may do what with the label register, stated once. The register is public; keeping it (the
 * import) is the support function's work (`support.manage`, which admins hold too), and the
 * follow-up of expiring labels is theirs for all clusters and cluster staff's for their own.
 */
import type { Caller } from '../caller.ts';
import { clustersWorkedFor } from '../catalogue/policy.ts';
import { authorize, can, type Principal } from '../policy/policy.ts';

const keepsTheRegister = (p: Principal | null) => can(p, 'support.manage');

/** What a person may do on the register page, for showing the matching links. */
export function labelPermissions(p: Principal | null): { importLabels: boolean } {
  return { importLabels: keepsTheRegister(p) };
}

/** Throws unless the caller may import label lists. */
export function authorizeLabelImport(caller: Caller): void {
  authorize(caller.principal, 'support.manage');
}

/**
 * Whose expiring labels a person follows up: every cluster's (`all`), those of the clusters they
 * work for (a list of organisation ids), or none (null).
 */
export function expiryFollowUp(p: Principal | null): 'all' | string[] | null {
  if (keepsTheRegister(p)) return 'all';
  const own = clustersWorkedFor(p);
  return own.length > 0 ? own : null;
}

/** Whether a person may open a cluster's label self-assessment: its own staff and the support function. */
export const mayViewSelfAssessment = (p: Principal | null, clusterId: string) =>
  can(p, 'labels.viewSelfAssessment', { organisationId: clusterId });
