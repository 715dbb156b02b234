import type { ListIssue } from '../../../domain/surveys/recipient-csv.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

type IssueCode = ListIssue['code'];

/** Texts of the recipient pages and of the company contacts a cluster supplies, Danish first. */
const da = {
  title: 'Modtagere',
  intro:
    'Vælg, hvem der inviteres. Du kan tilføje modtagere flere gange; den samme e-mailadresse inviteres kun én gang, og adresser, der har frameldt sig, springes over.',
  sourcesCaption: 'Inviterede efter kilde',
  source: 'Kilde',
  invitations: 'Invitationer',
  sources: {
    cluster_organisations: 'Klyngeorganisationer',
    participating_companies: 'Deltagende virksomheder',
    csv: 'Uploadet liste',
  } as Record<string, string>,
  roleSource: (role: string) => `Brugere med rollen ${role}`,
  eventSource: (title: string) => `Tilmeldte til ${title}`,
  fromEvent: 'Tilmeldte til et arrangement',
  event: 'Arrangement',
  eventOption: (title: string, day: string, registrants: number) =>
    `${title} (${day}, ${registrants} ${registrants === 1 ? 'tilmeldt' : 'tilmeldte'})`,
  noEvents: 'Der er ingen arrangementer med tilmeldte, som du kan invitere.',
  noneYet: 'Der er ikke inviteret nogen endnu.',
  platformHeading: 'Fra platformen',
  platformSource: 'Hvem skal inviteres?',
  fromClusters: 'Alle aktive klyngeorganisationer (kontakt-e-mail fra klyngens profil)',
  fromRole: 'Alle brugere med en rolle',
  fromCompanies: 'Virksomheder, der deltog i klyngernes aktiviteter (den kontakt-e-mail, klyngen har oplyst)',
  role: 'Rolle',
  fromYear: 'Deltog fra år',
  toYear: 'til og med år',
  companiesHint: 'Virksomhedsundersøgelsen spørger de virksomheder, der deltog i de to foregående år.',
  addFromPlatform: 'Tilføj modtagere',
  listHeading: 'Fra en liste (CSV)',
  listHint:
    'CSV i UTF-8 med komma eller semikolon og en overskriftsrække: email (påkrævet), cvr og navn (valgfrie). Andre kolonner ignoreres.',
  file: 'Fil',
  upload: 'Upload og tilføj',
  noFile: 'Vælg en CSV-fil.',
  added: (r: { added: number; alreadyInvited: number; optedOut: number; withoutEmail: number }) =>
    [
      `${r.added} ${r.added === 1 ? 'modtager er tilføjet' : 'modtagere er tilføjet'}.`,
      r.alreadyInvited > 0 ? `${r.alreadyInvited} var allerede inviteret.` : '',
      r.optedOut > 0 ? `${r.optedOut} har frameldt sig e-mails og er sprunget over.` : '',
      r.withoutEmail > 0 ? `${r.withoutEmail} mangler en e-mailadresse på platformen.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  listRefused: (n: number) =>
    `Listen er ikke indlæst: der er ${n} ${n === 1 ? 'fejl' : 'fejl'}. Ret dem, og upload igen.`,
  issuesCaption: 'Fejl i filen',
  line: 'Linje',
  column: 'Kolonne',
  value: 'Værdi',
  problem: 'Problem',
  wholeFile: 'Hele filen',
  none: '–',
  issues: {
    tooLarge: 'Filen er større end 2 MB.',
    encoding: 'Filen er ikke gemt som UTF-8 (gem den som »CSV UTF-8« i Excel).',
    csvSyntax: 'Filen er ikke gyldig CSV.',
    emptyFile: 'Filen er tom.',
    missingColumn: 'Kolonnen mangler i overskriften.',
    duplicateColumn: 'Kolonnen står to gange i overskriften.',
    fieldCount: 'Rækken har et andet antal felter end overskriften.',
    noRows: 'Filen har ingen rækker under overskriften.',
    tooManyRows: 'Filen har mere end 20.000 rækker.',
    required: 'Feltet skal udfyldes.',
    email: 'Ikke en gyldig e-mailadresse.',
    cvr: 'Ikke et gyldigt CVR-nummer.',
    tooLong: 'Teksten er for lang (højst 200 tegn).',
    duplicate: 'Står allerede på en tidligere linje.',
    notParticipant: 'Virksomheden har ikke deltaget i klyngens aktiviteter.',
  } satisfies Record<IssueCode, string>,
  duplicateOf: (line: string) => `Står allerede på linje ${line}.`,
  back: 'Tilbage til undersøgelsen',
  // company contacts (the cluster's workspace)
  contactsTitle: 'Kontakter til virksomhedsundersøgelsen',
  contactsIntro:
    'Virksomhedsundersøgelsen spørger hvert andet år de virksomheder, der har deltaget i klyngernes aktiviteter, hvad de fik ud af det. Indberetningen indeholder ingen e-mailadresser, så klyngen oplyser her en kontaktperson pr. deltagende virksomhed.',
  contactsPurpose:
    'Formål og opbevaring: adresserne bruges kun til at invitere virksomhederne til undersøgelser på Klyngeportalen. De vises ikke offentligt og indgår ikke i indberetningsformatet. En ny liste erstatter den gamle, og klyngen kan slette listen når som helst; en kontakt slettes automatisk tre år efter, den blev oplyst. Den, der modtager en invitation, kan framelde sig alle e-mails om undersøgelser.',
  contactsCount: (n: number) => (n === 1 ? '1 kontakt' : `${n} kontakter`),
  contactsSupplied: (when: string) => `Senest oplyst ${when}.`,
  contactsNone: 'Klyngen har ikke oplyst nogen kontakter.',
  contactsUploadHeading: 'Upload en ny liste',
  contactsUploadHint:
    'CSV i UTF-8 med komma eller semikolon og en overskriftsrække: cvr og email (påkrævede), navn (valgfrit). Kun virksomheder, der har deltaget i klyngens aktiviteter, kan stå på listen. Listen erstatter den nuværende.',
  contactsUpload: 'Upload og erstat listen',
  contactsTemplate: 'Hent en skabelon (CSV)',
  contactsSaved: (n: number) => `Listen er gemt med ${n} ${n === 1 ? 'kontakt' : 'kontakter'}.`,
  contactsDeleteHeading: 'Slet listen',
  contactsDelete: 'Slet alle klyngens kontakter',
  contactsDeleted: (n: number) => `${n} ${n === 1 ? 'kontakt er slettet' : 'kontakter er slettet'}.`,
};

const en: RecipientMessages = {
  title: 'Recipients',
  intro:
    'Choose who is invited. You can add recipients several times; an e-mail address is invited only once, and addresses that opted out are skipped.',
  sourcesCaption: 'Invited by source',
  source: 'Source',
  invitations: 'Invitations',
  sources: {
    cluster_organisations: 'Cluster organisations',
    participating_companies: 'Participating companies',
    csv: 'Uploaded list',
  },
  roleSource: (role) => `Users with the role ${role}`,
  eventSource: (title) => `Registrants of ${title}`,
  fromEvent: 'The registrants of an event',
  event: 'Event',
  eventOption: (title, day, registrants) =>
    `${title} (${day}, ${registrants} ${registrants === 1 ? 'registrant' : 'registrants'})`,
  noEvents: 'There are no events with registrants that you can invite.',
  noneYet: 'Nobody has been invited yet.',
  platformHeading: 'From the platform',
  platformSource: 'Who should be invited?',
  fromClusters: 'All active cluster organisations (the contact e-mail of the cluster’s profile)',
  fromRole: 'All users with a role',
  fromCompanies:
    'Companies that took part in the clusters’ activities (the contact e-mail the cluster supplied)',
  role: 'Role',
  fromYear: 'Took part from year',
  toYear: 'up to and including year',
  companiesHint: 'The company effect survey asks the companies that took part in the two previous years.',
  addFromPlatform: 'Add recipients',
  listHeading: 'From a list (CSV)',
  listHint:
    'CSV in UTF-8 with commas or semicolons and a header row: email (required), cvr and name (optional). Other columns are ignored.',
  file: 'File',
  upload: 'Upload and add',
  noFile: 'Choose a CSV file.',
  added: (r) =>
    [
      `${r.added} ${r.added === 1 ? 'recipient was added' : 'recipients were added'}.`,
      r.alreadyInvited > 0 ? `${r.alreadyInvited} were already invited.` : '',
      r.optedOut > 0 ? `${r.optedOut} opted out of e-mails and were skipped.` : '',
      r.withoutEmail > 0 ? `${r.withoutEmail} have no e-mail address on the platform.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  listRefused: (n) =>
    `The list was not loaded: it has ${n} ${n === 1 ? 'error' : 'errors'}. Correct them and upload again.`,
  issuesCaption: 'Errors in the file',
  line: 'Line',
  column: 'Column',
  value: 'Value',
  problem: 'Problem',
  wholeFile: 'Whole file',
  none: '–',
  issues: {
    tooLarge: 'The file is larger than 2 MB.',
    encoding: 'The file is not saved as UTF-8 (save it as “CSV UTF-8” in Excel).',
    csvSyntax: 'The file is not valid CSV.',
    emptyFile: 'The file is empty.',
    missingColumn: 'The column is missing from the header.',
    duplicateColumn: 'The column appears twice in the header.',
    fieldCount: 'The row has a different number of fields than the header.',
    noRows: 'The file has no rows below the header.',
    tooManyRows: 'The file has more than 20,000 rows.',
    required: 'The field must be filled in.',
    email: 'Not a valid e-mail address.',
    cvr: 'Not a valid CVR number.',
    tooLong: 'The text is too long (at most 200 characters).',
    duplicate: 'Already on an earlier line.',
    notParticipant: 'The company has not taken part in the cluster’s activities.',
  },
  duplicateOf: (line) => `Already on line ${line}.`,
  back: 'Back to the survey',
  contactsTitle: 'Contacts for the company effect survey',
  contactsIntro:
    'Every second year the company effect survey asks the companies that took part in the clusters’ activities what they gained. The reporting holds no e-mail addresses, so the cluster supplies a contact per participating company here.',
  contactsPurpose:
    'Purpose and retention: the addresses are used only to invite the companies to surveys on Klyngeportalen. They are not shown publicly and are not part of the reporting format. A new list replaces the old one, and the cluster can delete the list at any time; a contact is deleted automatically three years after it was supplied. Whoever receives an invitation can opt out of all e-mails about surveys.',
  contactsCount: (n) => (n === 1 ? '1 contact' : `${n} contacts`),
  contactsSupplied: (when) => `Last supplied ${when}.`,
  contactsNone: 'The cluster has not supplied any contacts.',
  contactsUploadHeading: 'Upload a new list',
  contactsUploadHint:
    'CSV in UTF-8 with commas or semicolons and a header row: cvr and email (required), name (optional). Only companies that took part in the cluster’s activities can be on the list. The list replaces the current one.',
  contactsUpload: 'Upload and replace the list',
  contactsTemplate: 'Download a template (CSV)',
  contactsSaved: (n) => `The list was saved with ${n} ${n === 1 ? 'contact' : 'contacts'}.`,
  contactsDeleteHeading: 'Delete the list',
  contactsDelete: 'Delete all the cluster’s contacts',
  contactsDeleted: (n) => `${n} ${n === 1 ? 'contact was deleted' : 'contacts were deleted'}.`,
};

export type RecipientMessages = Widen<typeof da>;

export function recipientMessages(lang: Lang): RecipientMessages {
  return lang === 'da' ? da : en;
}
