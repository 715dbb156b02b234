import type { FigureKey, League } from '../../../domain/evaluation/figures.ts';
import type { Conclusion } from '../../../domain/evaluation/midterm.ts';
import type { PeriodStatus } from '../../../domain/evaluation/quality.ts';
import { namesOf } from '../../../domain/glossary.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

const keysDa: Record<FigureKey, string> = {
  activities: 'Aktiviteter',
  participating_companies: 'Deltagende virksomheder',
  small_participating_companies: 'Deltagende små virksomheder (under 50 ansatte)',
  new_competence_companies: 'Virksomheder med nye kompetencer',
  new_idea_companies: 'Virksomheder med nye idéer',
  innovating_companies: 'Innovative virksomheder (nye produkter, services eller processer)',
  small_innovating_companies: 'Små innovative virksomheder',
  collaborating_companies: 'Virksomheder i samarbejde med videninstitutioner',
  international_companies: 'Virksomheder i internationale aktiviteter',
  knowledge_institution_participations: 'Deltagelser af videninstitutioner',
  activities_with_knowledge_institution: 'Aktiviteter med videninstitutioner',
  grant_dkk: 'Brugt klyngebevilling (kr.)',
  external_funding_dkk: 'Hjemtaget ekstern finansiering (kr.)',
  private_cofinancing_dkk: 'Privat medfinansiering (kr.)',
};

const keysEn: Record<FigureKey, string> = {
  activities: 'Activities',
  participating_companies: 'Participating companies',
  small_participating_companies: 'Participating small companies (under 50 employees)',
  new_competence_companies: 'Companies with new competences',
  new_idea_companies: 'Companies with new ideas',
  innovating_companies: 'Innovating companies (new products, services or processes)',
  small_innovating_companies: 'Small innovating companies',
  collaborating_companies: 'Companies collaborating with knowledge institutions',
  international_companies: 'Companies in international activities',
  knowledge_institution_participations: 'Knowledge-institution participations',
  activities_with_knowledge_institution: 'Activities with knowledge institutions',
  grant_dkk: 'Cluster grant used (DKK)',
  external_funding_dkk: 'External funding raised (DKK)',
  private_cofinancing_dkk: 'Private co-financing (DKK)',
};

const leaguesDa: Record<League, string> = namesOf('league', 'da');
const leaguesEn: Record<League, string> = namesOf('league', 'en');

const conclusionsDa: Record<Conclusion, string> = {
  continue: 'Fortsæt bevillingen',
  adjust: 'Fortsæt med justeringer',
  withdraw: 'Træk bevillingen tilbage',
};
const conclusionsEn: Record<Conclusion, string> = {
  continue: 'Continue the grant',
  adjust: 'Continue with adjustments',
  withdraw: 'Withdraw the grant',
};

/** The reporting period's status in the glossary's words, as the periods pages show it. */
const statusesDa: Record<PeriodStatus, string> = namesOf('periodStatus', 'da');
const statusesEn: Record<PeriodStatus, string> = namesOf('periodStatus', 'en');

const pct = (n: number, lang: Lang) =>
  `${new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(n)} %`;

