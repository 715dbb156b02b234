/**
 * The navigation of the site: every page a person may use, in groups, built from the policy so a
 * role sees exactly what it may use and no view decides it by role. A new page is one entry in
 * SECTIONS (its page key in src/http/paths.ts, the groups it belongs to, its words and its rule);
 * a new area with a landing page is one entry in GROUPS too.
 */
import { clustersWorkedFor } from '../catalogue/policy.ts';
import { invitingClusters } from '../companies/invitations.ts';
import { companiesOf } from '../companies/profile.ts';
import { hasDataQualityPage, ownBenchmarkOrganisations } from '../evaluation/policy.ts';
import type { Term } from '../glossary.ts';
import { hubsOf } from '../hubs/policy.ts';
import { publishesOnMarketplace } from '../marketplace/policy.ts';
import { can, type Principal } from '../policy/policy.ts';
import { mayProposePractices } from '../practices/policy.ts';
import { referringOrganisations } from '../referrals/policy.ts';
import { contactKeepingClusters, usesSurveys } from '../surveys/policy.ts';

type Rule = (p: Principal | null) => boolean;

const everyone: Rule = () => true;
/** Whether the principal may do `action` for one of its own organisations (or for all of them). */
const forOwnOrganisation =
  (action: Parameters<typeof can>[1]): Rule =>
  (p) =>
    can(p, action) ||
    (p?.memberships ?? []).some((m) => can(p, action, { organisationId: m.organisationId }));
/** An organisation admin of one of their organisations, who manages its users (`members.manage`). */
const administersOwnOrganisation: Rule = (p) =>
  (p?.memberships ?? []).some(
    (m) => m.role === 'organisation_admin' && can(p, 'members.manage', { organisationId: m.organisationId }),
  );
const worksForACluster: Rule = (p) => clustersWorkedFor(p).length > 0;

/**
 * The groups of the navigation in the order the menu shows them. A group of a person's work has
 * a landing page (a page key): what needs their attention, and their tools.
 */
export const GROUPS = {
  clusters: { da: 'Klynger', en: 'Clusters' },
  results: { da: 'Resultater', en: 'Results' },
  news: { da: 'Aktuelt', en: 'News and events' },
  calls: { da: 'Opslag', en: 'Calls' },
  partners: { da: 'Partnere', en: 'Partners' },
  workspace: { da: 'Arbejdsrum', en: 'Workspace', landing: 'workspace' },
  funding: { da: 'Finansiering', en: 'Funding', landing: 'funding' },
  assessments: { da: 'Bedømmelser', en: 'Assessments', landing: 'myAssessments' },
  support: { da: 'Support', en: 'Support', landing: 'support' },
  admin: { da: 'Administration', en: 'Administration', landing: 'admin' },
  hub: { da: 'Erhvervshus', en: 'Business hub', landing: 'hub' },
  referrals: { da: 'Henvisninger', en: 'Referrals', landing: 'referrals' },
  company: { da: 'Virksomhed', en: 'Company', landing: 'companyHome' },
  organisation: { da: 'Organisation', en: 'Organisation', landing: 'accountOrganisations' },
  search: { da: 'Søg', en: 'Search' },
} as const satisfies Record<string, Term & { landing?: string }>;
export type GroupKey = keyof typeof GROUPS;

export interface SectionEntry extends Term {
  /** The page (a key of src/http/paths.ts, without parameters). */
  page: string;
  /** The groups it belongs to; a person sees it in the first of them they have. */
  groups: readonly GroupKey[];
  may: Rule;
}

