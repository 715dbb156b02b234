import { describe, expect, it } from 'vitest';
import type { Role } from '../policy/policy.ts';
import { canPublishFor, publishingOrganisations } from './policy.ts';

const OWN = 'org-own';
const OTHER = 'org-other';
const user = (role: Role, organisationKind = 'cluster_organisation') => ({
  userId: `u-${role}`,
  memberships: [{ organisationId: OWN, role, organisationKind }],
});

describe('who publishes news, stories and events', () => {
  it('lets cluster staff, support staff and admins publish for their own organisation only', () => {
    for (const role of ['cluster_staff', 'support_staff', 'admin'] as const) {
      expect(canPublishFor(user(role), OWN), role).toBe(true);
      expect(canPublishFor(user(role), OTHER), role).toBe(false);
    }
  });

  it('does not let funders, assessors, business service staff or visitors publish', () => {
    for (const role of ['funder', 'assessor', 'business_service_staff'] as const)
      expect(canPublishFor(user(role), OWN), role).toBe(false);
    expect(canPublishFor(null, OWN)).toBe(false);
  });

  it('lists each organisation a user may publish for once', () => {
    const principal = {
      userId: 'u',
      memberships: [
        { organisationId: OWN, role: 'cluster_staff' as const },
        { organisationId: OWN, role: 'support_staff' as const },
        { organisationId: OTHER, role: 'funder' as const },
      ],
    };
    expect(publishingOrganisations(principal).map((m) => m.organisationId)).toEqual([OWN]);
    expect(publishingOrganisations(null)).toEqual([]);
  });
});
