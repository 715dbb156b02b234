import { describe, expect, it } from 'vitest';
import type { Role } from '../policy/policy.ts';
import { callOwnerOrganisations, callRules, managedCallOwners } from './policy.ts';

const OWN = 'org-own';
const OTHER = 'org-other';
const user = (role: Role, organisationKind = 'cluster_organisation') => ({
  userId: `u-${role}`,
  memberships: [{ organisationId: OWN, role, organisationKind }],
});

describe('who manages calls', () => {
  it('lets funders manage the calls of their own funder organisation', () => {
    expect(callRules.manage(user('funder', 'funder'), { ownerId: OWN })).toBe(true);
    expect(callRules.manage(user('funder', 'funder'), { ownerId: OTHER })).toBe(false);
    expect(callOwnerOrganisations(user('funder', 'funder')).map((m) => m.organisationId)).toEqual([OWN]);
  });

  it('lists each organisation whose calls a user manages once', () => {
    const principal = {
      userId: 'u',
      memberships: [
        { organisationId: OWN, role: 'funder' as const },
        { organisationId: OWN, role: 'assessor' as const },
        { organisationId: OTHER, role: 'cluster_staff' as const },
        { organisationId: 'org-third', role: 'funder' as const },
      ],
    };
    expect(managedCallOwners(principal)).toEqual([OWN, 'org-third']);
    expect(managedCallOwners(null)).toEqual([]);
  });

  it('does not let anyone else manage calls', () => {
    for (const role of [
      'admin',
      'assessor',
      'cluster_staff',
      'support_staff',
      'business_service_staff',
    ] as const) {
      expect(callRules.manage(user(role, 'funder'), { ownerId: OWN }), role).toBe(false);
      expect(callOwnerOrganisations(user(role, 'funder')), role).toEqual([]);
    }
  });

  it('offers only funder organisations as owners', () => {
    expect(callOwnerOrganisations(user('funder', 'cluster_organisation'))).toEqual([]);
  });
});
