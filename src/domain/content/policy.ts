import { can, type Membership, type Principal } from '../policy/policy.ts';

/** Who writes what in this area, decided by the one policy module (content.publish). */
/** News, stories and events are published on behalf of an organisation by its own staff. */
export function canPublishFor(principal: Principal | null, organisationId: string): boolean {
  return can(principal, 'content.publish', { organisationId });
}

/** The organisations a user may publish news, stories and events for, in membership order. */
export function publishingOrganisations<M extends Membership>(
  principal: { userId: string; memberships: readonly M[] } | null,
): M[] {
  if (!principal) return [];
  const seen = new Set<string>();
  return principal.memberships.filter((m: M) => {
    if (seen.has(m.organisationId) || !canPublishFor(principal, m.organisationId)) return false;
    seen.add(m.organisationId);
    return true;
  });
}
