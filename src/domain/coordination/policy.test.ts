import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../policy/policy.ts';
import { commentingFunder, commentsOpen, fundingPlanPermissions, proposingFunders } from './policy.ts';

const OWNER = 'org-owner';
const OTHER = 'org-other';
const as = (...memberships: [string, Role][]): Principal => ({
  userId: 'u',
  memberships: memberships.map(([organisationId, role]) => ({ organisationId, role })),
});
const plan = { funderId: OWNER, status: 'planned' as const, decisionDate: '2031-06-30' };
const before = new Date('2031-06-01T10:00:00Z');

describe('funding plan rules', () => {
  it('keeps comments open until the end of the decision date in Copenhagen, and only while planned', () => {
    expect(commentsOpen(plan, new Date('2031-06-30T21:59:59Z'))).toBe(true);
    expect(commentsOpen(plan, new Date('2031-06-30T22:00:00Z'))).toBe(false);
    expect(commentsOpen({ ...plan, status: 'decided' }, before)).toBe(false);
  });

  // Expected permissions written out by hand: [who, may comment, may close].
  const TABLE: [string, Principal, boolean, boolean][] = [
    ['the owning funder', as([OWNER, 'funder']), false, true],
    ['another funder', as([OTHER, 'funder']), true, false],
    ['a funder of both', as([OWNER, 'funder'], [OTHER, 'funder']), true, true],
    ['an admin', as([OWNER, 'admin']), false, false],
    ['an assessor of the owner', as([OWNER, 'assessor']), false, false],
    ['cluster staff', as([OTHER, 'cluster_staff']), false, false],
    ['support staff', as([OTHER, 'support_staff']), false, false],
  ];
  for (const [who, principal, comment, close] of TABLE)
    it(`${who} ${comment ? 'may' : 'may not'} comment and ${close ? 'may' : 'may not'} close`, () => {
      expect(fundingPlanPermissions(principal, plan, before)).toEqual({ comment, commentsOpen: true, close });
    });

  it('lets no one close a plan that is already closed', () => {
    expect(
      fundingPlanPermissions(as([OWNER, 'funder']), { ...plan, status: 'abandoned' }, before).close,
    ).toBe(false);
  });

  it('comments for the commenter’s own funder organisation, never the owner’s', () => {
    expect(commentingFunder(as([OWNER, 'funder'], [OTHER, 'funder']), plan)).toBe(OTHER);
    expect(commentingFunder(as([OTHER, 'assessor'], [OWNER, 'funder']), plan)).toBeNull();
  });

  it('proposes for each funder organisation of the principal once, in membership order', () => {
    expect(proposingFunders(as([OTHER, 'cluster_staff'], [OWNER, 'funder'], [OTHER, 'funder']))).toEqual([
      OWNER,
      OTHER,
    ]);
    expect(proposingFunders(as([OWNER, 'admin']))).toEqual([]);
  });
});
