import { GLOSSARY, namesOf } from '../domain/glossary.ts';
import { COFINANCING_SOURCES, type PerformanceAccount } from '../domain/performance/account.ts';
import { INSTITUTION_KINDS } from '../domain/reporting/format/rows.ts';

export type ReportLang = 'da' | 'en';

/** How a value is shown: a count, an amount in kroner, or a share (0-1). */
export type ValueKind = 'count' | 'dkk' | 'share';

/** The keys of the account whose value is one number. */
export type ScalarKey = Exclude<
  keyof PerformanceAccount,
  | 'year'
  | 'preliminary'
  | 'innovating_companies_by_region'
  | 'private_cofinancing_by_source_dkk'
  | 'knowledge_institution_participations_by_kind'
>;

/** Every scalar key of the account in the order of the reporting spec, with its labels. */
export const KEY_LABELS: readonly { key: ScalarKey; kind: ValueKind; da: string; en: string }[] = [
  { key: 'activities', kind: 'count', da: 'Aktiviteter', en: 'Activities' },
  {
    key: 'participating_companies',
    kind: 'count',
    da: 'Deltagende virksomheder',
    en: 'Participating companies',
  },
  {
    key: 'small_participating_companies',
    kind: 'count',
    da: 'Deltagende små virksomheder (under 50 ansatte)',
    en: 'Participating small companies (under 50 employees)',
  },
  {
    key: 'new_competence_companies',
    kind: 'count',
    da: 'Virksomheder med nye kompetencer',
    en: 'Companies with new competences',
  },
  {
    key: 'new_idea_companies',
    kind: 'count',
    da: 'Virksomheder med nye idéer',
    en: 'Companies with new ideas',
  },
  {
    key: 'innovating_companies',
    kind: 'count',
    da: 'Innovative virksomheder (nye produkter, ydelser eller processer)',
    en: 'Innovating companies (new products, services or processes)',
  },
  {
    key: 'small_innovating_companies',
    kind: 'count',
    da: 'Små innovative virksomheder',
    en: 'Small innovating companies',
  },
  {
    key: 'collaborating_companies',
    kind: 'count',
    da: 'Virksomheder i innovationssamarbejde med videninstitutioner',
    en: 'Companies collaborating with knowledge institutions',
  },
  {
    key: 'international_companies',
    kind: 'count',
    da: 'Virksomheder i internationaliseringsaktiviteter',
    en: 'Companies in internationalisation activities',
  },
  {
    key: 'knowledge_institution_participations',
    kind: 'count',
    da: 'Deltagelser af videninstitutioner',
    en: 'Knowledge-institution participations',
  },
  {
    key: 'activities_with_knowledge_institution',
    kind: 'count',
    da: 'Aktiviteter med mindst én videninstitution',
    en: 'Activities with a knowledge institution',
  },
  { key: 'gold_clusters', kind: 'count', da: 'Klynger med guldmærke', en: 'Clusters with a gold label' },
  { key: 'silver_clusters', kind: 'count', da: 'Klynger med sølvmærke', en: 'Clusters with a silver label' },
  {
    key: 'bronze_clusters',
    kind: 'count',
    da: 'Klynger med bronzemærke',
    en: 'Clusters with a bronze label',
  },
  { key: 'grant_dkk', kind: 'dkk', da: 'Klyngetilskud anvendt (kr.)', en: 'Cluster grant spent (DKK)' },
  {
    key: 'external_funding_dkk',
    kind: 'dkk',
    da: 'Hjemtaget ekstern finansiering (kr.)',
    en: 'External funding raised (DKK)',
  },
  {
    key: 'private_cofinancing_dkk',
    kind: 'dkk',
    da: 'Privat medfinansiering (kr., 600 kr. pr. time)',
    en: 'Private co-financing (DKK, 600 per hour)',
  },
  {
    key: 'eu_applications',
    kind: 'count',
    da: 'Aktiviteter, der bidrog til en EU-ansøgning',
    en: 'Activities that helped develop an EU application',
  },
  {
    key: 'share_outside_strongholds',
    kind: 'share',
    da: 'Andel virksomheder uden for klyngens styrkepositioner',
    en: 'Share of companies outside the cluster’s strongholds',
  },
];