const da = {
  keys: keysDa,
  leagues: leaguesDa,
  conclusions: conclusionsDa,
  statuses: statusesDa,
  year: 'År',
  cluster: 'Klynge',
  league: 'Liga',
  key: 'Nøgletal',
  show: 'Vis',
  none: 'Ingen',
  noYears: 'Der er endnu ikke indberettet aktiviteter, så der er intet at vise.',
  quartiles: { 1: 'Nederste kvartil', 2: '2. kvartil', 3: '3. kvartil', 4: 'Øverste kvartil' } as Record<
    number,
    string
  >,
  benchmark: {
    title: 'Benchmarking',
    lead: 'Se jeres nøgletal for et år over for de andre klynger i samme liga. De andre klynger vises uden navn.',
    supportLead:
      'Sammenlign klyngerne i en liga nøgletal for nøgletal. Vælg en klynge for at fremhæve den, og et nøgletal for at se alle klynger med navn.',
    comparedWith: (n: number, league: string, year: number) =>
      `Sammenlignet med ${n} klynger i ligaen »${league}« i ${year}.`,
    method:
      'Kvartilerne er beregnet over klyngernes egne tal (lineær interpolation). Nederste kvartil betyder under nedre kvartil; øverste kvartil betyder nedre grænse for øvre kvartil eller derover.',
    allClusters: 'Ingen klynge fremhævet',
    figuresHeading: 'Fordeling pr. nøgletal',
    legendBox:
      'Kassen går fra nedre til øvre kvartil, den tykke streg er medianen, og linjen går fra laveste til højeste værdi.',
    legendDots: 'Hver lille cirkel er en klynge i ligaen.',
    legendOwn: (name: string) => `Ruden med teksten »${name}« er den fremhævede klynge.`,
    tableHeading: 'Tabel med tallene',
    tableCaption: (year: number, league: string) => `Nøgletal ${year}, ${league}`,
    min: 'Laveste',
    q1: 'Nedre kvartil',
    median: 'Median',
    q3: 'Øvre kvartil',
    max: 'Højeste',
    position: 'Placering',
    value: 'Værdi',
    namedHeading: (key: string) => `Alle klynger: ${key}`,
    describe: (p: { min: string; q1: string; median: string; q3: string; max: string; own: string | null }) =>
      `Laveste ${p.min}, nedre kvartil ${p.q1}, median ${p.median}, øvre kvartil ${p.q3}, højeste ${p.max}.${p.own ? ` ${p.own}` : ''}`,
    ownText: (name: string, value: string, quartile: string) =>
      `${name}: ${value} (${quartile.toLowerCase()}).`,
  },
  evaluation: {
    title: 'Midtvejsevaluering',
    lead: 'Klyngernes udvikling i bevillingsperioden målt mod deres eget udgangspunkt, deres egne mål og de andre klynger i ligaen. Markeringerne er hjælp til vurderingen, ikke en afgørelse.',
    period: 'Bevillingsperiode',
    reported: 'Indberettede år',
    flags: 'Markeringer',
    conclusion: 'Konklusion',
    undecided: 'Ikke besluttet',
    noClusters: 'Der er ingen klynger, du kan evaluere, i perioden.',
    rulesHeading: 'Regler for markeringer',
    noFlags: 'Ingen markeringer',
    keysHeading: 'Nøgletal mod udgangspunktet',
    keysCaption: (first: number, last: number) => `Første indberettede år ${first} mod seneste ${last}`,
    noReports: 'Klyngen har ikke indberettet aktiviteter i perioden.',
    first: (y: number) => `${y}`,
    change: 'Ændring',
    changePercent: 'Ændring i %',
    goal: 'Mål',
    quartileLast: 'Placering i ligaen',
    noGoals:
      'Klyngen har ikke registreret mål fra en handlingsplan for perioden, så sammenligningen med mål er udeladt.',
    decideHeading: 'Registrér konklusion',
    decideHint:
      'Konklusionen gemmes med dit navn og tidspunkt. En ny konklusion erstatter ikke de tidligere; de bevares i historikken.',
    reasoning: 'Begrundelse',
    reasoningHint: 'Mindst 20 tegn. Begrund konklusionen, også ud fra klyngens udgangspunkt.',
    submit: 'Gem konklusion',
    saved: 'Konklusionen er gemt.',
    historyHeading: 'Historik',
    noHistory: 'Der er endnu ikke registreret en konklusion.',
    decidedAt: 'Tidspunkt',
    decidedBy: 'Besluttet af',
    funder: 'Finansiør',
    back: 'Tilbage til oversigten',
    backToWorkspace: 'Tilbage til arbejdsrummet',
    workspaceLink: 'Midtvejsevaluering',
    errors: {
      conclusion: 'Vælg en konklusion.',
      reasoningShort: 'Skriv en begrundelse på mindst 20 tegn.',
    } as Record<string, string>,
    rule: {
      bottom_quartile_running: (key: string, years: number) =>
        `I nederste kvartil af ligaen på »${key}« ${years} år i træk`,
      decline_from_first_year: (key: string, percent: number) =>
        `Fald på mere end ${percent.toLocaleString('da-DK')} % fra første år på »${key}«`,
      below_goal: (key: string) => `Under klyngens eget mål for »${key}« i seneste år`,
    },
    flag: {
      bottom_quartile_running: (key: string, years: number[]) =>
        `Nederste kvartil på »${key}« i ${years.join(', ')}`,
      decline_from_first_year: (key: string, from: number, to: number, change: string) =>
        `»${key}« faldt ${change.replace('-', '')} fra ${from} til ${to}`,
      below_goal: (key: string, year: number, value: string, goal: string) =>
        `»${key}« ${year}: ${value} mod målet ${goal}`,
    },
  },
  rules: {
    title: 'Regler for markeringer',
    lead: 'Reglerne markerer klynger i midtvejsevalueringen og tal i datakvalitetsoversigten. De gælder for alle bevillingsgivere. Hver ændring gemmes som en ny version, og de tidligere versioner kan ses nedenfor.',
    edit: 'Redigér reglerne',
    current: 'Regler i kraft',
    defaults: 'Der er ikke gemt egne regler; standardreglerne gælder.',
    ruleLegend: (n: number) => `Regel ${n}`,
    kind: 'Regeltype',
    kinds: {
      bottom_quartile_running: 'Nederste kvartil flere år i træk',
      decline_from_first_year: 'Fald fra første år',
      below_goal: 'Under klyngens eget mål',
    },
    figure: 'Nøgletal',
    years: 'År i træk',
    yearsHint: 'Kun for »Nederste kvartil flere år i træk«',
    percent: 'Fald i procent',
    percentHint: 'Kun for »Fald fra første år«',
    remove: 'Fjern reglen',
    add: 'Tilføj en regel',
    qualityLegend: 'Datakvalitet',
    outlier: 'Markér ændringer fra året før på mere end (%)',
    missing: 'Markér manglende kommune eller branchekode, når andelen er over (%)',
    activityRule: 'Aktivitetsreglen er opfyldt, når andelen af aktiviteter, der bryder den, højst er (%)',
    note: 'Begrundelse for ændringen (valgfri)',
    save: 'Gem som ny version',
    saved: 'Reglerne er gemt som en ny version.',
    history: 'Tidligere versioner',
    noHistory: 'Ingen versioner endnu.',
    savedAt: 'Gemt',
    savedBy: 'Gemt af',
    ruleCount: 'Regler',
    errors: {
      kind: 'Vælg en regeltype.',
      key: 'Vælg et nøgletal.',
      years: 'Skriv et helt antal år fra 1 til 10.',
      percent: 'Skriv en procent over 0 og højst 100.',
      outlierChangePercent: 'Skriv en procent over 0.',
      missingSharePercent: 'Skriv en procent fra 0 til 100.',
      activityRuleSharePercent: 'Skriv en procent fra 0 til 100.',
    } as Record<string, string>,
  },
  quality: {
    title: 'Datakvalitet',
    lead: 'Er året indberettet, og ser tallene rimelige ud? Markeringerne peger på noget, der bør tjekkes; de er ikke nødvendigvis fejl.',
    caption: (year: number) => `Datakvalitet ${year} pr. klynge`,
    activities: 'Aktiviteter',
    status: 'Indberetningsperiode',
    companies: 'Deltagende virksomheder',
    withoutMunicipality: 'Uden kommune',
    withoutIndustry: 'Uden branchekode',
    flags: 'Markeringer',
    ok: 'Ingen markeringer',
    noClusters: 'Der er ingen klynger at vise for dig i det valgte år.',
    thresholds: (outlier: number, missing: number) =>
      `Et nøgletal markeres, når det ændrer sig mere end ${outlier.toLocaleString('da-DK')} % op eller ned fra året før. Manglende kommune eller branchekode markeres, når det gælder mere end ${missing.toLocaleString('da-DK')} % af de deltagende virksomheder.`,
    flag: {
      no_activities: 'Ingen aktiviteter indberettet for året',
      not_submitted: (status: string) => `Året er ikke indsendt (status: ${status})`,
      outlier: (key: string, previous: string, current: string, change: string) =>
        `Stor ændring: ${key} fra ${previous} til ${current} (${change})`,
      missing_municipality: (share: string) => `${share} af virksomhederne mangler kommune`,
      missing_industry: (share: string) => `${share} af virksomhederne mangler branchekode`,
      activity_rule: (share: string) =>
        `${share} af aktiviteterne bryder aktivitetsreglen (færre end to deltagere eller ingen virksomhed)`,
    },
    activityRule: 'Bryder aktivitetsreglen',
    ruleMet: 'Opfyldt',
    ruleNotMet: 'Ikke opfyldt',
    ruleThreshold: (share: number) =>
      `Aktivitetsreglen: en aktivitet skal have mindst to deltagere, og mindst én af dem skal være en virksomhed. Målet er opfyldt, når højst ${share.toLocaleString('da-DK')} % af klyngens aktiviteter i året bryder reglen.`,
    breachesTitle: 'Aktiviteter, der bryder aktivitetsreglen',
    breachesLead: 'Aktiviteterne med færre end to deltagere eller ingen virksomhed, pr. klynge.',
    noBreaches: 'Ingen aktiviteter bryder aktivitetsreglen i det valgte år.',
    breachesCaption: (name: string, year: number, n: number) =>
      `${name}: ${n === 1 ? '1 aktivitet' : `${n} aktiviteter`} i ${year}, der bryder aktivitetsreglen`,
    moreBreaches: (n: number) => `Og ${n} flere.`,
    breachesLink: (name: string) => `Se alle ${name}s aktiviteter, der bryder reglen`,
    reference: 'Reference',
    activityTitle: 'Titel',
    participants: 'Deltagere',
    companyParticipants: 'Heraf virksomheder',
  },
  pct,
} as const;

