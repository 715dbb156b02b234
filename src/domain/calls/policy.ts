import type { applications } from '../../db/schema/index.ts';
import { isSystem } from '../caller.ts';
import { forbidden } from '../errors.ts';
import { can, type Membership, type Principal } from '../policy/policy.ts';
import type { CallStatus } from './workflow.ts';

/**
 * Who may do what with a call and its applications. Each rule is stated once, on the object,
 * composed of the small named predicates below (the shape of Outline's server/policies), and
 * every page, download and command asks it: nothing under src/http decides it again. The role
 * rules (calls.manage, applications.submit, applications.assess, ...) stay in domain/policy;
 * these add what only the call knows: who owns it, who co-funds it, who assesses it, whether an
 * application was ever submitted and what its assessor declared. Rules say who; the commands
 * say when (a call's or an application's status), refusing with `conflict`.
 */

export type ApplicationStatus = (typeof applications.status.enumValues)[number];

/** A call as its rules see it. */
export interface CallParties {
  id: string;
  ownerId: string;
  /** The organisation that selects when the call follows the joint decision chain; none: the owner. */
  deciderId: string | null;
  status: CallStatus;
  /** Every funder organisation with a budget row in the call: the owner's and, in a joint call, the co-funders'. */
  funderIds: readonly string[];
  /** The users assigned to assess the call. */
  assessorIds: readonly string[];
}

/** One application as its rules see it, for one principal. */
export interface ApplicationFacts {
  id: string;
  organisationId: string;
  status: ApplicationStatus;
  /** Whether it was ever submitted: a withdrawn draft never was. */
  submitted: boolean;
  call: CallParties;
  /** The principal's own conflict-of-interest declaration on it, once made. */
  declaration: { hasConflict: boolean } | null;
}

// --- predicates ---

/** The funders of the organisation that owns the call. */
const isCallOwner = (p: Principal, call: Pick<CallParties, 'ownerId'>) =>
  can(p, 'calls.manage', { organisationId: call.ownerId });
/** The funders of any organisation with a budget row in the call: the owner's or a co-funder's. */
const isCallFunder = (p: Principal, call: CallParties) =>
  isCallOwner(p, call) || call.funderIds.some((id) => can(p, 'calls.allocate', { organisationId: id }));
/** An assessor assigned to the call. */
const isCallAssessor = (p: Principal, call: CallParties) =>
  can(p, 'applications.assess') && call.assessorIds.includes(p.userId);
/** Staff of the applicant cluster organisation. */
const isApplicant = (p: Principal, a: Pick<ApplicationFacts, 'organisationId'>) =>
  can(p, 'applications.submit', { organisationId: a.organisationId });
/** Drafts are the applicant's until submitted. */
const wasSubmitted = (a: ApplicationFacts) => a.submitted;
const declaredNoConflict = (a: ApplicationFacts) => a.declaration !== null && !a.declaration.hasConflict;

/** Those the application concerns: the applicant, and once it is submitted the call's funders. */
const isParty = (p: Principal, a: ApplicationFacts) =>
  isApplicant(p, a) || (wasSubmitted(a) && isCallFunder(p, a.call));
/** An assessor of the call who is not also a party: they read only after declaring no conflict. */
const assessesOnly = (p: Principal, a: ApplicationFacts) =>
  !isParty(p, a) && wasSubmitted(a) && isCallAssessor(p, a.call);

// --- rules ---

export const callRules = {
  /** Set up, edit, move along the call flow, check eligibility, agree the consensus. */
  manage: (p: Principal, call: Pick<CallParties, 'ownerId'>) => isCallOwner(p, call),
  /** Select among the eligible applications: the decider named on the call, or else the owner's. */
  decide: (p: Principal, call: Pick<CallParties, 'ownerId' | 'deciderId'>) =>
    can(p, 'calls.decide', { organisationId: call.deciderId ?? call.ownerId }),
  /** Follow the processing (applications, ranking, budgets): the owner and every co-funder. */
  process: isCallFunder,
  /** A draft call is its funders' only; from published on, a call is public. */
  view: (p: Principal | null, call: CallParties) =>
    call.status !== 'draft' || (p !== null && isCallFunder(p, call)),
  assess: isCallAssessor,
};

export const applicationRules = {
  /** Read the application and its attachments. */
  read: (p: Principal, a: ApplicationFacts) => isParty(p, a) || (assessesOnly(p, a) && declaredNoConflict(a)),
  /** Open its page: those who may read it, and the call's assessors, who declare first. */
  open: (p: Principal, a: ApplicationFacts) => isParty(p, a) || assessesOnly(p, a),
  /** Write the draft, submit, attach, withdraw. */
  apply: (p: Principal, a: Pick<ApplicationFacts, 'organisationId'>) => isApplicant(p, a),
  declareConflict: (p: Principal, a: ApplicationFacts) => wasSubmitted(a) && isCallAssessor(p, a.call),
  score: (p: Principal, a: ApplicationFacts) =>
    wasSubmitted(a) && isCallAssessor(p, a.call) && declaredNoConflict(a),
  /** The decision letter: for the applicant and the call's funders, not for assessors. */
  readDecisionLetter: isParty,
};