export const REGION_KEY = 'innovating_companies_by_region' as const;
export const SOURCE_KEY = 'private_cofinancing_by_source_dkk' as const;
export const KIND_KEY = 'knowledge_institution_participations_by_kind' as const;

const SOURCE_LABELS: Record<(typeof COFINANCING_SOURCES)[number], { da: string; en: string }> = {
  hours: { da: 'Privat medfinansiering: timer (kr.)', en: 'Private co-financing: hours (DKK)' },
  fees: { da: 'Privat medfinansiering: deltagergebyrer (kr.)', en: 'Private co-financing: fees (DKK)' },
  sponsorship: {
    da: 'Privat medfinansiering: sponsorater (kr.)',
    en: 'Private co-financing: sponsorship (DKK)',
  },
  foundations: {
    da: 'Medfinansiering fra private fonde (kr.)',
    en: 'Co-financing from private foundations (DKK)',
  },
};

export const INSTITUTION_KIND_LABELS: Record<
  (typeof INSTITUTION_KINDS)[number] | 'unknown',
  { da: string; en: string }
> = {
  university: { da: 'universiteter', en: 'universities' },
  business_academy: { da: 'erhvervsakademier', en: 'business academies' },
  university_college: { da: 'professionshøjskoler', en: 'university colleges' },
  gts: { da: 'GTS-institutter', en: 'research and technology organisations' },
  artistic: { da: 'kunstneriske uddannelser', en: 'artistic education' },
  other: { da: 'andre', en: 'other' },
  unknown: { da: 'art ikke oplyst', en: 'kind not given' },
};

/**
 * The parts of the account's two 1.1 splits as rows in a stable order: co-financing by every
 * source, then knowledge-institution participations by the kinds the account has (in the format's
 * order, "unknown" last).
 */
export function splitRows(
  account: PerformanceAccount,
  lang: ReportLang,
): { key: string; label: string; kind: ValueKind; value: number }[] {
  const bySource = account[SOURCE_KEY];
  const byKind = account[KIND_KEY];
  const kindLabel =
    lang === 'da' ? 'Videninstitutioners deltagelser' : 'Knowledge-institution participations';
  return [
    ...COFINANCING_SOURCES.map((source) => ({
      key: `${SOURCE_KEY}.${source}`,
      label: SOURCE_LABELS[source][lang],
      kind: 'dkk' as const,
      value: bySource[source],
    })),
    ...[...INSTITUTION_KINDS, 'unknown' as const]
      .filter((k) => byKind[k] !== undefined)
      .map((k) => ({
        key: `${KIND_KEY}.${k}`,
        label: `${kindLabel}: ${INSTITUTION_KIND_LABELS[k][lang]}`,
        kind: 'count' as const,
        value: byKind[k] as number,
      })),
  ];
}

