/**
 * Who may do what with a survey, stated once on the survey and composed of named predicates;
 * the role rules (`surveys.manage`, `surveys.readSharedResults`, `companyContacts.manage`) are in
 * domain/policy. Rules say who; the commands say when (a survey's status), refusing with
 * `conflict`. Respondents need no rule: their link is their right to answer.
 */
import type { surveyResultsAudience, surveyStatus } from '../../db/schema/index.ts';
import { isSystem } from '../caller.ts';
import { forbidden } from '../errors.ts';
import { can, type Principal } from '../policy/policy.ts';

export type SurveyStatus = (typeof surveyStatus.enumValues)[number];
export type ResultsAudience = (typeof surveyResultsAudience.enumValues)[number];

/** A survey as its rules see it. */
export interface SurveyParties {
  ownerId: string;
  status: SurveyStatus;
  resultsAudience: ResultsAudience;
}

// --- predicates ---

/** Staff of the organisation that owns the survey (its support staff or funders), and admins. */
const managesSurvey = (p: Principal, s: Pick<SurveyParties, 'ownerId'>) =>
  can(p, 'surveys.manage', { organisationId: s.ownerId });
const sharedWithFunders = (s: SurveyParties) => s.resultsAudience === 'funders';
const isPublic = (s: SurveyParties) => s.resultsAudience === 'public';

// --- rules ---

export const surveyRules = {
  /** Edit, publish, choose recipients, send, remind, close. */
  manage: (p: Principal, s: Pick<SurveyParties, 'ownerId'>) => managesSurvey(p, s),
  /** The raw data: each response with its answers (and who answered, in a named survey). */
  readRawData: (p: Principal, s: Pick<SurveyParties, 'ownerId'>) => managesSurvey(p, s),
  /** Counts, shares and means: those who manage it, and whom its results are shared with. */
  readResults: (p: Principal | null, s: SurveyParties) =>
    isPublic(s) ||
    (p !== null && (managesSurvey(p, s) || (sharedWithFunders(s) && can(p, 'surveys.readSharedResults')))),
};

/** Results hide every figure from fewer than five respondents unless the reader manages the survey. */
export const hidesSmallCellsFor = (p: Principal | null, s: Pick<SurveyParties, 'ownerId'>) =>
  p === null || !managesSurvey(p, s);

export type SurveyRule = keyof typeof surveyRules;

/** Throws `forbidden` unless the survey's rule allows the principal. */
export function authorizeSurvey(p: Principal, rule: SurveyRule, s: SurveyParties): void {
  if (!surveyRules[rule](p, s)) throw forbidden(`Not allowed: survey.${rule}`);
}

/** Whether a person manages every organisation's surveys (the rule needs no owner: admins). */
export const managesAllSurveys = (p: Principal | null) => can(p, 'surveys.manage');

/** The organisations a person may create surveys for, each once, in membership order. */
export function surveyOwnerOrganisations(p: Principal | null): string[] {
  if (!p) return [];
  const owners = p.memberships
    .map((m) => m.organisationId)
    .filter((ownerId) => managesSurvey(p, { ownerId }));
  return [...new Set(owners)];
}

/** Whether the surveys section is for this person: they run surveys or read the shared results. */
export const usesSurveys = (p: Principal | null): boolean =>
  surveyOwnerOrganisations(p).length > 0 || can(p, 'surveys.readSharedResults');

/** The cluster organisations whose company contacts a person keeps. */
export function contactKeepingClusters(p: Principal | null): string[] {
  if (!p) return [];
  const ids = p.memberships
    .map((m) => m.organisationId)
    .filter((organisationId) => can(p, 'companyContacts.manage', { organisationId }));
  return [...new Set(ids)];
}

/** The company effect survey's rounds are the system's to start (the daily job, `klynge surveys effect-round`). */
export function authorizeEffectRounds(p: Principal): void {
  if (!isSystem(p)) throw forbidden('Only the system starts company effect survey rounds');
}

// --- when: the states in which the steps can be taken (refused with `conflict`) ---

/** Questions, title and settings change while the survey is a draft, in a version not yet published. */
export const questionsEditable = (status: SurveyStatus, versionPublished: boolean) =>
  status === 'draft' && !versionPublished;
/** Recipients are chosen until the survey closes. */
export const recipientsOpen = (status: SurveyStatus) => status !== 'closed';
/** Invitations and reminders go out while the survey is open and before it closes. */
export const sendingOpen = (status: SurveyStatus, closesAt: Date, now: Date) =>
  status === 'open' && now < closesAt;
/** Links work, and answers are taken and changed, while the survey is open and before its closing time. */
export const answeringOpen = sendingOpen;
