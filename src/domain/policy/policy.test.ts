import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Action,
  authorize,
  can,
  type Principal,
  ROLES,
  type Role,
  tokenPrincipal,
} from './policy.ts';

const OWN = 'org-own';
const OTHER = 'org-other';
const principal = (role: Role): Principal => ({
  userId: `u-${role}`,
  memberships: [{ organisationId: OWN, role }],
});

/**
 * The expected matrix, written out by hand: for each action, the roles allowed on their own
 * organisation's data ("own") and on another organisation's data ("other").
 * A = admin, F = funder, S = assessor, C = cluster_staff, P = support_staff, B = business_service_staff,
 * V = company_user (virksomhed),
 * O = organisation_admin.
 */
const MATRIX: Record<Action, { own: string; other: string }> = {
  'account.view': { own: 'AFSCPBVO', other: 'AFSCPBVO' },
  'account.changePassword': { own: 'AFSCPBVO', other: 'AFSCPBVO' },
  'account.secondFactor': { own: 'AFSCPBVO', other: 'AFSCPBVO' },
  'account.sessions': { own: 'AFSCPBVO', other: 'AFSCPBVO' },
  'account.linkIdentity': { own: 'AFSCPBVO', other: 'AFSCPBVO' },
  'personalData.exportOwn': { own: 'AFSCPBVO', other: 'AFSCPBVO' },
  'personalData.manage': { own: 'A', other: 'A' },
  'admin.view': { own: 'A', other: 'A' },
  'users.manage': { own: 'A', other: 'A' },
  'members.manage': { own: 'AO', other: 'A' },
  'organisations.manage': { own: 'AP', other: 'AP' },
  'organisations.merge': { own: 'AP', other: 'AP' },
  'audit.read': { own: 'A', other: 'A' },
  'jobs.manage': { own: 'A', other: 'A' },
  'clusterProfile.edit': { own: 'ACP', other: 'AP' },
  'activities.write': { own: 'C', other: '' },
  'activities.read': { own: 'AFCP', other: 'AFP' },
  'apiTokens.manage': { own: 'AFC', other: 'A' },
  'reportingPeriods.submit': { own: 'C', other: '' },
  // Without fundedBy no funder funds the target: only admins decide (see the funding tests below).
  'reportingPeriods.decide': { own: 'A', other: 'A' },
  'reportingPeriods.overview': { own: 'AFP', other: 'AFP' },
  'reportingPeriods.followAll': { own: 'AP', other: 'AP' },
  'reportingDeadlines.manage': { own: 'A', other: 'A' },
  'funding.view': { own: 'AF', other: 'AF' },
  'grants.manage': { own: 'AF', other: 'A' },
  'grantFollowUp.report': { own: 'C', other: '' },
  // Without `fundedBy` no funder funds the target; see the grant follow-up test below.
  'grantFollowUp.view': { own: 'AC', other: 'A' },
  // Without `fundedBy` no funder funds the target; see the grants test below.
  'grants.view': { own: 'A', other: 'A' },
  'grants.viewOwn': { own: 'C', other: '' },
  'grantAgreements.accept': { own: 'C', other: '' },
  'coordination.view': { own: 'AF', other: 'AF' },
  'fundingPlans.propose': { own: 'F', other: '' },
  'fundingPlans.close': { own: 'F', other: '' },
  // Comments come from the other funders, not from the funder that owns the plan.
  'fundingPlans.comment': { own: '', other: 'F' },
  'coordinationMeetings.convene': { own: 'F', other: '' },
  'coordinationMeetings.record': { own: 'F', other: '' },
  'coordinationMeetings.viewAll': { own: 'A', other: 'A' },
  'coordinationDecisions.complete': { own: 'F', other: '' },
  'notifications.view': { own: 'AFSCPBVO', other: 'AFSCPBVO' },
  'benchmarking.viewOwn': { own: 'C', other: '' },
  'benchmarking.viewAll': { own: 'AP', other: 'AP' },
  // Without `fundedBy` no funder funds the target; see the funder tests below.
  'evaluations.view': { own: 'AC', other: 'A' },
  'evaluations.decide': { own: 'A', other: 'A' },
  'evaluations.configure': { own: 'AF', other: 'AF' },
  'dataQuality.view': { own: 'AC', other: 'A' },
  // A cluster's own preliminary figures; funders see those of clusters they fund (tests below).
  'performance.preliminary': { own: 'ACP', other: 'AP' },
  // Without `fundedBy` no funder funds the target; see the action-plan test below.
  'actionPlans.edit': { own: 'C', other: '' },
  'actionPlans.decide': { own: '', other: '' },
  'actionPlans.view': { own: 'ACP', other: 'AP' },
  'actionPlans.overview': { own: 'AFP', other: 'AFP' },
  'actionPlans.comment': { own: 'P', other: 'P' },
  'actionPlans.handleComment': { own: 'C', other: '' },
  'targets.manage': { own: 'AF', other: 'A' },
  'initiatives.manage': { own: 'AF', other: 'A' },
  'calls.manage': { own: 'F', other: '' },
  'content.publish': { own: 'ACP', other: '' },
  'applications.submit': { own: 'C', other: '' },
  'applications.assess': { own: 'S', other: 'S' },
  'calls.decide': { own: 'F', other: '' },
  'calls.allocate': { own: 'F', other: '' },
  'calls.signOff': { own: 'F', other: '' },
  'surveys.manage': { own: 'AFP', other: 'A' },
  'surveys.readSharedResults': { own: 'AFP', other: 'AFP' },
  'companyContacts.manage': { own: 'C', other: '' },
  'support.manage': { own: 'AP', other: 'AP' },
  'labels.selfAssess': { own: 'C', other: '' },
  'labels.viewSelfAssessment': { own: 'CP', other: 'P' },
  'support.services.manage': { own: 'AP', other: 'AP' },
  'support.knowledge.manage': { own: 'AP', other: 'AP' },
  'support.newsletter.manage': { own: 'AP', other: 'AP' },
  'support.courses.manage': { own: 'AP', other: 'AP' },
  'support.attendance.take': { own: 'AP', other: 'AP' },
  'support.courses.register': { own: 'CV', other: '' },
  'support.plan.manage': { own: 'AP', other: 'AP' },
  'support.steering.view': { own: 'AFP', other: 'AP' },
  'referrals.manage': { own: 'CB', other: '' },
  'companyProfile.edit': { own: 'V', other: '' },
  'marketplace.publish': { own: 'CV', other: '' },
  'marketplace.expressInterest': { own: 'AFSCPBVO', other: 'AFSCPBVO' },
  'companyInvitations.send': { own: 'C', other: '' },
  'referrals.viewFigures': { own: 'AFCPB', other: 'AFCPB' },
  'referralTargets.manage': { own: 'AP', other: 'AP' },
  'businessHub.view': { own: 'B', other: '' },
  'clusterActivities.viewAll': { own: 'APB', other: 'APB' },
  'jointEvents.propose': { own: 'B', other: '' },
  'jointEvents.answer': { own: 'C', other: '' },
  'practices.propose': { own: 'CB', other: '' },
  'practices.review': { own: 'AP', other: 'AP' },
  'matchmaking.participate': { own: 'AFSCPBVO', other: 'AFSCPBVO' },
  'matchmaking.organise': { own: 'AFSCPBVO', other: 'AP' },
};
const LETTER: Record<Role, string> = {
  admin: 'A',
  funder: 'F',
  assessor: 'S',
  cluster_staff: 'C',
  support_staff: 'P',
  business_service_staff: 'B',
  company_user: 'V',
  organisation_admin: 'O',
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

  it('denies everything to a user without memberships except own-account actions and taking part in matchmaking', () => {
    const nobody: Principal = { userId: 'u', memberships: [] };
    const allowed = ACTIONS.filter((a) => can(nobody, a, { organisationId: OWN }));
    expect(allowed.sort()).toEqual([
      'account.changePassword',
      'account.linkIdentity',
      'account.secondFactor',
      'account.sessions',
      'account.view',
      'matchmaking.participate',
      'notifications.view',
      'personalData.exportOwn',
    ]);
  });

  it('lets an admin or funder signed in with one factor do nothing but prove a second', () => {
    for (const role of ['admin', 'funder'] as const) {
      const oneFactor: Principal = { ...principal(role), multiFactor: false };
      const allowed = ACTIONS.filter((a) => can(oneFactor, a, { organisationId: OWN }));
      expect(allowed).toEqual(['account.secondFactor']);
      expect(() => authorize(oneFactor, 'account.view')).toThrow(
        expect.objectContaining({ code: 'second_factor' }),
      );
      // With the second factor proven, the role's rights are back.
      expect(can({ ...oneFactor, multiFactor: true }, 'account.view')).toBe(true);
    }
    // A person with another role signed in with a password alone keeps the role's rights.
    for (const role of [
      'assessor',
      'cluster_staff',
      'support_staff',
      'business_service_staff',
      'company_user',
    ] as const)
      expect(can({ ...principal(role), multiFactor: false }, 'account.view')).toBe(true);
    // An admin role held besides another one still needs the second factor.
    const twoRoles: Principal = {
      userId: 'u',
      multiFactor: false,
      memberships: [
        { organisationId: OWN, role: 'cluster_staff' },
        { organisationId: OTHER, role: 'admin' },
      ],
    };
    expect(can(twoRoles, 'activities.write', { organisationId: OWN })).toBe(false);
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

  it('lets a funder comment on another funder’s funding plan but not on its own', () => {
    const funder = principal('funder');
    expect(can(funder, 'fundingPlans.comment', { organisationId: OTHER })).toBe(true);
    expect(can(funder, 'fundingPlans.comment', { organisationId: OWN })).toBe(false);
    const twoFunders: Principal = {
      userId: 'u',
      memberships: [
        { organisationId: OWN, role: 'funder' },
        { organisationId: OTHER, role: 'funder' },
      ],
    };
    expect(can(twoFunders, 'fundingPlans.comment', { organisationId: OWN })).toBe(true);
    expect(can(principal('admin'), 'fundingPlans.comment', { organisationId: OTHER })).toBe(false);
  });

  it('lets a funder decide a reporting period only where its own organisation funds the cluster', () => {
    const funder = principal('funder');
    const cluster = 'org-cluster';
    expect(can(funder, 'reportingPeriods.decide', { organisationId: cluster, fundedBy: [OWN] })).toBe(true);
    expect(can(funder, 'reportingPeriods.decide', { organisationId: cluster, fundedBy: [OTHER] })).toBe(
      false,
    );
    expect(can(funder, 'reportingPeriods.decide', { organisationId: cluster, fundedBy: [] })).toBe(false);
    // Funding by one's organisation does not help other roles held there.
    for (const role of ['assessor', 'cluster_staff', 'support_staff', 'business_service_staff'] as const)
      expect(
        can(principal(role), 'reportingPeriods.decide', { organisationId: cluster, fundedBy: [OWN] }),
      ).toBe(false);
    expect(
      can(principal('admin'), 'reportingPeriods.decide', { organisationId: cluster, fundedBy: [] }),
    ).toBe(true);
  });

  it("lets every funder of the cluster in the grant's year read a grant's follow-up, and only them", () => {
    const cluster = 'org-cluster';
    for (const role of ROLES) {
      const p = principal(role);
      const coFunded = { organisationId: cluster, fundedBy: [OTHER, OWN] };
      expect(can(p, 'grantFollowUp.view', coFunded), role).toBe(role === 'funder' || role === 'admin');
      expect(can(p, 'grantFollowUp.view', { organisationId: cluster, fundedBy: [OTHER] }), role).toBe(
        role === 'admin',
      );
      expect(can(p, 'grantFollowUp.report', coFunded), role).toBe(false);
    }
  });

  it('lets a funder see and decide evaluations and see data quality only of clusters it funds', () => {
    const cluster = 'org-cluster';
    for (const role of ROLES) {
      const p = principal(role);
      const funded = { organisationId: cluster, fundedBy: [OTHER, OWN] };
      const notFunded = { organisationId: cluster, fundedBy: [OTHER] };
      const mayAsFunder = role === 'funder' || role === 'admin';
      expect(can(p, 'evaluations.view', funded)).toBe(mayAsFunder);
      expect(can(p, 'evaluations.decide', funded)).toBe(mayAsFunder);
      expect(can(p, 'dataQuality.view', funded)).toBe(mayAsFunder);
      expect(can(p, 'evaluations.decide', notFunded)).toBe(role === 'admin');
      expect(can(p, 'dataQuality.view', notFunded)).toBe(role === 'admin');
    }
  });

  it("lets a cluster's funders in the year read its grants' follow-up, and only admins besides", () => {
    const cluster = 'org-cluster';
    for (const role of ROLES) {
      const p = principal(role);
      expect(can(p, 'grants.view', { organisationId: cluster, fundedBy: [OTHER, OWN] }), role).toBe(
        role === 'funder' || role === 'admin',
      );
      expect(can(p, 'grants.view', { organisationId: cluster, fundedBy: [OTHER] }), role).toBe(
        role === 'admin',
      );
    }
  });

  it('shows preliminary figures of a cluster to its staff and funders, of every account to support and admins', () => {
    const cluster = 'org-cluster';
    for (const role of ROLES) {
      const p = principal(role);
      const supportOrAdmin = role === 'admin' || role === 'support_staff';
      // A cluster's account: its own staff (OWN is the cluster here), its funders in the year.
      expect(can(p, 'performance.preliminary', { organisationId: OWN, fundedBy: [OTHER] }), role).toBe(
        supportOrAdmin || role === 'cluster_staff',
      );
      expect(
        can(p, 'performance.preliminary', { organisationId: cluster, fundedBy: [OTHER, OWN] }),
        role,
      ).toBe(supportOrAdmin || role === 'funder');
      expect(can(p, 'performance.preliminary', { organisationId: cluster, fundedBy: [OTHER] }), role).toBe(
        supportOrAdmin,
      );
      // A funder's account (its own clusters), and the national, league and region accounts.
      expect(can(p, 'performance.preliminary', { fundedBy: [OWN] }), role).toBe(
        supportOrAdmin || role === 'funder',
      );
      expect(can(p, 'performance.preliminary', {}), role).toBe(supportOrAdmin);
    }
    // An API token of a cluster: its own cluster's only; a funder's token: what the funder funds.
    const token = tokenPrincipal({ id: 't', organisationId: OWN, organisationKind: 'cluster_organisation' });
    expect(can(token, 'performance.preliminary', { organisationId: OWN, fundedBy: [] })).toBe(true);
    expect(can(token, 'performance.preliminary', { organisationId: cluster, fundedBy: [OWN] })).toBe(false);
    expect(can(token, 'performance.preliminary', {})).toBe(false);
  });

  it('lets only the funders of a cluster decide its action plan, and lets them read it', () => {
    const cluster = 'org-cluster';
    for (const role of ROLES) {
      const p = principal(role);
      const funded = { organisationId: cluster, fundedBy: [OTHER, OWN] };
      const notFunded = { organisationId: cluster, fundedBy: [OTHER] };
      expect(can(p, 'actionPlans.decide', funded)).toBe(role === 'funder');
      expect(can(p, 'actionPlans.decide', notFunded)).toBe(false);
      expect(can(p, 'actionPlans.view', funded)).toBe(['funder', 'admin', 'support_staff'].includes(role));
      // The support function reads every plan, funded or not, for its sparring.
      expect(can(p, 'actionPlans.view', notFunded)).toBe(role === 'admin' || role === 'support_staff');
      // Funding the cluster gives no right to write its plan.
      expect(can(p, 'actionPlans.edit', funded)).toBe(false);
    }
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

  it('lets an API token act with the reporting rights of its organisation kind, nothing more', () => {
    const cluster = tokenPrincipal({
      id: 't1',
      organisationId: OWN,
      organisationKind: 'cluster_organisation',
    });
    expect(can(cluster, 'activities.write', { organisationId: OWN })).toBe(true);
    expect(can(cluster, 'activities.write', { organisationId: OTHER })).toBe(false);
    expect(can(cluster, 'activities.read', { organisationId: OTHER })).toBe(false);
    expect(can(cluster, 'funding.view')).toBe(false);
    const funder = tokenPrincipal({ id: 't2', organisationId: OWN, organisationKind: 'funder' });
    expect(can(funder, 'activities.read', { organisationId: OTHER })).toBe(true);
    expect(can(funder, 'activities.write', { organisationId: OWN })).toBe(false);
    const support = tokenPrincipal({ id: 't3', organisationId: OWN, organisationKind: 'support_function' });
    // The signed-in actions only; those about a person (a password, sessions, personal data)
    // find no person behind a token and refuse it there.
    expect(ACTIONS.filter((a) => can(support, a, { organisationId: OWN })).sort()).toEqual([
      'account.changePassword',
      'account.linkIdentity',
      'account.secondFactor',
      'account.sessions',
      'account.view',
      'matchmaking.participate',
      'notifications.view',
      'personalData.exportOwn',
    ]);
  });
});
