/**
 * Object-level rules of the catalogue, each stated once and applied here, so a page only asks
 * "what may this person do with this cluster" and never decides it. The role rule itself is the
 * policy's `clusterProfile.edit` (src/domain/policy/policy.ts).
 */
import type { Caller } from '../caller.ts';
import { authorize, can, type Principal } from '../policy/policy.ts';

/** The cluster organisations a person works for: those where they are cluster staff. */
export function clustersWorkedFor(p: Principal | null): string[] {
  return (p?.memberships ?? []).filter((m) => m.role === 'cluster_staff').map((m) => m.organisationId);
}

/** What a person may do with one cluster, for pages that show or hide the matching links. */
export interface ClusterPermissions {
  editProfile: boolean;
}

export function clusterPermissions(p: Principal | null, organisationId: string): ClusterPermissions {
  return { editProfile: can(p, 'clusterProfile.edit', { organisationId }) };
}

/** Throws unless the caller may edit the cluster's profile: its own staff, support staff, admins. */
export function authorizeProfileEdit(caller: Caller, organisationId: string): void {
  authorize(caller.principal, 'clusterProfile.edit', { organisationId });
}
