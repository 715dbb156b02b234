import type {
  GrantFileColumn,
  GrantImportCode,
  GrantImportIssue,
} from '../../../domain/grants/import-file.ts';
import { DELIVERY_MESSAGES } from '../../../domain/reporting/format/errors.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

type IssueText = (i: GrantImportIssue) => string;

/** Problems of a file as a whole are worded as the delivery import words them. */
const fileIssues = (lang: Lang) => {
  const of =
    (code: keyof typeof DELIVERY_MESSAGES): IssueText =>
    () =>
      DELIVERY_MESSAGES[code][lang];
  return {
    csvSyntax: of('csvSyntax'),
    encoding: of('encoding'),
    cellTooLong: of('cellTooLong'),
    notXlsx: of('notXlsx'),
    xlsxTooLarge: of('xlsxTooLarge'),
    xlsxSyntax: of('xlsxSyntax'),
    xmlDeclaration: of('xmlDeclaration'),
    tooLarge: of('tooLarge'),
    emptyFile: of('emptyFile'),
    unknownColumn: of('unknownColumn'),
    missingColumn: of('missingColumn'),
    duplicateColumn: of('duplicateColumn'),
    fieldCount: of('cellCount'),
  } satisfies Partial<Record<GrantImportCode, IssueText>>;
};

const SOURCES = 'finance_act, regional_development_funds, eu_structural_funds, municipal_budget, other';

/** Texts of the grants import (docs/grants.md). */
const da = {
  title: 'Indlæs bevillinger fra en fil',
  lead: (funder: string) =>
    `Indlæs ${funder}s bevillinger fra en CSV- eller XLSX-fil. Du ser først, hvad der ændres; intet gemmes, før du bekræfter. Bevillinger, som filen ikke nævner, bevares.`,
  link: 'Indlæs bevillinger fra en fil',
  columnsHeading: 'Filens kolonner',
  columns: {
    cluster: 'klyngens kortnavn i portalen (fx odense-robotics) eller CVR-nummer',
    year: 'året, fx 2026',
    amount_dkk: 'beløbet i hele kroner, fx 1500000 eller 1.500.000',
    source: `kilden: ${SOURCES}`,
    responsible: 'yes eller no (ja/nej): om finansiøren er klyngens ansvarlige finansiør i året',
    override_reason: 'begrundelsen, når finansiøren er ansvarlig uden for ligareglen; ellers tom',
    funder: 'kan udelades: finansiørens kortnavn eller CVR-nummer; en anden finansiørs række afvises',
  } satisfies Record<GrantFileColumn, string>,
  templates: 'Skabeloner med en eksempelrække:',
  templateCsv: 'bevillinger.csv',
  templateXlsx: 'bevillinger.xlsx',
  file: 'Fil',
  fileHint: 'CSV (UTF-8, komma eller semikolon) eller XLSX (det første ark), højst 2 MB.',
  noFile: 'Vælg en CSV- eller XLSX-fil.',
  preview: 'Se ændringerne',
  previewTitle: 'Kontrollér ændringerne',
  previewCounts: (n: number, c: number, u: number) =>
    `Filen giver ${n} nye, ${c} ændrede og ${u} uændrede bevillinger. Intet er gemt endnu.`,
  previewCaption: 'Bevillingerne i filen',
  line: 'Linje',
  change: 'Ændring',
  changes: { new: 'Ny', changed: 'Ændret', unchanged: 'Uændret' },
  confirm: 'Indlæs bevillingerne',
  cancel: 'Annullér',
  failedTitle: 'Filen kan ikke indlæses',
  failedText: (n: number) => `Filen har ${n} fejl. Intet er gemt. Ret fejlene, og indlæs filen igen.`,
  errorsCaption: 'Fejl pr. linje og kolonne',
  column: 'Kolonne',
  value: 'Værdi',
  problem: 'Problem',
  wholeFile: 'Hele filen',
  none: '–',
  imported: 'Bevillingerne fra filen er indlæst.',
  issues: {
    ...fileIssues('da'),
    noRows: () => 'filen har ingen rækker under overskriften',
    tooManyRows: () => 'filen har flere end 10.000 rækker; del den op',
    required: () => 'skal udfyldes',
    unknownCluster: () => 'er ikke en klynge i portalen (brug kortnavnet eller CVR-nummeret)',
    clusterEnded: () => 'klyngen var afsluttet før året',
    year: () => 'er ikke et årstal mellem 2000 og 2100',
    amount: () => 'er ikke et beløb i hele kroner fra 0 til 10 mia.',
    source: () => `er ikke en kilde (${SOURCES})`,
    yesNo: () => 'skal være yes eller no (ja eller nej)',
    tooLong: () => 'er længere end 500 tegn',
    otherFunder: () => 'er en anden finansiørs række; her indlæses kun denne finansiørs bevillinger',
    duplicateRow: (i: GrantImportIssue) => `klyngen og året står allerede på linje ${i.detail}`,
    overrideReasonRequired: () =>
      'finansiørens niveau passer ikke til klyngens liga efter ligareglen: skriv en begrundelse for at fravige den, eller skriv no under responsible',
    responsibleTaken: () => 'en anden finansiør er allerede klyngens ansvarlige finansiør i året',
  } satisfies Record<GrantImportCode, IssueText>,
};

