/**
 * Who may do what in activity reporting, stated once on top of the policy module's rules
 * (activities.read/write, apiTokens.manage, reportingPeriods.*): which clusters a caller reads and
 * reports for, which deliveries it sees, whose API tokens it manages, whose periods it follows,
 * and what the system itself may do. Every command and query of reporting asks here, so a page,
 * the API and the command line get the same answer. Tested as a table in policy.test.ts.
 */
import { isSystem } from '../caller.ts';
import { AppError } from '../errors.ts';
import { type Action, authorize, can, type Principal } from '../policy/policy.ts';

const signedIn = (p: Principal | null): Principal => {
  if (!p) throw new AppError('unauthenticated', 'Sign in to continue');
  return p;
};

/** The caller's own organisations (memberships, each once) on which `action` is allowed. */
function ownOrganisations(p: Principal, action: Action): string[] {
  const ids = p.memberships.map((m) => m.organisationId);
  return [...new Set(ids)].filter((id) => can(p, action, { organisationId: id }));
}

/** The clusters whose activities the caller reads: null = every cluster; refused when none. */
export function readableClusters(principal: Principal | null): string[] | null {
  const p = signedIn(principal);
  if (can(p, 'activities.read')) return null;
  const ids = ownOrganisations(p, 'activities.read');
  if (ids.length === 0) throw new AppError('forbidden', 'Not allowed: activities.read');
  return ids;
}

/** The clusters the caller reports activities for (maybe none). */
export function writableClusters(principal: Principal | null): string[] {
  return principal ? ownOrganisations(principal, 'activities.write') : [];
}

/** What a delivery may touch: the clusters it reports for (null = every one) and the register. */
export interface DeliveryRights {
  clusters: string[] | null;
  mayRegisterClusters: boolean;
}

/**
 * The rights of a delivery, whichever way it comes (web, API, command line): the system may
 * deliver everything, the cluster register included; anyone else the activities of the clusters
 * they report for, never the register. Refused when the caller reports for no cluster.
 */
export function deliveryRights(principal: Principal | null): DeliveryRights {
  if (isSystem(principal)) return { clusters: null, mayRegisterClusters: true };
  const clusters = writableClusters(signedIn(principal));
  if (clusters.length === 0) throw new AppError('forbidden', 'Not allowed to deliver activities');
  return { clusters, mayRegisterClusters: false };
}

/** Whether the caller may deliver at all (see deliveryRights). */
export function mayDeliver(principal: Principal | null): boolean {
  return isSystem(principal) || writableClusters(principal).length > 0;
}

/**
 * The organisations whose deliveries the caller sees, by them or for them: null = every delivery
 * (those who read every cluster's activities); maybe none.
 */
export function deliveryReaders(principal: Principal | null): string[] | null {
  const p = signedIn(principal);
  return can(p, 'activities.read') ? null : ownOrganisations(p, 'activities.read');
}

/** A delivery is seen by whoever may read the activities of the organisation that sent it or of a cluster in it. */
export function mayViewDelivery(
  principal: Principal | null,
  delivery: { organisationId: string | null; clusterIds: readonly string[] },
): boolean {
  const concerned = [delivery.organisationId, ...delivery.clusterIds].filter((id) => id !== null);
  return (
    can(principal, 'activities.read') ||
    concerned.some((organisationId) => can(principal, 'activities.read', { organisationId }))
  );
}

/** The organisations whose API tokens the caller manages: null = every organisation; maybe none. */
export function tokenOrganisations(principal: Principal | null): string[] | null {
  const p = signedIn(principal);
  return can(p, 'apiTokens.manage') ? null : ownOrganisations(p, 'apiTokens.manage');
}

/** Reminders (API tokens, reporting deadlines) are the system's to send (timers, `klynge remind-*`). */
export function authorizeReminders(principal: Principal | null): void {
  if (!isSystem(principal)) throw new AppError('forbidden', 'Only the system sends reminders');
}

/**
 * The funder organisations whose clusters the caller follows on the funders' status page: null =
 * every cluster (admins, the support function); else those in whose name it decides periods.
 */
export function followedFunders(principal: Principal | null): string[] | null {
  const p = authorize(principal, 'reportingPeriods.overview');
  if (can(p, 'reportingPeriods.followAll')) return null;
  const ids = [...new Set(p.memberships.map((m) => m.organisationId))];
  return ids.filter((id) => can(p, 'reportingPeriods.decide', { fundedBy: [id] }));
}

/** The clusters whose reporting years the caller submits; refused when none. */
export function submittingClusters(principal: Principal | null): string[] {
  const ids = ownOrganisations(signedIn(principal), 'reportingPeriods.submit');
  if (ids.length === 0) throw new AppError('forbidden', 'Not allowed: reportingPeriods.submit');
  return ids;
}
