import type { AttentionKind } from '../../../domain/landing/attention.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** Texts of the landing pages: what needs attention, and each role's tools. */
const da = {
  attentionHeading: 'Det venter på dig',
  nothing: 'Der er ikke noget, der venter på dig lige nu.',
  toolsHeading: 'Dine værktøjer',
  funding: {
    title: 'Finansiering',
    lead: 'Jeres klynger, deres indberetninger og handlingsplaner, koordineringen med de andre finansiører og midtvejsevalueringen.',
  },
  support: {
    title: 'Supportfunktionen',
    lead: 'Sparring på klyngernes handlingsplaner, opfølgning på mærker, benchmarking af alle klynger og status for indberetningerne.',
  },
  items: {
    periodsToDecide: (n: number, year?: number) =>
      `${n === 1 ? '1 indberetning' : `${n} indberetninger`} for ${year} venter på din godkendelse`,
    plansToDecide: (n: number, year?: number) =>
      `${n === 1 ? '1 handlingsplan' : `${n} handlingsplaner`} for ${year} venter på din godkendelse`,
    applicationsToProcess: (n: number, _year?: number, call?: string) =>
      `${n === 1 ? '1 ansøgning' : `${n} ansøgninger`} til »${call}« skal vurderes`,
    applicationsToAssess: (n: number) =>
      `${n === 1 ? '1 ansøgning' : `${n} ansøgninger`} venter på din bedømmelse`,
    periodsReturned: (n: number) =>
      `${n === 1 ? '1 indberetning er' : `${n} indberetninger er`} sendt retur til jer`,
    plansReturned: (n: number) =>
      `${n === 1 ? '1 handlingsplan er' : `${n} handlingsplaner er`} sendt retur til jer`,
    draftApplications: (_n: number, _year?: number, call?: string) =>
      `Jeres ansøgning til »${call}« er ikke indsendt endnu`,
    expiringLabels: (n: number) =>
      `${n === 1 ? '1 klyngemærke udløber' : `${n} klyngemærker udløber`} inden for seks måneder`,
    planCommentsWaiting: (n: number) =>
      `${n === 1 ? '1 kommentar' : `${n} kommentarer`} til handlingsplaner venter på klyngernes svar`,
    planCommentsToHandle: (n: number) =>
      `${n === 1 ? '1 kommentar' : `${n} kommentarer`} fra supportfunktionen til jeres handlingsplaner venter på jer`,
    decisionsOpen: (n: number) =>
      `${n === 1 ? '1 åben beslutning' : `${n} åbne beslutninger`} fra finansiørernes møder, som I er ansvarlige for`,
    unreadNotifications: (n: number) => `${n === 1 ? '1 ulæst notifikation' : `${n} ulæste notifikationer`}`,
  } satisfies Record<AttentionKind, (n: number, year?: number, call?: string) => string>,
};

const en: Widen<typeof da> = {
  attentionHeading: 'Waiting for you',
  nothing: 'Nothing is waiting for you right now.',
  toolsHeading: 'Your tools',
  funding: {
    title: 'Funding',
    lead: 'Your clusters, their reporting and action plans, coordination with the other funders and the mid-term evaluation.',
  },
  support: {
    title: 'The support function',
    lead: "Sparring on the clusters' action plans, follow-up of their labels, benchmarking of all clusters and the status of the reporting.",
  },
  items: {
    periodsToDecide: (n, year) =>
      `${n === 1 ? '1 delivery' : `${n} deliveries`} for ${year} awaiting your approval`,
    plansToDecide: (n, year) =>
      `${n === 1 ? '1 action plan' : `${n} action plans`} for ${year} awaiting your approval`,
    applicationsToProcess: (n, _year, call) =>
      `${n === 1 ? '1 application' : `${n} applications`} to “${call}” to be processed`,
    applicationsToAssess: (n) =>
      `${n === 1 ? '1 application' : `${n} applications`} awaiting your assessment`,
    periodsReturned: (n) => `${n === 1 ? '1 delivery was' : `${n} deliveries were`} returned to you`,
    plansReturned: (n) => `${n === 1 ? '1 action plan was' : `${n} action plans were`} returned to you`,
    draftApplications: (_n, _year, call) => `Your application to “${call}” has not been submitted yet`,
    expiringLabels: (n) =>
      `${n === 1 ? '1 cluster label expires' : `${n} cluster labels expire`} within six months`,
    planCommentsWaiting: (n) =>
      `${n === 1 ? '1 comment' : `${n} comments`} on action plans awaiting the clusters' answer`,
    planCommentsToHandle: (n) =>
      `${n === 1 ? '1 comment' : `${n} comments`} from the support function on your action plans awaiting you`,
    decisionsOpen: (n) =>
      `${n === 1 ? '1 open decision' : `${n} open decisions`} from coordination meetings you are responsible for`,
    unreadNotifications: (n) => `${n === 1 ? '1 unread notification' : `${n} unread notifications`}`,
  },
};

export type LandingMessages = Widen<typeof da>;
export const landingMessages = (lang: Lang): LandingMessages => (lang === 'da' ? da : en);
