import type { PlanSection } from '../../../domain/action-plans/comments.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

const da = {
  heading: 'Sparring fra supportfunktionen',
  intro:
    'Supportfunktionens kommentarer til planen. Klyngen ser dem her og markerer en kommentar som behandlet, når den har fulgt op på den. Bevillingsgiverne ser ikke sparringen.',
  none: 'Ingen kommentarer endnu.',
  wholePlan: 'Hele planen',
  section: { narrative: 'Beskrivelsen', goals: 'Målene', activities: 'Aktiviteter og budget' } as Record<
    PlanSection,
    string
  >,
  about: 'Om',
  by: 'af',
  handled: 'Behandlet',
  waiting: 'Afventer klyngen',
  markHandled: 'Marker som behandlet',
  markHandledLabel: (n: number) => `Marker kommentar ${n} som behandlet`,
  formHeading: 'Ny kommentar',
  sectionLabel: 'Kommentaren handler om',
  bodyLabel: 'Kommentar',
  bodyHint: 'Højst 2.000 tegn. Klyngens medarbejdere får besked.',
  send: 'Send kommentar',
  commented: 'Kommentaren er sendt til klyngen.',
  handledDone: 'Kommentaren er markeret som behandlet.',
  notSaved: 'Klyngen har ikke gemt en plan for året endnu, så der er intet at kommentere.',
  errors: {
    required: 'Skriv en kommentar.',
    tooLong: 'Kommentaren er for lang: højst 2.000 tegn.',
    invalid: 'Vælg, hvad kommentaren handler om.',
  } as Record<string, string>,
};

const en: Widen<typeof da> = {
  heading: 'Sparring from the support function',
  intro:
    "The support function's comments on the plan. The cluster sees them here and marks a comment handled once it has followed it up. The funders do not see the sparring.",
  none: 'No comments yet.',
  wholePlan: 'The whole plan',
  section: { narrative: 'The narrative', goals: 'The goals', activities: 'Activities and budget' },
  about: 'About',
  by: 'by',
  handled: 'Handled',
  waiting: 'Awaiting the cluster',
  markHandled: 'Mark as handled',
  markHandledLabel: (n) => `Mark comment ${n} as handled`,
  formHeading: 'New comment',
  sectionLabel: 'The comment is about',
  bodyLabel: 'Comment',
  bodyHint: "At most 2,000 characters. The cluster's staff are notified.",
  send: 'Send comment',
  commented: 'The comment has been sent to the cluster.',
  handledDone: 'The comment has been marked as handled.',
  notSaved: 'The cluster has not saved a plan for the year yet, so there is nothing to comment on.',
  errors: {
    required: 'Write a comment.',
    tooLong: 'The comment is too long: at most 2,000 characters.',
    invalid: 'Choose what the comment is about.',
  },
};

export type PlanCommentMessages = typeof da;
const catalogues: Record<Lang, PlanCommentMessages> = { da, en };
export const planCommentMessages = (lang: Lang): PlanCommentMessages => catalogues[lang];
