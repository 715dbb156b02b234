import { describe, expect, it } from 'vitest';
import type { Principal } from '../policy/policy.ts';
import { availablePlanActions, mayEditPlan, PLAN_STATUSES, PLAN_TRANSITIONS, validatePlan } from './plans.ts';

const CLUSTER = 'org-cluster';
const FUNDER = 'org-funder';
const staff: Principal = { userId: 's', memberships: [{ organisationId: CLUSTER, role: 'cluster_staff' }] };
const funder: Principal = { userId: 'f', memberships: [{ organisationId: FUNDER, role: 'funder' }] };
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

describe('validatePlan', () => {
  it('accepts empty goals and a plan without activities', () => {
    expect(validatePlan({ goals: { activities: null }, activities: {}, narrative: ' ' })).toEqual({
      goals: [],
      activities: [],
      narrative: '',
    });
  });

  it('refuses NaN and absurd numbers', () => {
    expect(() =>
      validatePlan({ goals: { activities: Number.NaN, grant_dkk: 1e13 }, activities: {}, narrative: '' }),
    ).toThrow(
      expect.objectContaining({
        issues: [
          { field: 'goal-activities', message: 'notNumber' },
          { field: 'goal-grant_dkk', message: 'tooLarge' },
        ],
      }),
    );
  });
});
