import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

const da = {
  title: 'Henvisningsmodtagere',
  lead: 'De aktører uden for portalen, som klyngerne kan henvise virksomheder til. En modtager, der ikke længere er aktiv, bevares for de henvisninger, der er sendt til den, men tilbydes ikke længere.',
  new: 'Tilføj en modtager',
  caption: 'Henvisningsmodtagere',
  name: 'Navn',
  nameEn: 'Navn på engelsk',
  descriptionDa: 'Beskrivelse',
  descriptionEn: 'Beskrivelse på engelsk',
  url: 'Hjemmeside',
  urlHint: 'En https-adresse, fx https://www.eksportraadet.dk',
  activeLegend: 'Tilbydes',
  active: 'Aktiv: tilbydes, når klynger henviser',
  status: 'Status',
  statuses: { active: 'Aktiv', retired: 'Ikke aktiv' },
  edit: (name: string) => `Redigér ${name}`,
  newTitle: 'Tilføj en henvisningsmodtager',
  submit: 'Gem modtageren',
  saved: 'Modtageren er gemt.',
  back: 'Tilbage til henvisningsmodtagerne',
  errors: {
    tooShort: 'Teksten er for kort.',
    tooLong: 'Teksten er for lang.',
    httpsUrl: 'Skriv en hel adresse, der begynder med https://.',
  },
};

const en: Widen<typeof da> = {
  title: 'Referral targets',
  lead: 'The actors outside the portal that clusters can refer companies to. A target that is no longer active is kept for the referrals sent to it but is no longer offered.',
  new: 'Add a target',
  caption: 'Referral targets',
  name: 'Name',
  nameEn: 'Name in English',
  descriptionDa: 'Description in Danish',
  descriptionEn: 'Description',
  url: 'Website',
  urlHint: 'An https address, e.g. https://www.eksportraadet.dk',
  activeLegend: 'Offered',
  active: 'Active: offered when clusters refer',
  status: 'Status',
  statuses: { active: 'Active', retired: 'Not active' },
  edit: (name: string) => `Edit ${name}`,
  newTitle: 'Add a referral target',
  submit: 'Save the target',
  saved: 'The target is saved.',
  back: 'Back to the referral targets',
  errors: {
    tooShort: 'The text is too short.',
    tooLong: 'The text is too long.',
    httpsUrl: 'Write a full address starting with https://.',
  },
};

export type TargetMessages = Widen<typeof da>;
export const targetMessages = (lang: Lang): TargetMessages => (lang === 'da' ? da : en);
