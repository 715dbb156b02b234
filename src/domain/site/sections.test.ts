import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../policy/policy.ts';
import { sectionsFor } from './sections.ts';

const PUBLIC = [
  'home',
  'clusters',
  'landscape',
  'results',
  'clusterForum',
  'labels',
  'news',
  'events',
  'calls',
  'search',
];
const as = (...roles: Role[]): Principal => ({
  userId: 'u',
  memberships: roles.map((role, i) => ({ organisationId: `org-${i}`, role })),
});

describe('sectionsFor: the navigation of each role', () => {
  it('offers a visitor the public sections and the login', () => {
    expect(sectionsFor(null)).toEqual([...PUBLIC, 'login']);
  });

  // Written out by hand: what each role sees after the public sections.
  const personal: Record<Role, string[]> = {
    admin: ['coordination', 'surveys', 'notifications', 'account', 'admin'],
    funder: ['coordination', 'surveys', 'notifications', 'account'],
    assessor: ['notifications', 'account'],
    cluster_staff: ['workspace', 'notifications', 'account'],
    support_staff: ['surveys', 'notifications', 'account'],
    business_service_staff: ['notifications', 'account'],
    company_user: ['notifications', 'account'],
  };
  for (const [role, sections] of Object.entries(personal) as [Role, string[]][]) {
    it(`offers ${role} the public sections and ${sections.join(', ')}`, () => {
      expect(sectionsFor(as(role))).toEqual([...PUBLIC, ...sections]);
    });
  }

  it('adds up the sections of every role a person holds', () => {
    expect(sectionsFor(as('funder', 'cluster_staff', 'admin'))).toEqual([
      ...PUBLIC,
      'workspace',
      'coordination',
      'surveys',
      'notifications',
      'account',
      'admin',
    ]);
  });

  it('offers a user without memberships only the own-account sections', () => {
    expect(sectionsFor(as())).toEqual([...PUBLIC, 'notifications', 'account']);
  });
});
