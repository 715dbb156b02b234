import { can, type Principal } from '../policy/policy.ts';

/** The business hubs the principal works for: those whose landing page they have. */
export function hubsOf(p: Principal | null): string[] {
  const ids = (p?.memberships ?? []).map((m) => m.organisationId);
  return [...new Set(ids)].filter((organisationId) => can(p, 'businessHub.view', { organisationId }));
}
