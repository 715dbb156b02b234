import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** Texts of merging two records of one organisation ("Tjek og flet"). */
const da = {
  link: 'Flet med en dublet',
  title: (name: string) => `Flet ${name} ind i en anden organisation`,
  intro:
    'Brug fletning, når den samme organisation er oprettet to gange. Denne post fjernes: dens brugere, bevillinger, henvisninger og andre registreringer flyttes til den organisation, der bevares, og navn og CVR-nummer gemmes i fletteloggen. Kun organisationer af samme type kan flettes.',
  survivor: 'Den organisation, der bevares',
  choose: 'Vælg',
  noCandidates: 'Der er ingen anden organisation af samme type at flette med.',
  check: 'Tjek og flet',
  removed: 'Fjernes',
  kept: 'Bevares',
  noCvr: 'intet CVR-nummer',
  moves: 'Flyttes til den bevarede organisation',
  movesNothing: 'Ingen registreringer at flytte.',
  confirm: 'Flet organisationerne',
  cancel: 'Tilbage til organisationen',
  references: {
    memberships: 'Brugerroller',
    funding_grants: 'Bevillinger',
    referrals: 'Henvisninger',
    referral_events: 'Henvisningers forløb',
    applications: 'Ansøgninger',
    events: 'Arrangementer',
    posts: 'Nyheder',
    notifications: 'Notifikationer',
    other: 'Andre registreringer',
  } as Record<string, string>,
  refusals: {
    mergeChoose: 'Vælg den organisation, der bevares.',
    mergeSame: 'En organisation kan ikke flettes med sig selv.',
    mergeKinds: 'Organisationerne er af forskellig type og kan ikke flettes.',
    mergeSuccession: 'Den ene organisation er afsluttet med den anden som efterfølger: de er ikke dubletter.',
    mergeReported:
      'Klyngen har indberettet aktiviteter eller år og kan ikke fjernes: afslut den med den anden klynge som efterfølger i stedet, så tallene bliver, hvor de blev indberettet.',
    mergeDuplicate:
      'Begge organisationer har den samme registrering (fx samme persons rolle, en bevilling fra samme finansiør i samme år eller en ansøgning til samme opslag). Ret eller fjern den ene først; intet er ændret.',
  } as Record<string, string>,
};

const en: Widen<typeof da> = {
  link: 'Merge with a duplicate',
  title: (name: string) => `Merge ${name} into another organisation`,
  intro:
    'Merge when the same organisation was registered twice. This record is removed: its users, grants, referrals and other records move to the organisation that is kept, and its name and CVR number are kept in the merge log. Only organisations of the same kind can be merged.',
  survivor: 'The organisation that is kept',
  choose: 'Choose',
  noCandidates: 'There is no other organisation of the same kind to merge with.',
  check: 'Check and merge',
  removed: 'Removed',
  kept: 'Kept',
  noCvr: 'no CVR number',
  moves: 'Moves to the organisation that is kept',
  movesNothing: 'No records to move.',
  confirm: 'Merge the organisations',
  cancel: 'Back to the organisation',
  references: {
    memberships: 'User roles',
    funding_grants: 'Grants',
    referrals: 'Referrals',
    referral_events: 'Referral history',
    applications: 'Applications',
    events: 'Events',
    posts: 'News',
    notifications: 'Notifications',
    other: 'Other records',
  },
  refusals: {
    mergeChoose: 'Choose the organisation that is kept.',
    mergeSame: 'An organisation cannot be merged with itself.',
    mergeKinds: 'The organisations are of different kinds and cannot be merged.',
    mergeSuccession: 'One organisation ended with the other as its successor: they are not duplicates.',
    mergeReported:
      'The cluster has reported activities or years and cannot be removed: end it with the other cluster as its successor instead, so the figures stay where they were reported.',
    mergeDuplicate:
      "Both organisations have the same record (such as the same person's role, a grant from the same funder for the same year or an application to the same call). Correct or remove one first; nothing has changed.",
  },
};

export type MergeMessages = Widen<typeof da>;
export const mergeMessages = (lang: Lang): MergeMessages => (lang === 'en' ? en : da);
