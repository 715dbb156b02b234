import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

const da = {
  deliveriesTitle: 'Indberetninger',
  deliveriesIntro:
    'Indberet aktiviteter og deltagere som CSV-filer eller én Excel-projektmappe. En indberetning med fejl skrives slet ikke; du får en liste over alle fejl med linje og kolonne.',
  uploadHeading: 'Ny indberetning',
  files: 'Filer (clusters.csv, activities.csv, participants.csv eller .xlsx)',
  filesHint:
    'Vælg en eller flere filer. Filer, der sendes sammen, er én indberetning. Højst 1 GB; større leverancer sendes via kommandolinjen.',
  upload: 'Indberet',
  noFiles: 'Vælg mindst én fil.',
  templates: 'Skabeloner',
  templatesIntro: 'Hent en skabelon med overskrift og et eksempel:',
  help: 'Vejledning til alle kolonner',
  logHeading: 'Indberetningslog',
  none: 'Der er ingen indberetninger endnu.',
  when: 'Tidspunkt',
  who: 'Indberettet af',
  channel: 'Kanal',
  channels: { cli: 'Kommandolinje', web: 'Web', api: 'API' } as Record<string, string>,
  result: 'Resultat',
  loaded: 'Indlæst',
  rejected: 'Afvist',
  rows: 'Rækker',
  rowsText: (a: number, p: number) => `${a} aktiviteter, ${p} deltagere`,
  errorsCount: (n: number) => `${n} fejl`,
  resultTitle: 'Resultat af indberetning',
  loadedText: 'Indberetningen er indlæst.',
  rejectedText: (n: number) =>
    `Indberetningen er afvist med ${n} fejl. Intet er skrevet; ret filerne, og indberet igen.`,
  file: 'Fil',
  line: 'Linje',
  column: 'Kolonne',
  value: 'Værdi',
  message: 'Fejl',
  checksum: 'SHA-256',
  size: 'Størrelse (byte)',
  downloadErrors: 'Hent fejlrapport (CSV)',
  moreErrors: (shown: number, total: number) => `Viser de første ${shown} af ${total} fejl.`,
  activityRuleTitle: 'Aktiviteter uden mindst to deltagere og en virksomhed',
  activityRuleText: (n: number, shown: number) =>
    `${n} af de indberettede aktiviteter har færre end to deltagere eller ingen virksomhed (aktivitetsreglen i format 1.1). De er indlæst, men tæller som en datakvalitetsadvarsel.${n > shown ? ` Viser de første ${shown}.` : ''}`,
  clusterCvr: 'Klyngens CVR',
  activityRef: 'Aktivitets-id',
  activityTitle: 'Titel',
  participantsCount: 'Deltagere',
  companiesCount: 'Virksomheder',
  back: 'Tilbage til indberetninger',
  helpTitle: 'Vejledning til indberetning',
  helpIntro:
    'Filerne er UTF-8 (BOM tilladt), kommasepareret med citationstegn efter RFC 4180 og med en overskriftsrække. Kolonnernes rækkefølge er fri; ukendte kolonner er en fejl. En fil genkendes på sin overskrift. Samme tabeller kan sendes som arkene clusters, activities og participants i én .xlsx-projektmappe. Dette er format 1.1: kolonner mærket (1.1) er nye og frivillige, og filer i format 1.0 indlæses uændret. Virksomhedsdata hører til den indberetning, der angav dem: det, I angiver om en virksomhed, ændrer aldrig det, en anden klynge har angivet.',
  required: 'Påkrævet',
  rule: 'Regel',
  yes: 'ja',
  no: 'nej',
  jobTitle: 'Indberetningen indlæses',
  jobIntro: (files: string) => `Filerne ${files} er modtaget og bliver nu læst og kontrolleret.`,
  jobQueued: 'Venter på, at en anden indberetning bliver færdig.',
  jobReading: (file: string) => `Læser ${file}.`,
  jobChecking: 'Alle filer er læst. Kontrollerer hele indberetningen.',
  jobWriting: 'Indberetningen er godkendt. Skriver den i databasen.',
  jobProgress: 'Læst af filerne',
  jobRefresh: 'Opdater status',
  jobAutomatic: 'Siden opdaterer sig selv og viser resultatet, når indlæsningen er færdig.',
  jobFailed:
    'Indlæsningen stoppede på grund af en fejl hos os. Intet af indberetningen er skrevet. Prøv igen; sker det igen, så kontakt supporten.',
  jobGone:
    'Indlæsningen findes ikke (længere). Se resultatet i indberetningsloggen; står den ikke der, så indberet igen.',
};

