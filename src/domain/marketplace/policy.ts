import { can, type Principal } from '../policy/policy.ts';

/** The organisations whose offers and requests the principal publishes (`marketplace.publish`). */
export const publishingOrganisations = (p: Principal | null): string[] =>
  [...new Set((p?.memberships ?? []).map((m) => m.organisationId))].filter((organisationId) =>
    can(p, 'marketplace.publish', { organisationId }),
  );

/** Whether the principal may publish on the marketplace for any organisation. */
export const publishesOnMarketplace = (p: Principal | null): boolean => publishingOrganisations(p).length > 0;

/**
 * What the principal may do about an item of `ownerId`: a visitor signs in first, an item of
 * one's own organisation takes no interest, anyone else signed in may express it.
 */
export function interestStanding(p: Principal | null, ownerId: string): 'visitor' | 'own' | 'may' {
  if (!p) return 'visitor';
  if (p.memberships.some((m) => m.organisationId === ownerId)) return 'own';
  return can(p, 'marketplace.expressInterest') ? 'may' : 'own';
}

/** Whether the principal publishes for the item's owner, and so may withdraw the item. */
export const mayWithdrawItem = (p: Principal | null, ownerId: string): boolean =>
  can(p, 'marketplace.publish', { organisationId: ownerId });
