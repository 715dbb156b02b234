/**
 * The one place that decides who may do what. Deny by default: an action is allowed only when
 * its rule says so. Rules see the principal (who asks) and, where it matters, the organisation
 * the action touches. Tested as a role × action matrix in policy.test.ts.
 */
import { AppError } from '../errors.ts';

export const ROLES = [
  'admin',
  'funder',
  'assessor',
  'cluster_staff',
  'support_staff',
  'business_service_staff',
  'company_user',
  'organisation_admin',
] as const;
export type Role = (typeof ROLES)[number];

export interface Membership {
  organisationId: string;
  role: Role;
}

/** A signed-in user as the policy sees it; `null` is an anonymous visitor. */
export interface Principal {
  userId: string;
  memberships: readonly Membership[];
  /**
   * A person's session only: whether the sign-in was proven with more than one factor (a
   * password and a one-time code, or a multi-factor identity provider such as MitID Erhverv).
   * Absent where no sign-in stands behind the principal (an API token, the command line).
   */
  multiFactor?: boolean;
}

/** What an action is done to: the organisation it belongs to, when it belongs to one. */
export interface Target {
  organisationId?: string;
  /**
   * For a cluster: the funder organisations that fund it in the year or period the action is
   * about (from funding_grants), for rules that let a funder act only on what it funds.
   */
  fundedBy?: readonly string[];
}

type Rule = (p: Principal, target: Target) => boolean;

const hasRole = (p: Principal, ...roles: Role[]) => p.memberships.some((m) => roles.includes(m.role));
const hasRoleIn = (p: Principal, organisationId: string | undefined, ...roles: Role[]) =>
  organisationId !== undefined &&
  p.memberships.some((m) => m.organisationId === organisationId && roles.includes(m.role));

const signedIn: Rule = () => true;
/** A funder of the cluster the action touches. */
const fundsTarget = (p: Principal, t: Target) => (t.fundedBy ?? []).some((id) => hasRoleIn(p, id, 'funder'));

