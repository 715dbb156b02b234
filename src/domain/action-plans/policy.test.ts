import { describe, expect, it } from 'vitest';
import type { Principal } from '../policy/policy.ts';
import { PLAN_STATUSES } from './plans.ts';
import {
  availablePlanActions,
  followedFunders,
  mayEditPlan,
  PLAN_TRANSITIONS,
  planPermissions,
} from './policy.ts';

const CLUSTER = 'org-cluster';
const FUNDER = 'org-funder';
const staff: Principal = { userId: 's', memberships: [{ organisationId: CLUSTER, role: 'cluster_staff' }] };
const funder: Principal = { userId: 'f', memberships: [{ organisationId: FUNDER, role: 'funder' }] };
const admin: Principal = { userId: 'a', memberships: [{ organisationId: 'org-admin', role: 'admin' }] };
const support: Principal = {
  userId: 'p',
  memberships: [{ organisationId: 'org-ced', role: 'support_staff' }],
};
const target = { clusterId: CLUSTER, fundedBy: [FUNDER] };

describe('action plan transition table', () => {
  it('lets the cluster submit drafts and returned plans, and the funder decide submitted ones', () => {
    const table = Object.fromEntries(
      PLAN_STATUSES.map((s) => [
        s,
        { staff: availablePlanActions(staff, s, target), funder: availablePlanActions(funder, s, target) },
      ]),
    );
    expect(table).toEqual({
      draft: { staff: ['submit'], funder: [] },
      submitted: { staff: [], funder: ['accept', 'return'] },
      accepted: { staff: [], funder: [] },
      returned: { staff: ['submit'], funder: [] },
    });
    expect(
      availablePlanActions(funder, 'submitted', { clusterId: CLUSTER, fundedBy: ['someone-else'] }),
    ).toEqual([]);
  });

  it('requires a comment only to return a plan', () => {
    expect(PLAN_TRANSITIONS.filter((t) => t.comment === 'required').map((t) => t.action)).toEqual(['return']);
  });

  it('keeps submitted and accepted plans read-only to the cluster', () => {
    expect(PLAN_STATUSES.filter((s) => mayEditPlan(staff, s, target))).toEqual(['draft', 'returned']);
    expect(PLAN_STATUSES.filter((s) => mayEditPlan(funder, s, target))).toEqual([]);
  });
});

describe('what a user may do with a plan', () => {
  it('shows the plan pages exactly what each user may do, per status', () => {
    const table = Object.fromEntries(
      PLAN_STATUSES.map((s) => [
        s,
        [staff, funder, admin, support].map((p) => {
          const may = planPermissions(p, s, target);
          const flags = `${may.edit ? 'E' : '-'}${may.submit ? 'S' : '-'}${may.readContent ? 'R' : '-'}`;
          const sparring = `${may.comment ? 'K' : '-'}${may.handleComments ? 'H' : '-'}`;
          return `${flags}${sparring}${may.decide.join('+')}`;
        }),
      ]),
    );
    // staff, funder, admin, support: E = edits, S = submits, R = reads the content, K = comments,
    // H = marks comments handled, then the decisions. The support function reads drafts to give
    // sparring.
    expect(table).toEqual({
      draft: ['ESR-H', '-----', '-----', '--RK-'],
      submitted: ['--R-H', '--R--accept+return', '--R--', '--RK-'],
      accepted: ['--R-H', '--R--', '--R--', '--RK-'],
      returned: ['ESR-H', '--R--', '--R--', '--RK-'],
    });
  });

  it('lets the cluster edit but not submit a plan for a year no funder funds it', () => {
    const unfunded = { ...target, fundedBy: [] };
    expect(PLAN_STATUSES.map((s) => planPermissions(staff, s, unfunded).edit)).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(PLAN_STATUSES.map((s) => planPermissions(staff, s, unfunded).submit)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("follows the clusters funded by the user's own funder organisations; admins follow all", () => {
    const twoHats: Principal = {
      userId: 'x',
      memberships: [
        { organisationId: FUNDER, role: 'funder' },
        { organisationId: CLUSTER, role: 'cluster_staff' },
        { organisationId: 'org-other-funder', role: 'funder' },
      ],
    };
    expect(followedFunders(twoHats)).toEqual([FUNDER, 'org-other-funder']);
    expect(followedFunders(funder)).toEqual([FUNDER]);
    expect(followedFunders(staff)).toEqual([]);
    expect(followedFunders(admin)).toBeNull();
    expect(followedFunders(support)).toBeNull();
  });
});
