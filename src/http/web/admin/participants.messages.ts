import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** Texts of the administrator's pages about a participant's personal data. */
const da = {
  title: 'Persondata om deltagere',
  intro:
    'En enkeltmandsvirksomheds CVR-nummer og navn er en persons data. Find deltageren, når personen beder om indsigt eller sletning.',
  search: 'CVR-nummer eller navn',
  searchHint: 'Et CVR-nummer på 8 cifre eller en del af et navn, deltageren er indberettet under.',
  searchButton: 'Søg',
  tooShort: 'Skriv et CVR-nummer eller mindst 2 tegn af et navn.',
  tooLong: 'Søgningen må højst være 200 tegn.',
  caption: (q: string) => `Deltagere, der passer på "${q}"`,
  none: (q: string) => `Ingen deltagere passer på "${q}".`,
  more: (n: number) => `Viser de første ${n}; gør søgningen mere præcis for at se resten.`,
  cvr: 'CVR-nummer',
  name: 'Navn',
  unnamed: 'Ikke indberettet',
  participations: 'Deltagelser',
  years: 'År',
  synthetic: 'syntetisk',
  actions: 'Handlinger',
  json: 'JSON',
  jsonLabel: (name: string) => `Hent alle oplysninger om ${name} (JSON)`,
  pdf: 'PDF',
  pdfLabel: (name: string) => `Hent alle oplysninger om ${name} (PDF)`,
  erase: 'Slet',
  eraseLabel: (name: string) => `Slet persondata om ${name}`,
  confirmTitle: (name: string) => `Slet persondata om ${name}`,
  confirmIntro:
    'CVR-nummeret og de navne, deltageren er indberettet under, erstattes overalt af et pseudonym, også i revisionsloggen. Størrelse, kommune og branche bliver, så regnskabets tal er de samme. Sletningen kan ikke fortrydes.',
  facts: (n: number, clusters: number) =>
    `${n === 1 ? '1 deltagelse' : `${n} deltagelser`} hos ${clusters === 1 ? '1 klynge' : `${clusters} klynger`}`,
  confirm: 'Jeg har kontrolleret, at deltagerens persondata skal slettes',
  confirmMissing: 'Bekræft, at deltagerens persondata skal slettes.',
  confirmButton: 'Slet persondata',
  cancel: 'Fortryd',
  receiptHeading: 'Deltagerens persondata er slettet',
  receipt: (pseudonym: string) =>
    `CVR-nummeret og navnene er erstattet af nummeret ${pseudonym} og navnet "Slettet deltager" overalt. Sletningen står i revisionsloggen uden de slettede oplysninger.`,
};

const en: Widen<typeof da> = {
  title: "Participants' personal data",
  intro:
    "A sole proprietorship's CVR number and name are a person's data. Find the participant when the person asks for access or erasure.",
  search: 'CVR number or name',
  searchHint: 'A CVR number of 8 digits or part of a name the participant was reported under.',
  searchButton: 'Search',
  tooShort: 'Enter a CVR number or at least 2 characters of a name.',
  tooLong: 'The search may be at most 200 characters.',
  caption: (q) => `Participants matching "${q}"`,
  none: (q) => `No participants match "${q}".`,
  more: (n) => `Showing the first ${n}; make the search more precise to see the rest.`,
  cvr: 'CVR number',
  name: 'Name',
  unnamed: 'Not reported',
  participations: 'Participations',
  years: 'Years',
  synthetic: 'synthetic',
  actions: 'Actions',
  json: 'JSON',
  jsonLabel: (name) => `Download everything stored about ${name} (JSON)`,
  pdf: 'PDF',
  pdfLabel: (name) => `Download everything stored about ${name} (PDF)`,
  erase: 'Erase',
  eraseLabel: (name) => `Erase the personal data of ${name}`,
  confirmTitle: (name) => `Erase the personal data of ${name}`,
  confirmIntro:
    'The CVR number and the names the participant was reported under are replaced by a pseudonym everywhere, the audit log included. Size, municipality and industry stay, so the figures of the account are unchanged. The erasure cannot be undone.',
  facts: (n, clusters) =>
    `${n === 1 ? '1 participation' : `${n} participations`} with ${clusters === 1 ? '1 cluster' : `${clusters} clusters`}`,
  confirm: "I have checked that the participant's personal data is to be erased",
  confirmMissing: "Confirm that the participant's personal data is to be erased.",
  confirmButton: 'Erase personal data',
  cancel: 'Cancel',
  receiptHeading: "The participant's personal data has been erased",
  receipt: (pseudonym) =>
    `The CVR number and the names have been replaced by the number ${pseudonym} and the name "Slettet deltager" everywhere. The erasure is recorded in the audit log without the erased data.`,
};

export const participantMessages = (lang: Lang) => (lang === 'da' ? da : en);
export type ParticipantMessages = typeof da;
