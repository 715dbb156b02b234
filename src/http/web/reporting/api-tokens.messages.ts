import { MAX_ACTIVE_TOKENS } from '../../../domain/reporting/tokens/tokens.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

const da = {
  title: 'API-nøgler',
  intro:
    'Med en API-nøgle kan organisationens egne systemer indberette aktiviteter og deltagere og læse indberetninger og aktiviteter via indberetnings-API’et. Nøglen vises kun én gang, når den oprettes; portalen gemmer kun et fingeraftryk af den.',
  docsLink: 'Sådan bruges API’et',
  organisation: 'Organisation',
  show: 'Vis',
  createHeading: 'Opret en ny nøgle',
  name: 'Navn på nøglen',
  nameHint: 'Fx navnet på det system, der skal bruge nøglen. 1-100 tegn.',
  nameRequired: 'Skriv et navn på nøglen.',
  nameTooLong: 'Navnet må højst være 100 tegn.',
  lifetime: 'Gyldig i',
  lifetimeHint: 'Nøglen holder op med at virke efter denne tid. Opret en ny, før den udløber.',
  lifetimeInvalid: 'Vælg hvor længe nøglen skal gælde: 30, 90, 180 eller 365 dage.',
  tooManyTokens: `Organisationen har allerede ${MAX_ACTIVE_TOKENS} aktive nøgler. Tilbagekald en, før du opretter en ny.`,
  days: (n: number) => `${n} dage`,
  validUntil: (date: string) => `Nøglen virker til ${date}.`,
  expires: 'Udløber',
  expired: 'Udløbet',
  reminded: (when: string) => `Påmindelse sendt ${when}`,
  create: 'Opret nøgle',
  createdHeading: 'Ny API-nøgle oprettet',
  createdText: 'Kopiér nøglen nu og gem den sikkert. Den vises kun denne ene gang og kan ikke hentes igen.',
  tokenLabel: 'API-nøgle',
  usage: 'Send den i hver forespørgsel som: Authorization: Bearer <nøgle>',
  revokedNotice: 'Nøglen er tilbagekaldt. Den virker ikke længere.',
  listHeading: (org: string) => `Nøgler for ${org}`,
  none: 'Organisationen har ingen API-nøgler.',
  prefix: 'Begynder med',
  created: 'Oprettet',
  lastUsed: 'Sidst brugt',
  never: 'Aldrig',
  status: 'Status',
  active: 'Aktiv',
  revoked: (when: string) => `Tilbagekaldt ${when}`,
  actions: 'Handling',
  revoke: 'Tilbagekald',
  revokeLabel: (name: string) => `Tilbagekald nøglen ${name}`,
};

const en: Widen<typeof da> = {
  title: 'API tokens',
  intro:
    "With an API token the organisation's own systems can deliver activities and participants and read deliveries and activities through the reporting API. A token is shown only once, when it is created; the portal keeps only a fingerprint of it.",
  docsLink: 'How to use the API',
  organisation: 'Organisation',
  show: 'Show',
  createHeading: 'Create a new token',
  name: 'Name of the token',
  nameHint: 'E.g. the name of the system that will use it. 1-100 characters.',
  nameRequired: 'Enter a name for the token.',
  nameTooLong: 'The name may be at most 100 characters.',
  lifetime: 'Valid for',
  lifetimeHint: 'The token stops working after this time. Create a new one before it expires.',
  lifetimeInvalid: 'Choose how long the token is valid: 30, 90, 180 or 365 days.',
  tooManyTokens: `The organisation already has ${MAX_ACTIVE_TOKENS} active tokens. Revoke one before creating another.`,
  days: (n: number) => `${n} days`,
  validUntil: (date: string) => `The token works until ${date}.`,
  expires: 'Expires',
  expired: 'Expired',
  reminded: (when: string) => `Reminder sent ${when}`,
  create: 'Create token',
  createdHeading: 'New API token created',
  createdText:
    'Copy the token now and keep it safe. It is shown only this once and cannot be retrieved again.',
  tokenLabel: 'API token',
  usage: 'Send it with every request as: Authorization: Bearer <token>',
  revokedNotice: 'The token has been revoked. It no longer works.',
  listHeading: (org: string) => `Tokens of ${org}`,
  none: 'The organisation has no API tokens.',
  prefix: 'Starts with',
  created: 'Created',
  lastUsed: 'Last used',
  never: 'Never',
  status: 'Status',
  active: 'Active',
  revoked: (when: string) => `Revoked ${when}`,
  actions: 'Action',
  revoke: 'Revoke',
  revokeLabel: (name: string) => `Revoke the token ${name}`,
};

export type ApiTokenMessages = Widen<typeof da>;

export function apiTokenMessages(lang: Lang): ApiTokenMessages {
  return lang === 'da' ? da : en;
}
