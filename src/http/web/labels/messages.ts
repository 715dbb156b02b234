import type { ImportIssue, ImportIssueCode } from '../../../domain/labels/schemas.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Texts of the label register and the label import. */
const da = {
  title: 'Mærkningsregister',
  intro:
    'Klyngeorganisationernes europæiske klyngemærker (European Cluster Excellence Initiative, ESCA): Bronze, Sølv og Guld med tildelingsdato og gyldighed. Et mærke er gyldigt til og med datoen i kolonnen "Gyldigt til".',
  levels: { gold: 'Guld', silver: 'Sølv', bronze: 'Bronze' },
  statuses: { valid: 'Gyldigt', expiring: 'Udløber snart', expired: 'Udløbet' },
  summaryHeading: 'Gyldige mærker i dag',
  summaryText: (n: number, level: string) => `${n === 1 ? 'klynge' : 'klynger'} med ${level}`,
  filterHeading: 'Filtrér registret',
  level: 'Niveau',
  status: 'Status',
  region: 'Region',
  all: 'Alle',
  filter: 'Vis',
  resetFilter: 'Nulstil filtre',
  count: (n: number) => (n === 1 ? '1 mærke' : `${n} mærker`),
  empty: 'Ingen mærker matcher filtrene.',
  caption: 'Klyngemærker med niveau, tildeling, gyldighed, bedømmer og status',
  cluster: 'Klynge',
  awardedOn: 'Tildelt',
  validUntil: 'Gyldigt til',
  assessingBody: 'Bedømt af',
  expiringHeading: 'Udløber inden for 6 måneder',
  expiringIntroSupport:
    'Mærker, der stadig er gyldige, men udløber inden for 6 måneder. Følg op med klyngerne.',
  expiringIntroOwn: 'Jeres mærker, der udløber inden for 6 måneder. Husk at søge om fornyelse i god tid.',
  expiringNone: 'Ingen mærker udløber inden for 6 måneder.',
  expiringCaption: 'Mærker, der udløber inden for 6 måneder',
  importLink: 'Importér mærker fra en CSV-fil',
  importTitle: 'Importér mærker',
  importIntro:
    'Indlæs en liste over tildelte mærker som CSV-fil. Filen indlæses kun, hvis alle linjer er i orden; ellers vises alle fejl, og intet gemmes. Et mærke, der allerede er registreret (samme klynge, niveau og tildelingsdato), oprettes ikke igen.',
  importColumnsHeading: 'Kolonner',
  importColumns: {
    cluster_cvr: 'klyngeorganisationens CVR-nummer (8 cifre)',
    level: 'bronze, silver eller gold',
    awarded_on: 'tildelingsdato, ÅÅÅÅ-MM-DD',
    valid_until: 'gyldig til og med, ÅÅÅÅ-MM-DD, efter tildelingsdatoen',
    assessing_body: 'hvem der har bedømt klyngen, højst 200 tegn',
  },
  importFormat:
    'Første linje skal være kolonnenavnene, i vilkårlig rækkefølge. Filen skal være UTF-8 (i Excel: "CSV UTF-8"); komma og semikolon kan begge bruges som skilletegn. Højst 2 MB.',
  importExampleHeading: 'Eksempel',
  importTemplate: 'Hent en skabelon (CSV)',
  importFile: 'CSV-fil med mærker',
  importFileHint: 'Vælg en .csv-fil på højst 2 MB.',
  importSubmit: 'Importér',
  importNoFile: 'Vælg en CSV-fil.',
  importDone: 'Mærkerne er importeret',
  importCounts: (inserted: number, updated: number, unchanged: number) =>
    `${inserted} nye mærker oprettet, ${updated} opdateret, ${unchanged} fandtes allerede uændret.`,
  importFailed: 'Filen blev ikke importeret',
  importFailedText: (n: number) =>
    `Der er ${n === 1 ? '1 fejl' : `${n} fejl`} i filen. Intet er gemt. Ret fejlene, og indlæs filen igen.`,
  importErrorsCaption: 'Fejl i filen med linje, kolonne og værdi',
  importErrorsTruncated: (shown: number, total: number) => `Viser de første ${shown} af ${total} fejl.`,
  line: 'Linje',
  column: 'Kolonne',
  value: 'Værdi',
  problem: 'Fejl',
  wholeFile: 'hele filen',
  none: '–',
  backToRegister: 'Gå til mærkningsregistret',
  importAnother: 'Importér en anden fil',
  issues: {
    required: () => 'Skal udfyldes.',
    cvrInvalid: () => 'Ikke et gyldigt CVR-nummer (8 cifre med korrekt kontrolciffer).',
    levelInvalid: () => 'Niveau skal være bronze, silver eller gold.',
    dateInvalid: () => 'Ikke en gyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-06-30.',
    validUntilNotAfterAwarded: () => 'Gyldig til skal være efter tildelingsdatoen.',
    tooLong: () => 'Må højst være 200 tegn.',
    clusterUnknown: () => 'Der er ingen klyngeorganisation med dette CVR-nummer i portalen.',
    duplicateInFile: (i: ImportIssue) =>
      `Samme mærke (klynge, niveau og tildelingsdato) står også i linje ${i.detail}.`,
    unknownColumn: () =>
      'Ukendt kolonne. Tilladte kolonner: cluster_cvr, level, awarded_on, valid_until, assessing_body.',
    missingColumn: () => 'Kolonnen mangler i første linje.',
    duplicateColumn: () => 'Kolonnen står to gange i første linje.',
    fieldCount: (i: ImportIssue) => `Linjen skal have ${i.detail} felter som første linje.`,
    emptyFile: () => 'Filen er tom. Første linje skal være kolonnenavnene.',
    noRows: () => 'Filen indeholder ingen mærker, kun kolonnenavne.',
    malformed: () => 'Filen kan ikke læses som CSV her: tjek anførselstegnene.',
    encoding: () => 'Filen er ikke UTF-8. Gem den i Excel som "CSV UTF-8 (kommasepareret)".',
    tooLarge: (i: ImportIssue) => `Filen er for stor. Den må højst være ${megabytes(i.detail ?? 0)} MB.`,
  } satisfies Record<ImportIssueCode, (issue: ImportIssue) => string>,
} as const;

