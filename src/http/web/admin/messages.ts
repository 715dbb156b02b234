import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** Texts of the organisation register in the administration. */
const da = {
  title: 'Organisationer',
  intro:
    'Klyngeorganisationer, finansiører, erhvervshuse og supportfunktionen. En organisation slettes aldrig: den afsluttes og beholder sin historik.',
  caption: 'Organisationer efter type og navn',
  name: 'Navn',
  kind: 'Type',
  cvr: 'CVR-nummer',
  cvrHint: '8 cifre; tjekkes med modulus 11.',
  address: 'Adresse',
  addressHint: 'Vej og nummer, postnummer og by.',
  municipality: 'Kommune',
  funderLevel: 'Finansiørens niveau',
  funderLevelHint: 'Kun for finansiører. En regional finansiør forvalter regionen for sin kommune.',
  funderLevels: { national: 'Statslig', regional: 'Regional', municipal: 'Kommunal' },
  league: 'Klyngeliga',
  leagueHint: 'Kun for klyngeorganisationer.',
  leagues: { world_class: 'Verdensklasse', regional: 'Regional', emerging: 'Spirende' },
  status: 'Status',
  active: 'Aktiv',
  endedOn: (date: string) => `Afsluttet ${date}`,
  successor: (name: string) => `videreført af ${name}`,
  edit: (name: string) => `Redigér ${name}`,
  choose: 'Vælg',
  create: 'Opret organisation',
  created: (name: string) => `${name} er oprettet.`,
  save: 'Gem ændringer',
  saved: 'Ændringerne er gemt.',
  back: 'Tilbage til organisationerne',
  endHeading: 'Afslut organisationen',
  endIntro:
    'En afsluttet klynge tæller med til og med det år, den sluttede i. Ved en fusion vælges den klynge, der viderefører arbejdet; tallene bliver hos den klynge, der indberettede dem.',
  endDate: 'Afsluttet den',
  endDateHint: 'Dato, fx 2026-06-30.',
  successorLabel: 'Videreføres af (kun klynger)',
  noSuccessor: 'Ingen',
  end: 'Afslut organisationen',
  ended: 'Organisationen er afsluttet.',
  alreadyEnded: 'Organisationen er afsluttet og kan ikke afsluttes igen.',
  cvrInvalid: 'CVR-nummeret er ikke gyldigt: 8 cifre, der består kontrollen med modulus 11.',
  cvrTaken: 'En anden organisation har allerede det CVR-nummer.',
  kindFixed: 'Typen kan ikke ændres, når organisationen er oprettet.',
};

const en: Widen<typeof da> = {
  title: 'Organisations',
  intro:
    'Cluster organisations, funders, business hubs and the support function. An organisation is never deleted: it is ended and keeps its history.',
  caption: 'Organisations by kind and name',
  name: 'Name',
  kind: 'Kind',
  cvr: 'CVR number',
  cvrHint: '8 digits; checked with modulus 11.',
  address: 'Address',
  addressHint: 'Street and number, postal code and town.',
  municipality: 'Municipality',
  funderLevel: 'Funder level',
  funderLevelHint: "Funders only. A regional funder administers its municipality's region.",
  funderLevels: { national: 'National', regional: 'Regional', municipal: 'Municipal' },
  league: 'Cluster league',
  leagueHint: 'Cluster organisations only.',
  leagues: { world_class: 'World class', regional: 'Regional', emerging: 'Emerging' },
  status: 'Status',
  active: 'Active',
  endedOn: (date: string) => `Ended ${date}`,
  successor: (name: string) => `succeeded by ${name}`,
  edit: (name: string) => `Edit ${name}`,
  choose: 'Choose',
  create: 'Create organisation',
  created: (name: string) => `${name} has been created.`,
  save: 'Save changes',
  saved: 'The changes have been saved.',
  back: 'Back to the organisations',
  endHeading: 'End the organisation',
  endIntro:
    'An ended cluster counts up to and including the year it ended. In a merger, choose the cluster that carries on; figures stay with the cluster that reported them.',
  endDate: 'Ended on',
  endDateHint: 'A date, e.g. 2026-06-30.',
  successorLabel: 'Succeeded by (clusters only)',
  noSuccessor: 'None',
  end: 'End the organisation',
  ended: 'The organisation has been ended.',
  alreadyEnded: 'The organisation has ended and cannot be ended again.',
  cvrInvalid: 'The CVR number is not valid: 8 digits that pass the modulus 11 check.',
  cvrTaken: 'Another organisation already has that CVR number.',
  kindFixed: 'The kind cannot change once the organisation is created.',
};

export type OrganisationMessages = Widen<typeof da>;

export function organisationMessages(lang: Lang): OrganisationMessages {
  return lang === 'da' ? da : en;
}
