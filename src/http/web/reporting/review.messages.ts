import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

const da = {
  title: (cluster: string, year: number) => `${cluster}: indberetningen for ${year}`,
  intro:
    'Se årets aktiviteter, deltagerne, datakvaliteten og klyngens foreløbige tal, før du godkender eller sender året retur.',
  back: 'Tilbage til indberetningsstatus',
  decisionsHeading: 'Beslutning',
  noDecisions: 'Du kan ikke ændre årets status lige nu.',
  summaryHeading: 'Deltagere',
  summaryCaption: 'Årets deltagelser',
  activities: 'Aktiviteter',
  participations: 'Deltagelser i alt',
  companyParticipations: 'Virksomhedsdeltagelser',
  distinctCompanies: 'Forskellige virksomheder (CVR)',
  knowledge: 'Deltagelser af videninstitutioner',
  other: 'Andre deltagelser',
  qualityHeading: 'Datakvalitet',
  ruleFlag: (n: number, total: number) =>
    `${n} af ${total} aktiviteter har færre end to deltagere eller ingen virksomhed (aktivitetsreglen).`,
  ruleOk: 'Alle aktiviteter har mindst to deltagere, heraf mindst én virksomhed.',
  activitiesHeading: 'Aktiviteter',
  activitiesCaption: (shown: number, total: number) =>
    shown < total ? `De første ${shown} af ${total} aktiviteter` : `Årets ${total} aktiviteter`,
  noActivities: 'Året har ingen aktiviteter.',
  ref: 'Reference',
  titleColumn: 'Titel',
  start: 'Start',
  participants: 'Deltagere',
  companies: 'Virksomheder',
  flag: 'Aktivitetsreglen',
  breaks: 'Brudt',
  keeps: 'Overholdt',
  accountHeading: 'Foreløbige tal',
  accountIntro:
    'Klyngens resultatopgørelse for året med alle indberetninger, også dem, der ikke er godkendt endnu. Tallene er foreløbige.',
  noAccount: 'Klyngen har intet CVR-nummer, så der er ingen resultatopgørelse.',
  reviewLink: (cluster: string, year: number) => `Gennemse ${cluster} ${year}`,
};

const en: Widen<typeof da> = {
  title: (cluster, year) => `${cluster}: the report for ${year}`,
  intro:
    "See the year's activities, the participants, the data quality and the cluster's preliminary figures before you approve or return the year.",
  back: 'Back to the reporting status',
  decisionsHeading: 'Decision',
  noDecisions: "You cannot change the year's status now.",
  summaryHeading: 'Participants',
  summaryCaption: "The year's participations",
  activities: 'Activities',
  participations: 'Participations in all',
  companyParticipations: 'Company participations',
  distinctCompanies: 'Distinct companies (CVR)',
  knowledge: 'Knowledge institution participations',
  other: 'Other participations',
  qualityHeading: 'Data quality',
  ruleFlag: (n, total) =>
    `${n} of ${total} activities have fewer than two participants or no company (the activity rule).`,
  ruleOk: 'Every activity has at least two participants, at least one of them a company.',
  activitiesHeading: 'Activities',
  activitiesCaption: (shown, total) =>
    shown < total ? `The first ${shown} of ${total} activities` : `The year's ${total} activities`,
  noActivities: 'The year has no activities.',
  ref: 'Reference',
  titleColumn: 'Title',
  start: 'Start',
  participants: 'Participants',
  companies: 'Companies',
  flag: 'Activity rule',
  breaks: 'Broken',
  keeps: 'Kept',
  accountHeading: 'Preliminary figures',
  accountIntro:
    "The cluster's performance account of the year with every delivery, including those not yet approved. The figures are preliminary.",
  noAccount: 'The cluster has no CVR number, so there is no performance account.',
  reviewLink: (cluster, year) => `Review ${cluster} ${year}`,
};

export type ReviewMessages = Widen<typeof da>;
export const reviewMessages = (lang: Lang): ReviewMessages => (lang === 'da' ? da : en);