const en: Widen<typeof da> = {
  deliveriesTitle: 'Deliveries',
  deliveriesIntro:
    'Report activities and participants as CSV files or one Excel workbook. A delivery with errors is not written at all; you get a list of every error with line and column.',
  uploadHeading: 'New delivery',
  files: 'Files (clusters.csv, activities.csv, participants.csv or .xlsx)',
  filesHint:
    'Choose one or more files. Files sent together are one delivery. At most 1 GB; larger deliveries go through the command line.',
  upload: 'Deliver',
  noFiles: 'Choose at least one file.',
  templates: 'Templates',
  templatesIntro: 'Download a template with the header and an example:',
  help: 'Guide to every column',
  logHeading: 'Delivery log',
  none: 'There are no deliveries yet.',
  when: 'Time',
  who: 'Delivered by',
  channel: 'Channel',
  channels: { cli: 'Command line', web: 'Web', api: 'API' },
  result: 'Result',
  loaded: 'Loaded',
  rejected: 'Rejected',
  rows: 'Rows',
  rowsText: (a, p) => `${a} activities, ${p} participants`,
  errorsCount: (n) => `${n} errors`,
  resultTitle: 'Delivery result',
  loadedText: 'The delivery has been loaded.',
  rejectedText: (n) =>
    `The delivery was rejected with ${n} errors. Nothing was written; correct the files and deliver again.`,
  file: 'File',
  line: 'Line',
  column: 'Column',
  value: 'Value',
  message: 'Error',
  checksum: 'SHA-256',
  size: 'Size (bytes)',
  downloadErrors: 'Download the error report (CSV)',
  moreErrors: (shown, total) => `Showing the first ${shown} of ${total} errors.`,
  activityRuleTitle: 'Activities without at least two participants and a company',
  activityRuleText: (n, shown) =>
    `${n} of the delivered activities have fewer than two participants or no company (the activity rule of format 1.1). They are loaded, and count as a data-quality warning.${n > shown ? ` Showing the first ${shown}.` : ''}`,
  clusterCvr: 'Cluster CVR',
  activityRef: 'Activity id',
  activityTitle: 'Title',
  participantsCount: 'Participants',
  companiesCount: 'Companies',
  back: 'Back to deliveries',
  helpTitle: 'Reporting guide',
  helpIntro:
    'Files are UTF-8 (a BOM is accepted), comma-separated with RFC 4180 quoting and a header row. Column order is free; unknown columns are an error. A file is recognised by its header. The same tables can be sent as the sheets clusters, activities and participants of one .xlsx workbook. This is format 1.1: columns marked (1.1) are new and optional, and files in format 1.0 load unchanged. Company data belongs to the delivery that reported it: what you report about a company never changes what another cluster reported.',
  required: 'Required',
  rule: 'Rule',
  yes: 'yes',
  no: 'no',
  jobTitle: 'Loading the delivery',
  jobIntro: (files) => `The files ${files} have been received and are now being read and checked.`,
  jobQueued: 'Waiting for another delivery to finish.',
  jobReading: (file) => `Reading ${file}.`,
  jobChecking: 'All files have been read. Checking the delivery as a whole.',
  jobWriting: 'The delivery has passed every check. Writing it to the database.',
  jobProgress: 'Files read',
  jobRefresh: 'Refresh status',
  jobAutomatic: 'This page updates itself and shows the result when loading has finished.',
  jobFailed:
    'Loading stopped because of an error on our side. Nothing of the delivery was written. Try again; if it happens again, contact support.',
  jobGone:
    'This loading no longer exists. See the result in the delivery log; if it is not there, deliver again.',
};

export type ReportingMessages = Widen<typeof da>;
export const reportingMessages = (lang: Lang): ReportingMessages => (lang === 'da' ? da : en);

