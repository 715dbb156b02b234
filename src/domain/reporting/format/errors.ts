import { RULE_MESSAGES, type RuleCode } from './rows.ts';

/** Problems with a delivery as a whole rather than one cell's value. */
export const DELIVERY_MESSAGES = {
  unknownFile: {
    en: 'is not a reporting file: its header matches none of clusters, activities, participants',
    da: 'er ikke en indberetningsfil: overskriften passer ikke til clusters, activities eller participants',
  },
  emptyFile: { en: 'has no header row', da: 'har ingen overskriftsrække' },
  unknownColumn: { en: 'is not a column of this file', da: 'er ikke en kolonne i denne fil' },
  missingColumn: { en: 'is a required column and is missing', da: 'er en påkrævet kolonne og mangler' },
  duplicateColumn: { en: 'appears twice in the header', da: 'står to gange i overskriften' },
  cellCount: {
    en: 'row has a different number of cells than the header',
    da: 'rækken har et andet antal celler end overskriften',
  },
  csvSyntax: { en: 'is not valid CSV (RFC 4180)', da: 'er ikke gyldig CSV (RFC 4180)' },
  encoding: { en: 'is not valid UTF-8', da: 'er ikke gyldig UTF-8' },
  duplicateCluster: {
    en: 'cluster appears more than once in the delivery',
    da: 'klyngen står mere end én gang i indberetningen',
  },
  duplicateActivity: {
    en: 'activity appears more than once in the delivery',
    da: 'aktiviteten står mere end én gang i indberetningen',
  },
  duplicateParticipant: {
    en: 'participant appears more than once in this activity',
    da: 'deltageren står mere end én gang i aktiviteten',
  },
  unknownCluster: {
    en: 'is not a cluster organisation in the portal or in this delivery',
    da: 'er ikke en klyngeorganisation i portalen eller i denne indberetning',
  },
  unknownActivity: {
    en: 'matches no activity in this delivery or in the portal',
    da: 'passer ikke til en aktivitet i indberetningen eller i portalen',
  },
  notYourCluster: {
    en: 'you may not report for this cluster organisation',
    da: 'du må ikke indberette for denne klyngeorganisation',
  },
  clustersNotAllowed: {
    en: 'only the ministry and administrators may deliver the cluster register',
    da: 'kun ministeriet og administratorer må indberette klyngeregistret',
  },
  periodLocked: {
    en: "the reporting year of this activity is approved or locked for this cluster; ask the cluster's funder to reopen it",
    da: 'aktivitetens indberetningsår er godkendt eller låst for denne klynge; bed klyngens bevillingsgiver om at genåbne det',
  },
  tooLarge: { en: 'is larger than the upload limit', da: 'er større end grænsen for upload' },
  sheetUnknown: {
    en: 'is not a sheet of the reporting format (clusters, activities, participants)',
    da: 'er ikke et ark i indberetningsformatet (clusters, activities, participants)',
  },
  cellTooLong: {
    en: 'the row is longer than 65,536 characters, far beyond any valid row (a value has at most 300); the file was read no further',
    da: 'rækken er længere end 65.536 tegn, langt over enhver gyldig række (en værdi har højst 300); filen blev ikke læst videre',
  },
  notXlsx: {
    en: 'is not an .xlsx workbook: it is not a valid zip file with a workbook in it',
    da: 'er ikke en .xlsx-projektmappe: den er ikke en gyldig zip-fil med en projektmappe',
  },
  xlsxTooLarge: {
    en: 'unpacks to more than a workbook may: a part to at most 200 times its packed size and 1 GiB, all parts to 2 GiB, the shared text to 32 MiB',
    da: 'fylder udpakket mere, end en projektmappe må: en del højst 200 gange sin pakkede størrelse og 1 GiB, alle dele 2 GiB, den delte tekst 32 MiB',
  },
  xlsxSyntax: {
    en: 'is not a readable .xlsx workbook: its XML is broken',
    da: 'er ikke en læsbar .xlsx-projektmappe: dens XML er i stykker',
  },
  xmlDeclaration: {
    en: 'contains a DOCTYPE or entity declaration, which a workbook may not contain',
    da: 'indeholder en DOCTYPE- eller entity-erklæring, som en projektmappe ikke må indeholde',
  },
} as const;

export type DeliveryCode = keyof typeof DELIVERY_MESSAGES;
export type ErrorCode = RuleCode | DeliveryCode;

export interface DeliveryError {
  file: string;
  /** Line in the file; the header is line 1. 0 for a problem with the file as a whole. */
  line: number;
  column: string | null;
  value: string | null;
  code: ErrorCode;
}

export function errorMessage(code: ErrorCode, lang: 'da' | 'en'): string {
  const entry =
    code in RULE_MESSAGES ? RULE_MESSAGES[code as RuleCode] : DELIVERY_MESSAGES[code as DeliveryCode];
  return entry[lang];
}

/** One line a person can act on, e.g. `participants.csv line 7, column cvr ("123"): is not a valid CVR number`. */
export function formatError(e: DeliveryError, lang: 'da' | 'en' = 'en'): string {
  const where = [
    e.file,
    e.line > 0 ? `${lang === 'da' ? 'linje' : 'line'} ${e.line}` : null,
    e.column ? `${lang === 'da' ? 'kolonne' : 'column'} ${e.column}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const value =
    e.value !== null && e.value !== ''
      ? ` (${JSON.stringify(e.value.length > 80 ? `${e.value.slice(0, 77)}...` : e.value)})`
      : '';
  return `${where}${value}: ${errorMessage(e.code, lang)}`;
}

/** How much of an uploaded text (a bad value, a column or file name) an error keeps and echoes. */
export const ECHOED_CHARS = 100;

/**
 * An uploaded text as an error may keep it: at most ECHOED_CHARS characters (then "…"), and NUL,
 * which PostgreSQL's text and jsonb cannot hold, shown as ␀.
 */
export function echoed(text: string, max = ECHOED_CHARS): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return short.replaceAll('\0', '\u2400');
}

/**
 * Keeps every error's count but at most `limit` errors in memory, so a broken huge file cannot
 * exhaust memory; each with at most a short prefix of the uploaded texts it names (echoed).
 */
export class ErrorList {
  readonly items: DeliveryError[] = [];
  count = 0;
  constructor(private readonly limit = 10_000) {}
  add(e: DeliveryError): void {
    this.count++;
    if (this.items.length < this.limit)
      this.items.push({
        ...e,
        file: echoed(e.file, 2 * ECHOED_CHARS),
        column: e.column === null ? null : echoed(e.column),
        value: e.value === null ? null : echoed(e.value),
      });
  }
}