/** Every page of the navigation, in the order each group lists them (after the group's landing page). */
export const SECTIONS: readonly SectionEntry[] = [
  { page: 'clusters', groups: ['clusters'], da: 'Klyngekatalog', en: 'Cluster catalogue', may: everyone },
  { page: 'landscape', groups: ['clusters'], da: 'Landskab', en: 'Landscape', may: everyone },
  { page: 'labels', groups: ['clusters'], da: 'Mærkeregister', en: 'Label register', may: everyone },
  {
    page: 'services',
    groups: ['clusters'],
    da: 'Supportfunktionens ydelser',
    en: "The support function's services",
    may: everyone,
  },
  {
    page: 'knowledge',
    groups: ['clusters'],
    da: 'Viden og skabeloner',
    en: 'Knowledge and templates',
    may: everyone,
  },
  {
    page: 'practices',
    groups: ['clusters'],
    da: 'God praksis for samarbejde',
    en: 'Good practice in collaboration',
    may: everyone,
  },
  {
    page: 'results',
    groups: ['results'],
    da: 'Performanceregnskab',
    en: 'Performance account',
    may: everyone,
  },
  { page: 'clusterForum', groups: ['results'], da: 'Klyngeforum', en: 'Cluster Forum', may: everyone },
  { page: 'news', groups: ['news'], da: 'Nyheder', en: 'News', may: everyone },
  { page: 'stories', groups: ['news'], da: 'Succeshistorier', en: 'Success stories', may: everyone },
  { page: 'events', groups: ['news'], da: 'Arrangementer', en: 'Events', may: everyone },
  { page: 'calls', groups: ['calls'], da: 'Opslag', en: 'Calls', may: everyone },
  // Cluster staff
  { page: 'workspace', groups: ['workspace'], da: 'Overblik', en: 'Overview', may: worksForACluster },
  {
    page: 'activities',
    groups: ['workspace'],
    da: 'Aktiviteter',
    en: 'Activities',
    may: forOwnOrganisation('activities.write'),
  },
  {
    page: 'deliveries',
    groups: ['workspace'],
    da: 'Indberetning af filer',
    en: 'File deliveries',
    may: forOwnOrganisation('activities.write'),
  },
  {
    page: 'workspacePeriods',
    groups: ['workspace'],
    da: 'Indberetningsperioder',
    en: 'Reporting periods',
    may: forOwnOrganisation('reportingPeriods.submit'),
  },
  {
    page: 'actionPlans',
    groups: ['workspace'],
    da: 'Handlingsplaner',
    en: 'Action plans',
    may: forOwnOrganisation('actionPlans.edit'),
  },
  {
    page: 'workspaceGrants',
    groups: ['workspace'],
    da: 'Bevillinger',
    en: 'Grants',
    may: forOwnOrganisation('grants.viewOwn'),
  },
  {
    page: 'clusterServices',
    groups: ['workspace'],
    da: 'Ydelser til virksomheder',
    en: 'Services for companies',
    may: worksForACluster,
  },
  {
    page: 'benchmarking',
    groups: ['workspace'],
    da: 'Benchmarking',
    en: 'Benchmarking',
    may: (p) => p !== null && ownBenchmarkOrganisations(p).length > 0,
  },
  {
    page: 'dataQuality',
    groups: ['workspace'],
    da: 'Datakvalitet',
    en: 'Data quality',
    may: (p) => worksForACluster(p) && p !== null && hasDataQualityPage(p),
  },
  // Funders (and admins)
  {
    page: 'funding',
    groups: ['funding'],
    da: 'Overblik',
    en: 'Overview',
    may: (p) => can(p, 'funding.view'),
  },
  {
    page: 'reportingStatus',
    groups: ['funding', 'support'],
    da: 'Indberetningsstatus',
    en: 'Reporting status',
    may: (p) => can(p, 'reportingPeriods.overview'),
  },
  {
    page: 'fundingActionPlans',
    groups: ['funding', 'support'],
    da: 'Handlingsplaner',
    en: 'Action plans',
    may: (p) => can(p, 'actionPlans.overview'),
  },
  {
    page: 'coordination',
    groups: ['funding'],
    da: 'Koordinering',
    en: 'Coordination',
    may: (p) => can(p, 'coordination.view'),
  },
  {
    page: 'fundingPlans',
    groups: ['funding'],
    da: 'Finansieringsplaner',
    en: 'Funding plans',
    may: (p) => can(p, 'coordination.view'),
  },
  {
    page: 'grants',
    groups: ['funding'],
    da: 'Bevillinger',
    en: 'Grants',
    may: forOwnOrganisation('grants.manage'),
  },
  {
    page: 'evaluations',
    groups: ['funding'],
    da: 'Midtvejsevaluering',
    en: 'Mid-term evaluation',
    may: (p) => can(p, 'funding.view'),
  },
  {
    page: 'fundingDataQuality',
    groups: ['funding'],
    da: 'Datakvalitet',
    en: 'Data quality',
    may: (p) => p !== null && can(p, 'funding.view') && hasDataQualityPage(p),
  },
  {
    page: 'targets',
    groups: ['funding'],
    da: 'Pejlemærker',
    en: 'Targets',
    may: forOwnOrganisation('targets.manage'),
  },
  // Assessors
  {
    page: 'myAssessments',
    groups: ['assessments'],
    da: 'Bedømmelser',
    en: 'Assessments',
    may: (p) => can(p, 'applications.assess'),
  },
  // The support function (and admins)
  {
    page: 'support',
    groups: ['support'],
    da: 'Overblik',
    en: 'Overview',
    may: (p) => can(p, 'support.manage'),
  },
  {
    page: 'supportServices',
    groups: ['support'],
    da: 'Ydelser',
    en: 'Services',
    may: (p) => can(p, 'support.services.manage'),
  },
  {
    page: 'supportPlans',
    groups: ['support'],
    da: 'Årsplaner',
    en: 'Annual plans',
    may: (p) => can(p, 'support.plan.manage'),
  },
  {
    page: 'supportNewsletter',
    groups: ['support'],
    da: 'Nyhedsbrev',
    en: 'Newsletter',
    may: (p) => can(p, 'support.newsletter.manage'),
  },
  {
    page: 'supportSteering',
    groups: ['funding', 'support'],
    da: 'Supportfunktionens styregruppe',
    en: "The support function's steering group",
    may: forOwnOrganisation('support.steering.view'),
  },
  {
    page: 'supportBenchmarking',
    groups: ['support'],
    da: 'Benchmarking af alle klynger',
    en: 'Benchmarking of all clusters',
    may: (p) => can(p, 'benchmarking.viewAll'),
  },
  {
    page: 'labelImport',
    groups: ['support'],
    da: 'Import af mærker',
    en: 'Label import',
    may: (p) => can(p, 'support.manage'),
  },
  {
    page: 'surveys',
    groups: ['support', 'funding', 'workspace'],
    da: 'Undersøgelser',
    en: 'Surveys',
    may: usesSurveys,
  },
  {
    page: 'companyContacts',
    groups: ['workspace'],
    da: 'Virksomhedskontakter',
    en: 'Company contacts',
    may: (p) => contactKeepingClusters(p).length > 0,
  },
  // The business hubs' staff: their landing page; they, the support function and admins see every
  // cluster's upcoming activities
  { page: 'hub', groups: ['hub'], da: 'Overblik', en: 'Overview', may: (p) => hubsOf(p).length > 0 },
  {
    page: 'hubActivities',
    groups: ['hub', 'support', 'admin'],
    da: 'Klyngernes aktiviteter',
    en: "The clusters' activities",
    may: (p) => can(p, 'clusterActivities.viewAll'),
  },
  // Those who refer companies: the hubs' and the clusters' staff
  {
    page: 'referrals',
    groups: ['workspace', 'hub', 'referrals'],
    da: 'Henvisninger',
    en: 'Referrals',
    may: (p) => referringOrganisations(p).length > 0,
  },
  {
    page: 'referralFigures',
    groups: ['funding', 'support', 'workspace', 'hub', 'referrals'],
    da: 'Henvisninger i tal',
    en: 'Referral figures',
    may: (p) => can(p, 'referrals.viewFigures'),
  },
  // The outside actors clusters refer companies to, kept by the support function
  {
    page: 'referralTargets',
    groups: ['support'],
    da: 'Henvisningsmodtagere',
    en: 'Referral targets',
    may: (p) => can(p, 'referralTargets.manage'),
  },
  // The best-practice catalogue: the support function reviews proposals; clusters and hubs propose
  {
    page: 'practiceReview',
    groups: ['support'],
    da: 'God praksis: forslag',
    en: 'Good practice: proposals',
    may: (p) => can(p, 'practices.review'),
  },
  {
    page: 'practiceNew',
    groups: ['workspace', 'hub'],
    da: 'Foreslå et eksempel på god praksis',
    en: 'Propose a good-practice case',
    may: mayProposePractices,
  },
  // Joint events the business hubs propose, answered by the cluster's staff
  {
    page: 'jointEvents',
    groups: ['workspace'],
    da: 'Fælles arrangementer',
    en: 'Joint events',
    may: forOwnOrganisation('jointEvents.answer'),
  },
  // Shared by those who hold API tokens for their organisation: cluster staff and funders
  {
    page: 'apiTokens',
    groups: ['workspace', 'funding'],
    da: 'API-nøgler',
    en: 'API tokens',
    may: forOwnOrganisation('apiTokens.manage'),
  },
  {
    page: 'companyInvitations',
    groups: ['workspace'],
    da: 'Invitér virksomheder',
    en: 'Invite companies',
    may: (p) => invitingClusters(p).length > 0,
  },
  // Company users: their company's page; those who publish for a company or a cluster, a new item
  {
    page: 'companyHome',
    groups: ['company'],
    da: 'Virksomhedsprofil',
    en: 'Company profile',
    may: (p) => companiesOf(p).length > 0,
  },
  {
    page: 'marketplaceNew',
    groups: ['company', 'workspace'],
    da: 'Opret opslag på markedspladsen',
    en: 'Create a marketplace item',
    may: publishesOnMarketplace,
  },
  // Partner search and the marketplace: public, companies sign in to act
  { page: 'partners', groups: ['partners'], da: 'Find partnere', en: 'Find partners', may: everyone },
  { page: 'marketplace', groups: ['partners'], da: 'Markedsplads', en: 'Marketplace', may: everyone },
  // Administration
  { page: 'admin', groups: ['admin'], da: 'Overblik', en: 'Overview', may: (p) => can(p, 'admin.view') },
  {
    page: 'adminOrganisations',
    groups: ['admin', 'support'],
    da: 'Organisationer',
    en: 'Organisations',
    may: (p) => can(p, 'organisations.manage'),
  },
  {
    page: 'adminUsers',
    groups: ['admin'],
    da: 'Brugere og roller',
    en: 'Users and roles',
    may: (p) => can(p, 'users.manage'),
  },
  {
    page: 'adminParticipants',
    groups: ['admin'],
    da: 'Persondata om deltagere',
    en: "Participants' personal data",
    may: (p) => can(p, 'personalData.manage'),
  },
  {
    page: 'adminAudit',
    groups: ['admin'],
    da: 'Revisionslog',
    en: 'Audit log',
    may: (p) => can(p, 'audit.read'),
  },
  {
    page: 'adminJobs',
    groups: ['admin'],
    da: 'Jobkø',
    en: 'Job queue',
    may: (p) => can(p, 'jobs.manage'),
  },
  // An organisation admin's own organisations and their users (admins use the administration)
  {
    page: 'accountOrganisations',
    groups: ['organisation'],
    da: 'Organisationens brugere',
    en: "Organisation's users",
    may: administersOwnOrganisation,
  },
  { page: 'search', groups: ['search'], da: 'Søg', en: 'Search', may: everyone },
];