const rules = {
  // Accounts and administration
  'account.view': signedIn,
  'account.changePassword': signedIn,
  // Own second factor, sessions and linked identities; a person's own data (GDPR art. 15 and 20)
  'account.secondFactor': signedIn,
  'account.sessions': signedIn,
  'account.linkIdentity': signedIn,
  'personalData.exportOwn': signedIn,
  // Anyone's data, a participant's included: export and erasure on request (GDPR art. 15 and 17)
  'personalData.manage': (p) => hasRole(p, 'admin'),
  'admin.view': (p) => hasRole(p, 'admin'),
  'users.manage': (p) => hasRole(p, 'admin'),
  // The users of one organisation (target): admins for every organisation, its organisation admins for theirs
  'members.manage': (p, t) => hasRole(p, 'admin') || hasRoleIn(p, t.organisationId, 'organisation_admin'),
  // The organisation register: admins and the support function (which keeps the programme's
  // actors up to date) create, edit and end organisations, and merge a duplicate into its twin
  'organisations.manage': (p) => hasRole(p, 'admin', 'support_staff'),
  'organisations.merge': (p) => hasRole(p, 'admin', 'support_staff'),
  'audit.read': (p) => hasRole(p, 'admin'),
  // The job queue (mail, survey sends): admins see its counts and failures and retry a failed job
  'jobs.manage': (p) => hasRole(p, 'admin'),
  // Cluster catalogue: own profile for cluster staff; support function and admins edit all
  'clusterProfile.edit': (p, t) =>
    hasRole(p, 'admin', 'support_staff') || hasRoleIn(p, t.organisationId, 'cluster_staff'),
  // Activity reporting: a cluster's own staff write; funders, support and admins read all
  'activities.write': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff'),
  'activities.read': (p, t) =>
    hasRole(p, 'admin', 'funder', 'support_staff') || hasRoleIn(p, t.organisationId, 'cluster_staff'),
  // Reporting API tokens act for one organisation: its cluster staff or funders manage them; admins all
  'apiTokens.manage': (p, t) =>
    hasRole(p, 'admin') || hasRoleIn(p, t.organisationId, 'cluster_staff', 'funder'),
  // Reporting periods: a cluster's own staff submit a year; the funders that fund the cluster in
  // that year (and admins) approve, return, lock and reopen it; support staff follow along.
  'reportingPeriods.submit': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff'),
  'reportingPeriods.decide': (p, t) =>
    hasRole(p, 'admin') || (t.fundedBy ?? []).some((funderId) => hasRoleIn(p, funderId, 'funder')),
  'reportingPeriods.overview': (p) => hasRole(p, 'admin', 'funder', 'support_staff'),
  // On that overview admins and the support function follow every cluster; a funder those it funds.
  'reportingPeriods.followAll': (p) => hasRole(p, 'admin', 'support_staff'),
  // The reporting calendar: admins set each funder's deadline rule
  'reportingDeadlines.manage': (p) => hasRole(p, 'admin'),
  // Funding
  'funding.view': (p) => hasRole(p, 'admin', 'funder'),
  // The grants register (from which funders get their rights over clusters): a funder's own staff
  // keep its grants; admins every funder's
  'grants.manage': (p, t) => hasRole(p, 'admin') || hasRoleIn(p, t.organisationId, 'funder'),
  // A grant's follow-up (docs/grants.md): the cluster's own staff ask for changes and report on
  // what they spent; the grant's funder decides (`grants.manage`); every funder of the cluster in
  // the grant's year (fundedBy) and admins read it.
  'grantFollowUp.report': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff'),
  'grantFollowUp.view': (p, t) =>
    hasRole(p, 'admin') || hasRoleIn(p, t.organisationId, 'cluster_staff') || fundsTarget(p, t),
  // A grant's follow-up (agreement, payment plan; src/domain/grants/policy.ts): the funders of the
  // cluster in the grant's year (fundedBy: the grant's funder and its co-funders) and admins read
  // it; the cluster's own staff read their grants and accept the agreement sent to them.
  'grants.view': (p, t) => hasRole(p, 'admin') || fundsTarget(p, t),
  'grants.viewOwn': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff'),
  'grantAgreements.accept': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff'),
  // Funding coordination (seed 000): funders and admins see who funds what and the overlaps; a
  // funder records funding plans for its own organisation and closes them; the other funders
  // (target: the plan's owner) comment on them.
  'coordination.view': (p) => hasRole(p, 'admin', 'funder'),
  'fundingPlans.propose': (p, t) => hasRoleIn(p, t.organisationId, 'funder'),
  'fundingPlans.close': (p, t) => hasRoleIn(p, t.organisationId, 'funder'),
  'fundingPlans.comment': (p, t) =>
    p.memberships.some((m) => m.role === 'funder' && m.organisationId !== t.organisationId),
  // Coordination meetings (seed 001, E4): a funder convenes a meeting for its own organisation;
  // a participating funder (target: one of the meeting's funders) records minutes and decisions;
  // the responsible funder (target) marks a decision done; admins read every meeting.
  'coordinationMeetings.convene': (p, t) => hasRoleIn(p, t.organisationId, 'funder'),
  'coordinationMeetings.record': (p, t) => hasRoleIn(p, t.organisationId, 'funder'),
  'coordinationMeetings.viewAll': (p) => hasRole(p, 'admin'),
  'coordinationDecisions.complete': (p, t) => hasRoleIn(p, t.organisationId, 'funder'),
  // In-app notifications: everyone signed in reads their own
  'notifications.view': signedIn,
  // Benchmarking: a cluster sees itself against anonymous peers; the support function and admins see all
  'benchmarking.viewOwn': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff'),
  'benchmarking.viewAll': (p) => hasRole(p, 'admin', 'support_staff'),
  // Mid-term evaluation: the cluster's own funders and admins read and decide; its staff read it
  'evaluations.view': (p, t) =>
    hasRole(p, 'admin') || hasRoleIn(p, t.organisationId, 'cluster_staff') || fundsTarget(p, t),
  'evaluations.decide': (p, t) => hasRole(p, 'admin') || fundsTarget(p, t),
  // The rules that flag clusters are common to all funders (one joint evaluation): funders and admins set them
  'evaluations.configure': (p) => hasRole(p, 'admin', 'funder'),
  // Annual action plans: a cluster's own staff write and submit theirs; the funders that fund the
  // cluster in the plan's year accept or return it; the cluster, its funders, admins and the
  // support function (for its sparring on every cluster's plan, seed 002) read it.
  'actionPlans.edit': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff'),
  'actionPlans.decide': fundsTarget,
  'actionPlans.view': (p, t) =>
    hasRole(p, 'admin', 'support_staff') ||
    hasRoleIn(p, t.organisationId, 'cluster_staff') ||
    fundsTarget(p, t),
  'actionPlans.overview': (p) => hasRole(p, 'admin', 'funder', 'support_staff'),
  // Sparring: the support function comments on any cluster's plan; the cluster's own staff mark
  // the comments handled.
  'actionPlans.comment': (p) => hasRole(p, 'support_staff'),
  'actionPlans.handleComment': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff'),
  // Data quality: the cluster itself, its funders and admins
  'dataQuality.view': (p, t) =>
    hasRole(p, 'admin') || hasRoleIn(p, t.organisationId, 'cluster_staff') || fundsTarget(p, t),
  // Preliminary figures (reporting format 1.1: deliveries not yet approved) of a cluster: its own
  // staff, its funders in the year and, for every account, the support function and admins. The
  // target of an account of several clusters: none for the national, league and region accounts
  // (support and admins only), the funder for a funder's account (fundedBy: that funder).
  'performance.preliminary': (p, t) =>
    hasRole(p, 'admin', 'support_staff') ||
    hasRoleIn(p, t.organisationId, 'cluster_staff') ||
    fundsTarget(p, t),
  // Targets (pejlemærker) belong to a funder organisation: its funders keep them; admins all
  'targets.manage': (p, t) => hasRole(p, 'admin') || hasRoleIn(p, t.organisationId, 'funder'),
  // The national cluster strategy's initiatives (Klyngeforum) are kept by the funders of the
  // organisations that own the strategy (the national funders, passed as the target); admins all
  'initiatives.manage': (p, t) => hasRole(p, 'admin') || hasRoleIn(p, t.organisationId, 'funder'),
  // Calls belong to a funder organisation and are managed by its own funders.
  'calls.manage': (p, t) => hasRoleIn(p, t.organisationId, 'funder'),
  'applications.submit': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff'),
  'applications.assess': (p) => hasRole(p, 'assessor'),
  // The decider selects among a call's applications; each funder allocates only its own budget.
  'calls.decide': (p, t) => hasRoleIn(p, t.organisationId, 'funder'),
  'calls.allocate': (p, t) => hasRoleIn(p, t.organisationId, 'funder'),
  // In the joint decision chain each funder of the call signs off the recommendation for itself.
  'calls.signOff': (p, t) => hasRoleIn(p, t.organisationId, 'funder'),
  // News, success stories and events, published on behalf of an organisation by its own staff
  'content.publish': (p, t) => hasRoleIn(p, t.organisationId, 'admin', 'support_staff', 'cluster_staff'),
  // Surveys (src/domain/surveys) belong to an organisation: the support function's staff run
  // theirs, a funder's staff theirs (the target: the owner); admins all. The results a survey
  // shares with the funders are read by funders, support staff and admins, with small cells hidden.
  'surveys.manage': (p, t) =>
    hasRole(p, 'admin') || hasRoleIn(p, t.organisationId, 'support_staff', 'funder'),
  'surveys.readSharedResults': (p) => hasRole(p, 'admin', 'funder', 'support_staff'),
  // The contact e-mails a cluster supplies for its participating companies, for surveys only
  'companyContacts.manage': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff'),
  // Support function and business service
  'support.manage': (p) => hasRole(p, 'admin', 'support_staff'),
  // Labelling support (seed 001 D3): a cluster's own staff keep its self-assessment against the
  // label criteria; the support function, which helps every cluster towards its label, reads them.
  'labels.selfAssess': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff'),
  'labels.viewSelfAssessment': (p, t) =>
    hasRole(p, 'support_staff') || hasRoleIn(p, t.organisationId, 'cluster_staff'),
  // The support function's catalogue of services (src/domain/support): its staff and admins keep it
  'support.services.manage': (p) => hasRole(p, 'admin', 'support_staff'),
  // Its knowledge base of articles and templates in versions (src/domain/knowledge): kept by its
  // staff and admins; who may read an item is the item's own rule (public or signed in)
  'support.knowledge.manage': (p) => hasRole(p, 'admin', 'support_staff'),
  // Its newsletter (src/domain/newsletter): its staff and admins write issues, choose the segment
  // and send them; anyone may subscribe (a sign-up is confirmed by e-mail)
  'support.newsletter.manage': (p) => hasRole(p, 'admin', 'support_staff'),
  // Courses of those services: the support function plans them, sees who registered and takes
  // attendance on the day; a cluster's staff and a company's users register themselves and their
  // colleagues (target: the cluster organisation or company they register for)
  'support.courses.manage': (p) => hasRole(p, 'admin', 'support_staff'),
  'support.attendance.take': (p) => hasRole(p, 'admin', 'support_staff'),
  'support.courses.register': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff', 'company_user'),
  // The demand-driven plan of the year (needs survey, threshold, decisions) and the steering
  // group's contributions are kept by the support function; the steering view is read by it and
  // by a funder for its own organisation (target: the funder; src/domain/support/steering.ts
  // checks that the organisation is in the steering group)
  'support.plan.manage': (p) => hasRole(p, 'admin', 'support_staff'),
  'support.steering.view': (p, t) =>
    hasRole(p, 'admin', 'support_staff') || hasRoleIn(p, t.organisationId, 'funder'),
  // Referrals of companies between business hubs and clusters (seed 000), sent and answered by
  // the staff of the organisations involved; the figures, which hold no personal data, are read by
  // everyone working in the programme; the list of outside referral targets is kept by the
  // support function and admins.
  'referrals.manage': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff', 'business_service_staff'),
  'referrals.viewFigures': (p) =>
    hasRole(p, 'admin', 'funder', 'support_staff', 'cluster_staff', 'business_service_staff'),
  'referralTargets.manage': (p) => hasRole(p, 'admin', 'support_staff'),
  // The business hubs (seed 000): a hub's own staff have its landing page; they, the support
  // function and admins see every cluster's upcoming activities (published events) in one list.
  'businessHub.view': (p, t) => hasRoleIn(p, t.organisationId, 'business_service_staff'),
  'clusterActivities.viewAll': (p) => hasRole(p, 'admin', 'support_staff', 'business_service_staff'),
  // Joint events: a hub's staff propose one to a cluster (target: the hub); the cluster's staff
  // accept or decline it (target: the cluster)
  'jointEvents.propose': (p, t) => hasRoleIn(p, t.organisationId, 'business_service_staff'),
  'jointEvents.answer': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff'),
  // The best-practice catalogue of collaboration models (seed 001 E2): a cluster's or a hub's
  // staff propose a case for their organisation (target: the proposer); the support function and
  // admins edit, publish or reject it
  'practices.propose': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff', 'business_service_staff'),
  'practices.review': (p) => hasRole(p, 'admin', 'support_staff'),
  // Matchmaking at an event: anyone signed in takes part; the event's own organisation's staff
  // (any role there), the support function and admins organise it and run the scheduler
  'matchmaking.participate': signedIn,
  'matchmaking.organise': (p, t) =>
    hasRole(p, 'admin', 'support_staff') || hasRoleIn(p, t.organisationId, ...ROLES),
  // Company and partner accounts: a company's own users keep its partner profile; a
  // company's users and a cluster's staff publish the organisation's offers and requests on the
  // marketplace; anyone signed in for an organisation may express interest in one (the owner is
  // told who and from which organisation).
  'companyProfile.edit': (p, t) => hasRoleIn(p, t.organisationId, 'company_user'),
  'marketplace.publish': (p, t) => hasRoleIn(p, t.organisationId, 'company_user', 'cluster_staff'),
  'marketplace.expressInterest': (p) => p.memberships.length > 0,
  // A cluster's staff invite its member companies to sign up
  'companyInvitations.send': (p, t) => hasRoleIn(p, t.organisationId, 'cluster_staff'),
} satisfies Record<string, Rule>;

