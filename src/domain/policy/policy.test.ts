import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action, authorize, can, type Principal, ROLES, type Role } from './policy.ts';

const OWN = 'org-own';
const OTHER = 'org-other';
const principal = (role: Role): Principal => ({
  userId: `u-${role}`,
  memberships: [{ organisationId: OWN, role }],
});

/**
 * The expected matrix, written out by hand: for each action, the roles allowed on their own
 * organisation's data ("own") and on another organisation's data ("other").
 * A = admin, F = funder, S = assessor, C = cluster_staff, P = support_staff, B = business_service_staff.
 */
const MATRIX: Record<Action, { own: string; other: string }> = {
  'account.view': { own: 'AFSCPB', other: 'AFSCPB' },
  'account.changePassword': { own: 'AFSCPB', other: 'AFSCPB' },
  'admin.view': { own: 'A', other: 'A' },
  'users.manage': { own: 'A', other: 'A' },
  'organisations.manage': { own: 'A', other: 'A' },
  'audit.read': { own: 'A', other: 'A' },
  'clusterProfile.edit': { own: 'ACP', other: 'AP' },
  'activities.write': { own: 'C', other: '' },
  'activities.read': { own: 'AFCP', other: 'AFP' },
  'reportingPeriods.decide': { own: 'F', other: 'F' },
  'funding.view': { own: 'AF', other: 'AF' },
  'calls.manage': { own: 'F', other: '' },
  'content.publish': { own: 'ACP', other: '' },
  'applications.submit': { own: 'C', other: '' },
  'applications.assess': { own: 'S', other: 'S' },
  'calls.decide': { own: 'F', other: '' },
  'calls.allocate': { own: 'F', other: '' },
  'support.manage': { own: 'AP', other: 'AP' },
  'referrals.manage': { own: 'CB', other: '' },
};
const LETTER: Record<Role, string> = {
  admin: 'A',
  funder: 'F',
  assessor: 'S',
  cluster_staff: 'C',
  support_staff: 'P',
  business_service_staff: 'B',
};

describe('policy: role × action matrix', () => {
  it('covers every action the policy knows', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const expected = MATRIX[action];
      it(`${role} ${expected.own.includes(LETTER[role]) ? 'may' : 'may not'} ${action} on own organisation`, () => {
        expect(can(principal(role), action, { organisationId: OWN })).toBe(
          expected.own.includes(LETTER[role]),
        );
      });
      it(`${role} ${expected.other.includes(LETTER[role]) ? 'may' : 'may not'} ${action} on another organisation`, () => {
        expect(can(principal(role), action, { organisationId: OTHER })).toBe(
          expected.other.includes(LETTER[role]),
        );
      });
    }
  }

  it('denies every action to an anonymous visitor', () => {
    for (const action of ACTIONS) expect(can(null, action, { organisationId: OWN })).toBe(false);
  });

  it('denies everything to a user without memberships except own-account actions', () => {
    const nobody: Principal = { userId: 'u', memberships: [] };
    const allowed = ACTIONS.filter((a) => can(nobody, a, { organisationId: OWN }));
    expect(allowed.sort()).toEqual(['account.changePassword', 'account.view']);
  });

  it('denies an unknown action (deny by default)', () => {
    expect(can(principal('admin'), 'everything.delete' as Action)).toBe(false);
    expect(can(principal('admin'), 'toString' as Action)).toBe(false);
  });

  it('does not let a role held in one organisation act in another', () => {
    const twoHats: Principal = {
      userId: 'u',
      memberships: [
        { organisationId: OWN, role: 'business_service_staff' },
        { organisationId: OTHER, role: 'cluster_staff' },
      ],
    };
    expect(can(twoHats, 'activities.write', { organisationId: OTHER })).toBe(true);
    expect(can(twoHats, 'activities.write', { organisationId: OWN })).toBe(false);
    expect(can(twoHats, 'activities.write')).toBe(false);
  });

  it('authorize throws unauthenticated for visitors and forbidden for users', () => {
    expect(() => authorize(null, 'account.view')).toThrow(
      expect.objectContaining({ code: 'unauthenticated' }),
    );
    expect(() => authorize(principal('funder'), 'audit.read')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(authorize(principal('admin'), 'audit.read').userId).toBe('u-admin');
  });
});