const en: Widen<typeof da> = {
  title: 'Import grants from a file',
  lead: (funder: string) =>
    `Import the grants of ${funder} from a CSV or XLSX file. You see what changes first; nothing is saved until you confirm. Grants the file does not name are kept.`,
  link: 'Import grants from a file',
  columnsHeading: "The file's columns",
  columns: {
    cluster: "the cluster's short name in the portal (e.g. odense-robotics) or CVR number",
    year: 'the year, e.g. 2026',
    amount_dkk: 'the amount in whole kroner, e.g. 1500000',
    source: `the source: ${SOURCES}`,
    responsible: "yes or no: whether the funder is the cluster's responsible funder in the year",
    override_reason: 'the reason when the funder is responsible outside the league rule; otherwise empty',
    funder: "optional: the funder's short name or CVR number; another funder's row is refused",
  },
  templates: 'Templates with an example row:',
  templateCsv: 'grants.csv',
  templateXlsx: 'grants.xlsx',
  file: 'File',
  fileHint: 'CSV (UTF-8, comma or semicolon) or XLSX (the first sheet), at most 2 MB.',
  noFile: 'Choose a CSV or XLSX file.',
  preview: 'See the changes',
  previewTitle: 'Check the changes',
  previewCounts: (n: number, c: number, u: number) =>
    `The file gives ${n} new, ${c} changed and ${u} unchanged grants. Nothing is saved yet.`,
  previewCaption: 'The grants in the file',
  line: 'Line',
  change: 'Change',
  changes: { new: 'New', changed: 'Changed', unchanged: 'Unchanged' },
  confirm: 'Import the grants',
  cancel: 'Cancel',
  failedTitle: 'The file cannot be imported',
  failedText: (n: number) =>
    `The file has ${n} errors. Nothing has been saved. Correct them and import the file again.`,
  errorsCaption: 'Errors by line and column',
  column: 'Column',
  value: 'Value',
  problem: 'Problem',
  wholeFile: 'Whole file',
  none: '–',
  imported: 'The grants of the file have been imported.',
  issues: {
    ...fileIssues('en'),
    noRows: () => 'the file has no rows below the header',
    tooManyRows: () => 'the file has more than 10,000 rows; split it',
    required: () => 'must be filled in',
    unknownCluster: () => 'is not a cluster in the portal (use its short name or CVR number)',
    clusterEnded: () => 'the cluster had ended before the year',
    year: () => 'is not a year from 2000 to 2100',
    amount: () => 'is not an amount in whole kroner from 0 to 10 billion',
    source: () => `is not a source (${SOURCES})`,
    yesNo: () => 'must be yes or no',
    tooLong: () => 'is longer than 500 characters',
    otherFunder: () => "is another funder's row; only this funder's grants are imported here",
    duplicateRow: (i: GrantImportIssue) => `the cluster and year are already on line ${i.detail}`,
    overrideReasonRequired: () =>
      "the funder's level does not match the cluster's league under the league rule: give a reason for departing from it, or write no under responsible",
    responsibleTaken: () => "another funder is already the cluster's responsible funder in the year",
  },
};

export type GrantImportMessages = Widen<typeof da>;

export function grantImportMessages(lang: Lang): GrantImportMessages {
  return lang === 'da' ? da : en;
}