/** The rule of each column, from the reporting spec, in both languages. */
export const COLUMN_HELP: Record<string, Record<string, { da: string; en: string }>> = {
  clusters: {
    cvr: {
      da: 'Klyngeorganisationens gyldige CVR-nummer; nøglen',
      en: "The cluster organisation's valid CVR number; the key",
    },
    name: { da: '1-300 tegn', en: '1-300 characters' },
    league: { da: 'world_class, regional eller emerging', en: 'world_class, regional or emerging' },
    municipality_code: {
      da: 'Hovedsædets kommunekode (3 cifre)',
      en: "The seat's municipality code (3 digits)",
    },
    website: { da: 'https://-adresse', en: 'An https:// URL' },
    stronghold_industries: {
      da: 'DB07-præfikser (2-6 cifre) adskilt af mellemrum',
      en: 'DB07 prefixes (2-6 digits) separated by spaces',
    },
  },
  activities: {
    cluster_cvr: {
      da: 'CVR-nummer på den indberettende klyngeorganisation; skal findes i portalen',
      en: 'CVR of the reporting cluster organisation; must exist in the portal',
    },
    activity_ref: {
      da: 'Klyngens eget id, 1-64 tegn; (cluster_cvr, activity_ref) er nøglen',
      en: "The cluster's own id, 1-64 characters; (cluster_cvr, activity_ref) is the key",
    },
    title: { da: '1-300 tegn', en: '1-300 characters' },
    category: {
      da: 'innovation_collaboration, internationalisation, knowledge_dissemination, access_to_finance, entrepreneurs, networking eller organisation_development',
      en: 'innovation_collaboration, internationalisation, knowledge_dissemination, access_to_finance, entrepreneurs, networking or organisation_development',
    },
    start_date: {
      da: 'ÅÅÅÅ-MM-DD, en gyldig dato; aktiviteten tæller i dette års regnskab',
      en: 'YYYY-MM-DD, a real date; the activity counts in that year',
    },
    end_date: { da: 'ÅÅÅÅ-MM-DD, ikke før start_date', en: 'YYYY-MM-DD, not before start_date' },
    municipality_code: { da: 'En af de 98 kommunekoder', en: 'One of the 98 municipality codes' },
    grant_dkk: { da: 'Helt tal ≥ 0: brugt klyngebevilling', en: 'Whole number ≥ 0: cluster grant spent' },
    external_funding_dkk: {
      da: 'Helt tal ≥ 0: anden offentlig eller EU-finansiering',
      en: 'Whole number ≥ 0: other public or EU funding',
    },
    private_cofinancing_hours: {
      da: 'Tal ≥ 0: virksomhedernes timer (værdisat til 600 kr./time)',
      en: 'Number ≥ 0: company staff hours (valued at 600 DKK/hour)',
    },
    cofinancing_fees_dkk: {
      da: 'Helt tal ≥ 0: privat medfinansiering betalt som deltager- eller medlemsgebyrer (1.1)',
      en: 'Whole number ≥ 0: private co-financing paid as member or participation fees (1.1)',
    },
    cofinancing_sponsorship_dkk: {
      da: 'Helt tal ≥ 0: privat medfinansiering fra sponsorer (1.1)',
      en: 'Whole number ≥ 0: private co-financing from sponsors (1.1)',
    },
    cofinancing_foundations_dkk: {
      da: 'Helt tal ≥ 0: medfinansiering fra private fonde (1.1)',
      en: 'Whole number ≥ 0: co-financing from private foundations (1.1)',
    },
    eu_application: {
      da: '0/1, standard 0: aktiviteten bidrog til en ansøgning til et EU-program (1.1)',
      en: '0/1, default 0: the activity helped develop an application to an EU programme (1.1)',
    },
  },
  participants: {
    cluster_cvr: { da: 'Som i activities', en: 'As in activities' },
    activity_ref: {
      da: 'Skal passe til en aktivitet i indberetningen eller i portalen',
      en: 'Must match an activity in the delivery or in the portal',
    },
    participant_type: {
      da: 'company, knowledge_institution, public, other eller foreign',
      en: 'company, knowledge_institution, public, other or foreign',
    },
    cvr: { da: 'Gyldigt CVR-nummer; tom for foreign', en: 'Valid CVR; empty for foreign' },
    name: { da: '1-300 tegn', en: '1-300 characters' },
    country: {
      da: 'Kun for foreign: ISO 3166-1 alpha-2, ikke DK',
      en: 'Only foreign: ISO 3166-1 alpha-2, not DK',
    },
    employees: { da: 'Helt tal ≥ 0 (virksomheder)', en: 'Whole number ≥ 0 (companies)' },
    municipality_code: {
      da: 'Kommune for deltagerens adresse',
      en: "Municipality of the participant's address",
    },
    industry_code: { da: '6-cifret DB07-kode', en: '6-digit DB07 code' },
    new_competence: { da: '0/1: fik nye kompetencer', en: '0/1: gained new competences' },
    new_idea: {
      da: '0/1: fik idéer til nye produkter, services eller processer',
      en: '0/1: gained ideas for new products, services or processes',
    },
    new_product: {
      da: '0/1: udviklede et nyt produkt, en service eller proces',
      en: '0/1: developed a new product, service or process',
    },
    institution_kind: {
      da: 'Kun videninstitutioner: university, business_academy (erhvervsakademi), university_college (professionshøjskole), gts, artistic (kunstnerisk uddannelse) eller other (1.1)',
      en: 'Knowledge institutions only: university, business_academy, university_college, gts, artistic (artistic education) or other (1.1)',
    },
  },
};
