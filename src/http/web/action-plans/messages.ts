import type { ActivityStatus, GoalStatus } from '../../../domain/action-plans/follow-up.ts';
import type { PlanStatus } from '../../../domain/action-plans/plans.ts';
import type { PlanAction } from '../../../domain/action-plans/policy.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

const da = {
  status: {
    draft: 'Kladde',
    submitted: 'Indsendt',
    accepted: 'Godkendt',
    returned: 'Sendt retur',
  } as Record<PlanStatus, string>,
  notStarted: 'Ikke påbegyndt',
  workspaceLink: 'Handlingsplaner: mål og planlagte aktiviteter for året',
  listTitle: 'Handlingsplaner',
  listIntro:
    'Klyngens årlige handlingsplan: mål for performanceregnskabets nøgletal, planlagte aktiviteter og budget pr. aktivitetskategori og en kort beskrivelse. Planen indsendes til bevillingsgiveren, som godkender den eller sender den retur.',
  year: 'År',
  statusLabel: 'Status',
  open: (year: number) => `Handlingsplan ${year}`,
  followUpLink: (year: number) => `Opfølgning ${year}`,
  planTitle: (name: string, year: number) => `Handlingsplan ${year} for ${name}`,
  planIntro:
    'Målene bruges også i midtvejsevalueringen. Lad et felt stå tomt, hvis klyngen ikke sætter mål for nøgletallet.',
  readOnlySubmitted: 'Planen er indsendt og kan ikke ændres, mens bevillingsgiveren behandler den.',
  readOnlyAccepted: 'Planen er godkendt og kan ikke længere ændres.',
  notSubmittedYet: 'Klyngen har ikke indsendt planen endnu.',
  returnedHeading: 'Bevillingsgiverens bemærkning',
  goalsHeading: 'Mål for nøgletal',
  goalsLegend: 'Mål pr. nøgletal i performanceregnskabet',
  activitiesHeading: 'Planlagte aktiviteter og budget',
  activitiesLegend: 'Planlagte aktiviteter pr. kategori',
  category: 'Kategori',
  plannedCount: 'Antal aktiviteter',
  budget: 'Budget (kr.)',
  countLabel: (category: string) => `${category}: antal aktiviteter`,
  budgetLabel: (category: string) => `${category}: budget i kr.`,
  narrative: 'Kort beskrivelse af planen',
  narrativeHint: 'Højst 4.000 tegn: hvad vil klyngen opnå i året, og hvordan?',
  save: 'Gem kladde',
  saveAndSubmit: 'Gem og indsend til bevillingsgiver',
  noFunderYet: (year: number) =>
    `Ingen bevillingsgiver finansierer klyngen i ${year} endnu, så planen kan gemmes, men ikke indsendes.`,
  saved: 'Handlingsplanen er gemt.',
  done: {
    submit: 'Handlingsplanen er indsendt til bevillingsgiveren.',
    accept: 'Handlingsplanen er godkendt.',
    return: 'Handlingsplanen er sendt retur til klyngen.',
  } as Record<PlanAction, string>,
  accept: 'Godkend handlingsplanen',
  returnButton: 'Send retur',
  returnComment: 'Begrundelse for at sende retur',
  acceptComment: 'Bemærkning (valgfri)',
  decisionHeading: 'Afgørelse',
  goal: 'Mål',
  actual: 'Faktisk',
  difference: 'Forskel',
  noValue: '–',
  lastChange: 'Seneste ændring',
  history: 'Historik',
  noHistory: 'Ingen ændringer endnu.',
  by: 'af',
  errors: {
    unknownKey: 'Nøgletallet findes ikke i performanceregnskabet.',
    unknownCategory: 'Kategorien findes ikke i indberetningsspecifikationen.',
    negative: 'Skriv et tal, der er 0 eller større.',
    notNumber: 'Skriv et tal, fx 120.',
    notInteger: 'Skriv et helt antal.',
    tooLarge: 'Tallet er for stort.',
    pair: 'Udfyld både antal og budget for kategorien, eller lad begge stå tomme.',
    tooLong: 'Teksten er for lang.',
    required: 'Skriv en begrundelse.',
    invalid: 'Ugyldig værdi.',
  } as Record<string, string>,
  conflict:
    'Handlingsplanen kan ikke ændres sådan i sin nuværende status. Den kan være ændret af en anden imens.',
  // Follow-up
  followUpTitle: (name: string, year: number) => `Opfølgning på handlingsplan ${year} for ${name}`,
  followUpIntro:
    'Planen ved siden af det faktiske: målene mod klyngens performanceregnskab for året, og de planlagte aktiviteter mod de indberettede.',
  goalsCaption: (year: number) => `Mål og faktiske værdier ${year}`,
  key: 'Nøgletal',
  goalStatus: {
    met: 'Nået',
    behind: 'Ikke nået',
    noGoal: 'Intet mål',
  } as Record<GoalStatus, string>,
  activityStatus: {
    met: 'Som planlagt eller flere',
    behind: 'Færre end planlagt',
    notPlanned: 'Ikke planlagt',
  } as Record<ActivityStatus, string>,
  activitiesCaption: (year: number) => `Planlagte og indberettede aktiviteter pr. kategori ${year}`,
  reportedCount: 'Indberettede aktiviteter',
  reportedGrant: 'Klyngebevilling brugt (kr.)',
  chartCaption: (year: number) => `Indberettede aktiviteter i procent af planen pr. kategori ${year}`,
  chartTitle: 'Indberettede aktiviteter i procent af planen',
  chartDesc: (n: number) =>
    n === 0
      ? 'Ingen kategorier med planlagte aktiviteter.'
      : `Søjler for ${n} kategorier med planlagte aktiviteter; tallene står i tabellen ved siden af.`,
  percentOfPlan: 'Procent af plan',
  noPlannedActivities: 'Planen har ingen planlagte aktiviteter, så der er intet diagram.',
  backToPlan: 'Tilbage til handlingsplanen',
  backToList: 'Alle handlingsplaner',
  // Funders' overview
  overviewTitle: 'Klyngernes handlingsplaner',
  overviewIntro:
    'Handlingsplanerne fra de klynger, I finansierer i året: hvem har indsendt, og hvad afventer jeres afgørelse.',
  filterYear: 'År',
  show: 'Vis',
  cluster: 'Klynge',
  links: 'Plan og opfølgning',
  viewPlan: 'Se plan',
  viewFollowUp: 'Opfølgning',
  noClusters: 'I finansierer ingen klynger i året.',
  summary: (submitted: number, all: number) => `${submitted} af ${all} klynger har indsendt en plan.`,
};