/** The organisation a user applies for: the first one whose applications they may write. */
export function applicantOrganisation(principal: Principal): string {
  const membership = principal.memberships.find((m) => isApplicant(principal, m));
  if (!membership) throw forbidden('Not allowed: applications.submit');
  return membership.organisationId;
}

export type CallRule = keyof typeof callRules;
export type ApplicationRule = keyof typeof applicationRules;

/** Throws `forbidden` unless the call's rule allows the principal. */
export function authorizeCall<R extends CallRule>(
  p: Principal,
  rule: R,
  call: Parameters<(typeof callRules)[R]>[1],
): void {
  const allowed = callRules[rule] as (p: Principal, call: Parameters<(typeof callRules)[R]>[1]) => boolean;
  if (!allowed(p, call)) throw forbidden(`Not allowed: call.${rule}`);
}

/** Throws `forbidden` unless the application's rule allows the principal. */
export function authorizeApplication<R extends ApplicationRule>(
  p: Principal,
  rule: R,
  application: Parameters<(typeof applicationRules)[R]>[1],
): void {
  const allowed = applicationRules[rule] as (
    p: Principal,
    application: Parameters<(typeof applicationRules)[R]>[1],
  ) => boolean;
  if (!allowed(p, application)) throw forbidden(`Not allowed: application.${rule}`);
}

// --- when: the states in which the steps can be taken (refused with `conflict`) ---

/** Eligibility is checked while the call is closed, on a submitted (or already checked) application. */
export const eligibilityOpen = (callStatus: CallStatus, status: ApplicationStatus) =>
  callStatus === 'closed' && (status === 'submitted' || status === 'eligible' || status === 'ineligible');
/** Scores and consensus are given while the call is closed, on an eligible application. */
export const assessmentOpen = (callStatus: CallStatus, status: ApplicationStatus) =>
  callStatus === 'closed' && status === 'eligible';
/** A draft or a submitted application can be withdrawn until eligibility has been decided. */
export const withdrawable = (status: ApplicationStatus) => status === 'draft' || status === 'submitted';
/** The statuses a decision letter speaks of. */
export const hasDecision = (status: ApplicationStatus) =>
  status === 'selected' || status === 'not_selected' || status === 'ineligible';

/** What one principal may do on an application's page now: which parts and forms to show. */
export function applicationActions(p: Principal, a: ApplicationFacts) {
  const assessor = assessesOnly(p, a);
  return {
    read: applicationRules.read(p, a),
    /** An assessor declares before anything of the application is shown. */
    declare: assessor && a.declaration === null,
    blockedByConflict: assessor && a.declaration?.hasConflict === true,
    score: assessor && declaredNoConflict(a) && a.status === 'eligible',
    checkEligibility: isCallOwner(p, a.call) && eligibilityOpen(a.call.status, a.status),
    setConsensus: isCallOwner(p, a.call) && a.status === 'eligible',
    decisionLetter:
      applicationRules.readDecisionLetter(p, a) && a.call.status === 'decided' && hasDecision(a.status),
    /** Back to the call's processing page rather than its public page. */
    processing: callRules.process(p, a.call),
  };
}
export type ApplicationActions = ReturnType<typeof applicationActions>;

/** What one principal may do with a call: the links and forms of its pages. */
export function callActions(p: Principal | null, call: CallParties) {
  if (!p)
    return {
      manage: false,
      decide: false,
      process: false,
      assess: false,
      apply: false,
      allocateFor: [],
      signOffFor: [],
    };
  return {
    manage: callRules.manage(p, call),
    decide: callRules.decide(p, call),
    process: callRules.process(p, call),
    assess: callRules.assess(p, call),
    /** Apply to it: staff of a cluster organisation (when is the call's phase, not a rule on who). */
    apply: p.memberships.some((m) => isApplicant(p, m)),
    /** The funder organisations whose budget in this call this principal allocates. */
    allocateFor: call.funderIds.filter((id) => can(p, 'calls.allocate', { organisationId: id })),
    /** The funder organisations for which this principal signs off a joint call's recommendation. */
    signOffFor: call.funderIds.filter((id) => can(p, 'calls.signOff', { organisationId: id })),
  };
}
export type CallActions = ReturnType<typeof callActions>;

/** The organisations whose calls the principal manages, each once. */
export function managedCallOwners(principal: Principal | null): string[] {
  if (!principal) return [];
  const owners = principal.memberships
    .map((m) => m.organisationId)
    .filter((ownerId) => callRules.manage(principal, { ownerId }));
  return [...new Set(owners)];
}

/** The funder organisations a user may create calls for, in membership order: the call form's choices. */
export function callOwnerOrganisations<M extends Membership & { organisationKind: string }>(
  principal: { userId: string; memberships: readonly M[] } | null,
): M[] {
  if (!principal) return [];
  const seen = new Set<string>();
  return principal.memberships.filter((m: M) => {
    if (seen.has(m.organisationId) || m.organisationKind !== 'funder') return false;
    if (!callRules.manage(principal, { ownerId: m.organisationId })) return false;
    seen.add(m.organisationId);
    return true;
  });
}

/** Call deadline reminders are the system's to send (the scheduled job, `klynge calls remind`). */
export function authorizeCallReminders(principal: Principal | null): void {
  if (!isSystem(principal)) throw forbidden('Only the system sends call deadline reminders');
}