const en: Widen<typeof da> = {
  title: 'Label register',
  intro:
    'The European cluster excellence labels of the cluster organisations (European Cluster Excellence Initiative, ESCA): Bronze, Silver and Gold with award date and validity. A label is valid up to and including the date in the column "Valid until".',
  levels: { gold: 'Gold', silver: 'Silver', bronze: 'Bronze' },
  statuses: { valid: 'Valid', expiring: 'Expiring soon', expired: 'Expired' },
  summaryHeading: 'Labels valid today',
  summaryText: (n: number, level: string) => `${n === 1 ? 'cluster' : 'clusters'} with ${level}`,
  filterHeading: 'Filter the register',
  level: 'Level',
  status: 'Status',
  region: 'Region',
  all: 'All',
  filter: 'Show',
  resetFilter: 'Clear filters',
  count: (n: number) => (n === 1 ? '1 label' : `${n} labels`),
  empty: 'No labels match the filters.',
  caption: 'Cluster labels with level, award, validity, assessing body and status',
  cluster: 'Cluster',
  awardedOn: 'Awarded',
  validUntil: 'Valid until',
  assessingBody: 'Assessed by',
  expiringHeading: 'Expiring within 6 months',
  expiringIntroSupport:
    'Labels that are still valid but expire within 6 months. Follow up with the clusters.',
  expiringIntroOwn: 'Your labels that expire within 6 months. Remember to apply for renewal in good time.',
  expiringNone: 'No labels expire within 6 months.',
  expiringCaption: 'Labels expiring within 6 months',
  importLink: 'Import labels from a CSV file',
  importTitle: 'Import labels',
  importIntro:
    'Load a list of awarded labels as a CSV file. The file is loaded only if every line is correct; otherwise all errors are shown and nothing is saved. A label already registered (same cluster, level and award date) is not created again.',
  importColumnsHeading: 'Columns',
  importColumns: {
    cluster_cvr: "the cluster organisation's CVR number (8 digits)",
    level: 'bronze, silver or gold',
    awarded_on: 'award date, YYYY-MM-DD',
    valid_until: 'valid up to and including, YYYY-MM-DD, after the award date',
    assessing_body: 'who assessed the cluster, at most 200 characters',
  },
  importFormat:
    'The first line must hold the column names, in any order. The file must be UTF-8 (in Excel: "CSV UTF-8"); comma and semicolon both work as separators. At most 2 MB.',
  importExampleHeading: 'Example',
  importTemplate: 'Download a template (CSV)',
  importFile: 'CSV file with labels',
  importFileHint: 'Choose a .csv file of at most 2 MB.',
  importSubmit: 'Import',
  importNoFile: 'Choose a CSV file.',
  importDone: 'The labels were imported',
  importCounts: (inserted: number, updated: number, unchanged: number) =>
    `${inserted} new labels created, ${updated} updated, ${unchanged} already existed unchanged.`,
  importFailed: 'The file was not imported',
  importFailedText: (n: number) =>
    `There ${n === 1 ? 'is 1 error' : `are ${n} errors`} in the file. Nothing was saved. Correct the errors and load the file again.`,
  importErrorsCaption: 'Errors in the file with line, column and value',
  importErrorsTruncated: (shown: number, total: number) => `Showing the first ${shown} of ${total} errors.`,
  line: 'Line',
  column: 'Column',
  value: 'Value',
  problem: 'Error',
  wholeFile: 'whole file',
  none: '–',
  backToRegister: 'Go to the label register',
  importAnother: 'Import another file',
  issues: {
    required: () => 'Must be filled in.',
    cvrInvalid: () => 'Not a valid CVR number (8 digits with a correct check digit).',
    levelInvalid: () => 'Level must be bronze, silver or gold.',
    dateInvalid: () => 'Not a valid date. Write the date as YYYY-MM-DD, e.g. 2025-06-30.',
    validUntilNotAfterAwarded: () => 'Valid until must be after the award date.',
    tooLong: () => 'Must be at most 200 characters.',
    clusterUnknown: () => 'There is no cluster organisation with this CVR number in the portal.',
    duplicateInFile: (i: ImportIssue) =>
      `The same label (cluster, level and award date) is also on line ${i.detail}.`,
    unknownColumn: () =>
      'Unknown column. Allowed columns: cluster_cvr, level, awarded_on, valid_until, assessing_body.',
    missingColumn: () => 'The column is missing from the first line.',
    duplicateColumn: () => 'The column appears twice in the first line.',
    fieldCount: (i: ImportIssue) => `The line must have ${i.detail} fields, like the first line.`,
    emptyFile: () => 'The file is empty. The first line must hold the column names.',
    noRows: () => 'The file holds no labels, only column names.',
    malformed: () => 'The file cannot be read as CSV here: check the quotation marks.',
    encoding: () => 'The file is not UTF-8. In Excel, save it as "CSV UTF-8 (Comma delimited)".',
    tooLarge: (i: ImportIssue) => `The file is too large. It may be at most ${megabytes(i.detail ?? 0)} MB.`,
  },
};

export type LabelMessages = Widen<typeof da>;

export function labelMessages(lang: Lang): LabelMessages {
  return lang === 'da' ? da : en;
}
