import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../policy/policy.ts';
import { expiryFollowUp, labelPermissions } from './policy.ts';

const as = (...roles: Role[]): Principal => ({
  userId: 'u',
  memberships: roles.map((role, i) => ({ organisationId: `org-${i}`, role })),
});

describe('label register rules', () => {
  it('lets support staff and admins import, nobody else', () => {
    const importers = (
      ['admin', 'funder', 'assessor', 'cluster_staff', 'support_staff', 'business_service_staff'] as const
    ).filter((role) => labelPermissions(as(role)).importLabels);
    expect(importers).toEqual(['admin', 'support_staff']);
    expect(labelPermissions(null).importLabels).toBe(false);
  });

  it('gives the register keepers every expiring label, cluster staff their own clusters, others none', () => {
    expect(expiryFollowUp(as('support_staff'))).toBe('all');
    expect(expiryFollowUp(as('admin', 'cluster_staff'))).toBe('all');
    expect(expiryFollowUp(as('funder', 'cluster_staff', 'cluster_staff'))).toEqual(['org-1', 'org-2']);
    expect(expiryFollowUp(as('funder'))).toBeNull();
    expect(expiryFollowUp(null)).toBeNull();
  });
});