const en: Widen<typeof da> = {
  status: {
    draft: 'Draft',
    submitted: 'Submitted',
    accepted: 'Accepted',
    returned: 'Returned',
  },
  notStarted: 'Not started',
  workspaceLink: "Action plans: the year's goals and planned activities",
  listTitle: 'Action plans',
  listIntro:
    "The cluster's annual action plan: goals for the keys of the performance account, planned activities and budget per activity category, and a short narrative. The plan is submitted to the funder, who accepts it or returns it.",
  year: 'Year',
  statusLabel: 'Status',
  open: (year) => `Action plan ${year}`,
  followUpLink: (year) => `Follow-up ${year}`,
  planTitle: (name, year) => `Action plan ${year} for ${name}`,
  planIntro:
    'The goals are also used in the mid-term evaluation. Leave a field empty if the cluster sets no goal for the key.',
  readOnlySubmitted: 'The plan has been submitted and cannot be changed while the funder handles it.',
  readOnlyAccepted: 'The plan has been accepted and can no longer be changed.',
  notSubmittedYet: 'The cluster has not submitted the plan yet.',
  returnedHeading: "The funder's comment",
  goalsHeading: 'Goals for key figures',
  goalsLegend: 'Goal per key of the performance account',
  activitiesHeading: 'Planned activities and budget',
  activitiesLegend: 'Planned activities per category',
  category: 'Category',
  plannedCount: 'Number of activities',
  budget: 'Budget (DKK)',
  countLabel: (category) => `${category}: number of activities`,
  budgetLabel: (category) => `${category}: budget in DKK`,
  narrative: 'Short description of the plan',
  narrativeHint: 'At most 4,000 characters: what will the cluster achieve this year, and how?',
  save: 'Save draft',
  saveAndSubmit: 'Save and submit to the funder',
  noFunderYet: (year) =>
    `No funder funds the cluster in ${year} yet, so the plan can be saved but not submitted.`,
  saved: 'The action plan has been saved.',
  done: {
    submit: 'The action plan has been submitted to the funder.',
    accept: 'The action plan has been accepted.',
    return: 'The action plan has been returned to the cluster.',
  },
  accept: 'Accept the action plan',
  returnButton: 'Return',
  returnComment: 'Reason for returning',
  acceptComment: 'Comment (optional)',
  decisionHeading: 'Decision',
  goal: 'Goal',
  actual: 'Actual',
  difference: 'Difference',
  noValue: '–',
  lastChange: 'Last change',
  history: 'History',
  noHistory: 'No changes yet.',
  by: 'by',
  errors: {
    unknownKey: 'The key is not part of the performance account.',
    unknownCategory: 'The category is not in the reporting specification.',
    negative: 'Enter a number of 0 or more.',
    notNumber: 'Enter a number, e.g. 120.',
    notInteger: 'Enter a whole number.',
    tooLarge: 'The number is too large.',
    pair: 'Fill in both number and budget for the category, or leave both empty.',
    tooLong: 'The text is too long.',
    required: 'Give a reason.',
    invalid: 'Invalid value.',
  },
  conflict:
    'The action plan cannot be changed that way in its current status. Someone else may have changed it.',
  followUpTitle: (name, year) => `Follow-up on action plan ${year} for ${name}`,
  followUpIntro:
    "The plan next to what happened: the goals against the cluster's performance account for the year, and the planned activities against those reported.",
  goalsCaption: (year) => `Goals and actual values ${year}`,
  key: 'Key figure',
  goalStatus: {
    met: 'Met',
    behind: 'Not met',
    noGoal: 'No goal',
  },
  activityStatus: {
    met: 'As planned or more',
    behind: 'Fewer than planned',
    notPlanned: 'Not planned',
  },
  activitiesCaption: (year) => `Planned and reported activities per category ${year}`,
  reportedCount: 'Reported activities',
  reportedGrant: 'Cluster grant used (DKK)',
  chartCaption: (year) => `Reported activities as a percentage of the plan per category ${year}`,
  chartTitle: 'Reported activities as a percentage of the plan',
  chartDesc: (n) =>
    n === 0
      ? 'No categories with planned activities.'
      : `Bars for ${n} categories with planned activities; the numbers are in the table beside it.`,
  percentOfPlan: 'Percentage of plan',
  noPlannedActivities: 'The plan has no planned activities, so there is no chart.',
  backToPlan: 'Back to the action plan',
  backToList: 'All action plans',
  overviewTitle: "Clusters' action plans",
  overviewIntro:
    'The action plans of the clusters you fund in the year: who has submitted, and what awaits your decision.',
  filterYear: 'Year',
  show: 'Show',
  cluster: 'Cluster',
  links: 'Plan and follow-up',
  viewPlan: 'View plan',
  viewFollowUp: 'Follow-up',
  noClusters: 'You fund no clusters in the year.',
  summary: (submitted, all) => `${submitted} of ${all} clusters have submitted a plan.`,
};

export type ActionPlanMessages = typeof da;
const catalogues: Record<Lang, ActionPlanMessages> = { da, en };
export const actionPlanMessages = (lang: Lang): ActionPlanMessages => catalogues[lang];

export const PLAN_BADGE: Record<PlanStatus, string> = {
  draft: 'badge',
  submitted: 'badge badge-info',
  accepted: 'badge badge-success',
  returned: 'badge badge-warning',
};