export type Action = keyof typeof rules;
export const ACTIONS = Object.keys(rules) as Action[];

/** Roles whose people must prove a second factor when they sign in with one (issue: strong login). */
export const PRIVILEGED_ROLES: readonly Role[] = ['admin', 'funder', 'organisation_admin'];

/**
 * A privileged person signed in with one factor only: until they prove a second one, the only
 * thing they may do is that (enrol an authenticator, or enter its code or a recovery code).
 */
export const awaitsSecondFactor = (p: Principal): boolean =>
  p.multiFactor === false && hasRole(p, ...PRIVILEGED_ROLES);

export function can(principal: Principal | null, action: Action, target: Target = {}): boolean {
  if (!principal) return false;
  if (awaitsSecondFactor(principal)) return action === 'account.secondFactor';
  const rule: Rule | undefined = Object.hasOwn(rules, action) ? rules[action] : undefined;
  return rule ? rule(principal, target) : false;
}

/**
 * Throws unless allowed: `unauthenticated` for visitors, `second_factor` for a privileged person
 * who has not proven a second factor yet, `forbidden` for users without the right.
 */
export function authorize<P extends Principal>(principal: P | null, action: Action, target: Target = {}): P {
  if (!principal) throw new AppError('unauthenticated', 'Sign in to continue');
  if (!can(principal, action, target)) {
    if (awaitsSecondFactor(principal)) throw new AppError('second_factor', 'Prove a second factor first');
    throw new AppError('forbidden', `Not allowed: ${action}`);
  }
  return principal;
}

/**
 * The principal an API token acts as. A token belongs to an organisation, not a person; it gets
 * the reporting rights that organisation's own people have: a cluster organisation's token those
 * of its cluster staff (write and read its own activities), a funder's token those of a funder
 * (read every cluster's). Tokens of other kinds of organisation may do nothing.
 */
export function tokenPrincipal(token: {
  id: string;
  organisationId: string;
  organisationKind: string;
}): Principal {
  const role: Role | null =
    token.organisationKind === 'cluster_organisation'
      ? 'cluster_staff'
      : token.organisationKind === 'funder'
        ? 'funder'
        : null;
  return {
    userId: `token:${token.id}`,
    memberships: role ? [{ organisationId: token.organisationId, role }] : [],
  };
}