export const TEXT = {
  da: {
    title: GLOSSARY.concept.performance_account.da,
    programme: 'Klyngeprogrammet',
    year: 'År',
    scope: 'Omfang',
    national: 'Hele landet',
    cluster: 'Klynge',
    generatedAt: 'Dannet',
    danishTime: 'dansk tid',
    label: 'Nøgletal',
    key: 'Nøgle (JSON)',
    basis: 'Tal',
    official: 'Officielle: kun år, som bevillingsgiverne har godkendt eller låst',
    preliminary: 'FORELØBIGE: omfatter indberetninger, som bevillingsgiverne endnu ikke har godkendt',
    value: 'Værdi',
    regionHeading: 'Innovative virksomheder fordelt på region',
    region: 'Region',
    leagues: namesOf('league', 'da'),
    regionUnknown: 'Ukendt region',
    regionLabel: (region: string) => `Innovative virksomheder – ${region}`,
    chartCaption: (year: number) =>
      `Figur 1. Antal innovative virksomheder (forskellige CVR-numre med nyt produkt, ny ydelse eller ny proces) ` +
      `fordelt på virksomhedens region, ${year}.`,
    noRegions: 'Ingen innovative virksomheder i året.',
    notApplicable: 'ikke opgjort',
    about: 'Om rapporten',
    source:
      'Tallene er beregnet af Klyngeportalen efter definitionerne i indberetningsspecifikationen. ' +
      'Virksomhedstal er forskellige CVR-numre, aldrig summer over klynger.',
    page: (n: number, of: number) => `Side ${n} af ${of}`,
  },
  en: {
    title: GLOSSARY.concept.performance_account.en,
    programme: 'The cluster programme',
    year: 'Year',
    scope: 'Scope',
    national: 'All of Denmark',
    cluster: 'Cluster',
    generatedAt: 'Generated',
    danishTime: 'Danish time',
    label: 'Indicator',
    key: 'Key (JSON)',
    basis: 'Figures',
    official: 'Official: only years the funders have approved or locked',
    preliminary: 'PRELIMINARY: includes deliveries the funders have not approved yet',
    value: 'Value',
    regionHeading: 'Innovating companies by region',
    region: 'Region',
    leagues: namesOf('league', 'en'),
    regionUnknown: 'Unknown region',
    regionLabel: (region: string) => `Innovating companies – ${region}`,
    chartCaption: (year: number) =>
      `Figure 1. Innovating companies (distinct CVR numbers with a new product, service or process) ` +
      `by the region of the company, ${year}.`,
    noRegions: 'No innovating companies in the year.',
    notApplicable: 'not available',
    about: 'About this report',
    source:
      'Computed by Klyngeportalen by the definitions of the reporting specification. ' +
      'Company figures are distinct CVR numbers, never sums over clusters.',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} as const;

/** One account in a report, e.g. the national one or one cluster's. */
export interface ReportSection {
  /** Shown as the scope: "Hele landet", or the cluster's name and CVR. */
  scopeLabel: string;
  /** A short name for a sheet tab (at most 31 characters are used). */
  shortName: string;
  account: PerformanceAccount;
}

export interface ReportOptions {
  year: number;
  /** The accounts count every delivery, not only approved years: every rendering says so. */
  preliminary: boolean;
  lang: ReportLang;
  generatedAt: Date;
  /** Region code → name, in the report's language. */
  regionNames: Record<string, string>;
}

const LOCALE = { da: 'da-DK', en: 'en-GB' } as const;

export function formatValue(value: number | null, kind: ValueKind, lang: ReportLang): string {
  if (value === null) return TEXT[lang].notApplicable;
  if (kind === 'share')
    return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1 }).format(value);
  const text = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(value);
  return kind === 'dkk' ? (lang === 'da' ? `${text} kr.` : `DKK ${text}`) : text;
}

/** "26.11.2026 kl. 20.05" in Danish time (Europe/Copenhagen), whatever the server's zone. */
export function formatGeneratedAt(d: Date, lang: ReportLang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(d);
}

/** The regional split as rows in a stable order: regions by code, "unknown" last. */
export function regionRows(
  account: PerformanceAccount,
  opts: Pick<ReportOptions, 'lang' | 'regionNames'>,
): { code: string; name: string; value: number }[] {
  const split = account[REGION_KEY];
  const codes = Object.keys({ ...opts.regionNames, ...split })
    .filter((c) => c !== 'unknown')
    .sort();
  const rows = codes.map((code) => ({ code, name: opts.regionNames[code] ?? code, value: split[code] ?? 0 }));
  if (split.unknown)
    rows.push({ code: 'unknown', name: TEXT[opts.lang].regionUnknown, value: split.unknown });
  return rows;
}