export interface NavSection extends Term {
  page: string;
}

export interface NavGroup extends Term {
  key: GroupKey;
  /** The group's landing page, for the groups of a person's own work. */
  landing: string | null;
  sections: NavSection[];
}

const landingOfGroup = (key: GroupKey): string | null => {
  const group: Term & { landing?: string } = GROUPS[key];
  return group.landing ?? null;
};

/**
 * The navigation of `p` (a visitor when null): the groups with the pages they may use, in menu
 * order. A group of someone's own work is theirs when they may use its landing page; each page
 * shows once, in the first of its groups they have, and a group left with no page is not shown.
 */
export function navigationFor(p: Principal | null): NavGroup[] {
  const allowed = SECTIONS.filter((s) => s.may(p));
  const allowedPages = new Set(allowed.map((s) => s.page));
  const had = (key: GroupKey) => {
    const landing = landingOfGroup(key);
    return landing === null ? allowed.some((s) => s.groups.includes(key)) : allowedPages.has(landing);
  };
  const groups = (Object.keys(GROUPS) as GroupKey[]).filter(had);
  return (
    groups
      .map((key) => ({
        key,
        da: GROUPS[key].da,
        en: GROUPS[key].en,
        landing: landingOfGroup(key),
        sections: allowed
          .filter((s) => s.groups.find((g) => groups.includes(g)) === key)
          // The landing page leads its group.
          .sort((a, b) => Number(b.page === landingOfGroup(key)) - Number(a.page === landingOfGroup(key)))
          .map(({ page, da, en }) => ({ page, da, en })),
      }))
      // A group whose pages all show in an earlier group (referrals, for cluster staff) is left out.
      .filter((g) => g.sections.length > 0)
  );
}

/** Whose landing page wins for a person with several: administration is an admin's daily work. */
const LANDING_ORDER: readonly GroupKey[] = [
  'admin',
  'workspace',
  'funding',
  'assessments',
  'support',
  'hub',
  'referrals',
  'company',
];

/**
 * Where a person lands after signing in: the landing page of their own work (administration,
 * workspace, funding, assessments, support, business hub, referrals, company, in that order), or null for a
 * person without one.
 */
export function landingPageOf(p: Principal | null): string | null {
  const groups = navigationFor(p);
  const first = LANDING_ORDER.find((key) => groups.some((g) => g.key === key));
  return first ? landingOfGroup(first) : null;
}
