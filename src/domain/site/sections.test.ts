import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../policy/policy.ts';
import { landingPageOf, navigationFor } from './sections.ts';

const as = (...roles: Role[]): Principal => ({
  userId: 'u',
  memberships: roles.map((role, i) => ({ organisationId: `org-${i}`, role })),
});

/** The navigation as group → pages, the shape a person sees in the menu. */
const menu = (p: Principal | null) =>
  Object.fromEntries(navigationFor(p).map((g) => [g.key, g.sections.map((s) => s.page)]));

const PUBLIC = {
  clusters: ['clusters', 'landscape', 'labels', 'services', 'knowledge', 'practices'],
  results: ['results', 'clusterForum'],
  news: ['news', 'stories', 'events'],
  calls: ['calls'],
  partners: ['partners', 'marketplace'],
};
const SEARCH = { search: ['search'] };

describe('navigationFor: each role sees exactly what it may use, grouped', () => {
  it('offers a visitor the public groups and search', () => {
    expect(menu(null)).toEqual({ ...PUBLIC, ...SEARCH });
  });

  // Written out by hand from the policy: what each role sees besides the public groups.
  const own: Record<Role, Record<string, string[]>> = {
    admin: {
      funding: [
        'funding',
        'reportingStatus',
        'fundingActionPlans',
        'coordination',
        'fundingPlans',
        'grants',
        'evaluations',
        'fundingDataQuality',
        'targets',
        'supportSteering',
        'referralFigures',
        'apiTokens',
      ],
      support: [
        'support',
        'supportServices',
        'supportPlans',
        'supportNewsletter',
        'supportBenchmarking',
        'labelImport',
        'surveys',
        'hubActivities',
        'referralTargets',
        'practiceReview',
      ],
      admin: ['admin', 'adminOrganisations', 'adminUsers', 'adminParticipants', 'adminAudit', 'adminJobs'],
    },
    funder: {
      funding: [
        'funding',
        'reportingStatus',
        'fundingActionPlans',
        'coordination',
        'fundingPlans',
        'grants',
        'evaluations',
        'fundingDataQuality',
        'targets',
        'supportSteering',
        'surveys',
        'referralFigures',
        'apiTokens',
      ],
    },
    assessor: { assessments: ['myAssessments'] },
    cluster_staff: {
      workspace: [
        'workspace',
        'activities',
        'deliveries',
        'workspacePeriods',
        'actionPlans',
        'workspaceGrants',
        'clusterServices',
        'benchmarking',
        'dataQuality',
        'companyContacts',
        'referrals',
        'referralFigures',
        'practiceNew',
        'jointEvents',
        'apiTokens',
        'companyInvitations',
        'marketplaceNew',
      ],
    },
    support_staff: {
      support: [
        'support',
        'reportingStatus',
        'fundingActionPlans',
        'supportServices',
        'supportPlans',
        'supportNewsletter',
        'supportSteering',
        'supportBenchmarking',
        'labelImport',
        'surveys',
        'hubActivities',
        'referralFigures',
        'referralTargets',
        'practiceReview',
        'adminOrganisations',
      ],
    },
    business_service_staff: { hub: ['hub', 'hubActivities', 'referrals', 'referralFigures', 'practiceNew'] },
    company_user: { company: ['companyHome', 'marketplaceNew'] },
    organisation_admin: { organisation: ['accountOrganisations'] },
  };
  for (const [role, groups] of Object.entries(own) as [Role, Record<string, string[]>][]) {
    it(`offers ${role} the public groups and ${Object.keys(groups).join(', ') || 'nothing more'}`, () => {
      expect(menu(as(role))).toEqual({ ...PUBLIC, ...groups, ...SEARCH });
    });
  }

  it('keeps the groups in menu order and shows a page once, in the first group a person has', () => {
    const p = as('cluster_staff', 'funder');
    expect(navigationFor(p).map((g) => g.key)).toEqual([
      'clusters',
      'results',
      'news',
      'calls',
      'partners',
      'workspace',
      'funding',
      'search',
    ]);
    const pages = navigationFor(p).flatMap((g) => g.sections.map((s) => s.page));
    expect(pages.filter((page) => page === 'apiTokens')).toHaveLength(1);
    expect(menu(p).workspace).toContain('apiTokens');
    expect(menu(p).funding).not.toContain('apiTokens');
  });
});

describe('landingPageOf: where a person lands after signing in', () => {
  const cases: [Role[], string | null][] = [
    [['cluster_staff'], 'workspace'],
    [['funder'], 'funding'],
    [['assessor'], 'myAssessments'],
    [['support_staff'], 'support'],
    [['admin'], 'admin'],
    [['cluster_staff', 'admin'], 'admin'],
    [['business_service_staff'], 'hub'],
    [['company_user'], 'companyHome'],
    [['assessor', 'company_user'], 'myAssessments'],
    [['assessor', 'funder'], 'funding'],
    [['organisation_admin'], null],
    [['cluster_staff', 'organisation_admin'], 'workspace'],
  ];
  for (const [roles, landing] of cases)
    it(`lands ${roles.join(' + ')} on ${landing ?? 'the account page'}`, () => {
      expect(landingPageOf(as(...roles))).toBe(landing);
    });
  it('lands a visitor nowhere in particular', () => {
    expect(landingPageOf(null)).toBeNull();
  });
});