const en: Widen<typeof da> = {
  keys: keysEn,
  leagues: leaguesEn,
  conclusions: conclusionsEn,
  statuses: statusesEn,
  year: 'Year',
  cluster: 'Cluster',
  league: 'League',
  key: 'Key figure',
  show: 'Show',
  none: 'None',
  noYears: 'No activities have been reported yet, so there is nothing to show.',
  quartiles: { 1: 'Bottom quartile', 2: '2nd quartile', 3: '3rd quartile', 4: 'Top quartile' },
  benchmark: {
    title: 'Benchmarking',
    lead: 'See your key figures for a year against the other clusters of the same league. The other clusters are shown without names.',
    supportLead:
      'Compare the clusters of a league key figure by key figure. Choose a cluster to highlight it, and a key figure to see all clusters by name.',
    comparedWith: (n: number, league: string, year: number) =>
      `Compared with ${n} clusters in the league “${league}” in ${year}.`,
    method:
      'Quartiles are computed over the clusters’ own figures (linear interpolation). Bottom quartile means below the lower quartile; top quartile means at or above the upper quartile.',
    allClusters: 'No cluster highlighted',
    figuresHeading: 'Distribution per key figure',
    legendBox:
      'The box runs from the lower to the upper quartile, the thick line is the median, and the line runs from the lowest to the highest value.',
    legendDots: 'Each small circle is a cluster of the league.',
    legendOwn: (name: string) => `The diamond labelled “${name}” is the highlighted cluster.`,
    tableHeading: 'Table of the figures',
    tableCaption: (year: number, league: string) => `Key figures ${year}, ${league}`,
    min: 'Lowest',
    q1: 'Lower quartile',
    median: 'Median',
    q3: 'Upper quartile',
    max: 'Highest',
    position: 'Position',
    value: 'Value',
    namedHeading: (key: string) => `All clusters: ${key}`,
    describe: (p: { min: string; q1: string; median: string; q3: string; max: string; own: string | null }) =>
      `Lowest ${p.min}, lower quartile ${p.q1}, median ${p.median}, upper quartile ${p.q3}, highest ${p.max}.${p.own ? ` ${p.own}` : ''}`,
    ownText: (name: string, value: string, quartile: string) =>
      `${name}: ${value} (${quartile.toLowerCase()}).`,
  },
  evaluation: {
    title: 'Mid-term evaluation',
    lead: 'How the clusters developed in the funding period, measured against their own starting point, their own goals and the other clusters of the league. The flags support the assessment; they do not decide it.',
    period: 'Funding period',
    reported: 'Years reported',
    flags: 'Flags',
    conclusion: 'Conclusion',
    undecided: 'Not decided',
    noClusters: 'There are no clusters you can evaluate in this period.',
    rulesHeading: 'Rules for flags',
    noFlags: 'No flags',
    keysHeading: 'Key figures against the starting point',
    keysCaption: (first: number, last: number) => `First reported year ${first} against the latest ${last}`,
    noReports: 'The cluster has reported no activities in the period.',
    first: (y: number) => `${y}`,
    change: 'Change',
    changePercent: 'Change in %',
    goal: 'Goal',
    quartileLast: 'Position in the league',
    noGoals:
      'The cluster has recorded no action-plan goals for the period, so the comparison with goals is left out.',
    decideHeading: 'Record a conclusion',
    decideHint:
      'The conclusion is saved with your name and the time. A new conclusion does not replace the earlier ones; they stay in the history.',
    reasoning: 'Reasoning',
    reasoningHint: 'At least 20 characters. Give reasons, also in view of the cluster’s starting point.',
    submit: 'Save conclusion',
    saved: 'The conclusion has been saved.',
    historyHeading: 'History',
    noHistory: 'No conclusion has been recorded yet.',
    decidedAt: 'When',
    decidedBy: 'Decided by',
    funder: 'Funder',
    back: 'Back to the overview',
    backToWorkspace: 'Back to the workspace',
    workspaceLink: 'Mid-term evaluation',
    errors: {
      conclusion: 'Choose a conclusion.',
      reasoningShort: 'Write a reasoning of at least 20 characters.',
    },
    rule: {
      bottom_quartile_running: (key: string, years: number) =>
        `In the bottom quartile of the league on “${key}” ${years} years running`,
      decline_from_first_year: (key: string, percent: number) =>
        `A decline of more than ${percent} % from the first year on “${key}”`,
      below_goal: (key: string) => `Below the cluster’s own goal for “${key}” in the latest year`,
    },
    flag: {
      bottom_quartile_running: (key: string, years: number[]) =>
        `Bottom quartile on “${key}” in ${years.join(', ')}`,
      decline_from_first_year: (key: string, from: number, to: number, change: string) =>
        `“${key}” fell ${change.replace('-', '')} from ${from} to ${to}`,
      below_goal: (key: string, year: number, value: string, goal: string) =>
        `“${key}” ${year}: ${value} against the goal ${goal}`,
    },
  },
  rules: {
    title: 'Rules for flags',
    lead: 'The rules flag clusters in the mid-term evaluation and figures in the data-quality overview. They apply to all funders. Every change is saved as a new version; earlier versions are listed below.',
    edit: 'Edit the rules',
    current: 'Rules in force',
    defaults: 'No rules have been saved; the default rules apply.',
    ruleLegend: (n: number) => `Rule ${n}`,
    kind: 'Kind of rule',
    kinds: {
      bottom_quartile_running: 'Bottom quartile several years running',
      decline_from_first_year: 'Decline from the first year',
      below_goal: "Below the cluster's own goal",
    },
    figure: 'Figure',
    years: 'Years running',
    yearsHint: 'Only for "Bottom quartile several years running"',
    percent: 'Decline in per cent',
    percentHint: 'Only for "Decline from the first year"',
    remove: 'Remove the rule',
    add: 'Add a rule',
    qualityLegend: 'Data quality',
    outlier: 'Flag changes from the year before of more than (%)',
    missing: 'Flag a missing municipality or industry code when the share is over (%)',
    activityRule: 'The activity rule is met when the share of activities breaking it is at most (%)',
    note: 'Reason for the change (optional)',
    save: 'Save as a new version',
    saved: 'The rules are saved as a new version.',
    history: 'Earlier versions',
    noHistory: 'No versions yet.',
    savedAt: 'Saved',
    savedBy: 'Saved by',
    ruleCount: 'Rules',
    errors: {
      kind: 'Choose a kind of rule.',
      key: 'Choose a figure.',
      years: 'Enter a whole number of years from 1 to 10.',
      percent: 'Enter a percentage above 0 and at most 100.',
      outlierChangePercent: 'Enter a percentage above 0.',
      missingSharePercent: 'Enter a percentage from 0 to 100.',
      activityRuleSharePercent: 'Enter a percentage from 0 to 100.',
    } as Record<string, string>,
  },
  quality: {
    title: 'Data quality',
    lead: 'Is the year reported, and do the figures look plausible? The flags point to things worth checking; they are not necessarily errors.',
    caption: (year: number) => `Data quality ${year} by cluster`,
    activities: 'Activities',
    status: 'Reporting period',
    companies: 'Participating companies',
    withoutMunicipality: 'Without municipality',
    withoutIndustry: 'Without industry code',
    flags: 'Flags',
    ok: 'No flags',
    noClusters: 'There are no clusters to show you for the chosen year.',
    thresholds: (outlier: number, missing: number) =>
      `A key figure is flagged when it changes by more than ${outlier} % up or down from the year before. A missing municipality or industry code is flagged when it applies to more than ${missing} % of the participating companies.`,
    flag: {
      no_activities: 'No activities reported for the year',
      not_submitted: (status: string) => `The year is not submitted (status: ${status})`,
      outlier: (key: string, previous: string, current: string, change: string) =>
        `Large change: ${key} from ${previous} to ${current} (${change})`,
      missing_municipality: (share: string) => `${share} of the companies lack a municipality`,
      missing_industry: (share: string) => `${share} of the companies lack an industry code`,
      activity_rule: (share: string) =>
        `${share} of the activities break the activity rule (fewer than two participants or no company)`,
    },
    activityRule: 'Breaking the activity rule',
    ruleMet: 'Met',
    ruleNotMet: 'Not met',
    ruleThreshold: (share: number) =>
      `The activity rule: an activity should have at least two participants, at least one of them a company. The measure is met when at most ${share} % of the cluster's activities of the year break the rule.`,
    breachesTitle: 'Activities that break the activity rule',
    breachesLead: 'The activities with fewer than two participants or no company, by cluster.',
    noBreaches: 'No activities break the activity rule in the chosen year.',
    breachesCaption: (name: string, year: number, n: number) =>
      `${name}: ${n === 1 ? '1 activity' : `${n} activities`} in ${year} breaking the activity rule`,
    moreBreaches: (n: number) => `And ${n} more.`,
    breachesLink: (name: string) => `See all activities of ${name} that break the rule`,
    reference: 'Reference',
    activityTitle: 'Title',
    participants: 'Participants',
    companyParticipants: 'Of which companies',
  },
  pct,
};

export type EvaluationMessages = Widen<typeof da>;

export function evaluationMessages(lang: Lang): EvaluationMessages {
  return lang === 'da' ? da : en;
}
