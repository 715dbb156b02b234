import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../policy/policy.ts';
import { mayManageTargets } from './results.ts';

const FUNDER = 'funder-org';
const as = (role: Role, organisationId: string): Principal => ({
  userId: `${role}@${organisationId}`,
  memberships: [{ organisationId, role }],
});

describe('mayManageTargets: who is offered the targets from the results page', () => {
  const set = { funderId: FUNDER };
  it.each([
    ['a visitor', null, set, false],
    ['an admin', as('admin', 'admins'), set, true],
    ["a funder of the set's organisation", as('funder', FUNDER), set, true],
    ['a funder of another organisation', as('funder', 'other-funder'), set, false],
    ['cluster staff of the organisation', as('cluster_staff', FUNDER), set, false],
    ['support staff', as('support_staff', 'support'), set, false],
    ['an admin, no target set yet', as('admin', 'admins'), null, true],
    ['a funder, no target set yet', as('funder', FUNDER), null, false],
  ] as const)('%s: %s', (_, principal, targetSet, expected) => {
    expect(mayManageTargets(principal, targetSet)).toBe(expected);
  });
});
