import type { EffectMeasure } from '../../../domain/surveys/effect-survey.ts';
import type { CompanySizeBand } from '../../../domain/surveys/statistics.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** Texts of survey results, their downloads and the company effect section on /resultater. */
const da = {
  title: (survey: string) => `Resultater: ${survey}`,
  filters: 'Vælg svargruppe',
  region: 'Region',
  size: 'Virksomhedsstørrelse',
  cluster: 'Klynge',
  league: 'Liga',
  all: 'Alle',
  show: 'Vis',
  sizes: {
    micro: 'Under 10 ansatte',
    small: '10-49 ansatte',
    medium: '50-249 ansatte',
    large: '250 ansatte og derover',
  } satisfies Record<CompanySizeBand, string>,
  leagues: { world_class: 'Verdensklasse', regional: 'Regional', emerging: 'Spirende' },
  participation: (responded: string, invited: string, rate: string) =>
    `${responded} af ${invited} inviterede har svaret (svarprocent ${rate}).`,
  margin: (points: string) =>
    `Statistisk usikkerhed: en andel kan afvige højst ±${points} procentpoint (95 % sikkerhed).`,
  suppressed: 'Tal fra færre end 5 svar vises ikke (–).',
  tooFew: 'Der er færre end 5 svar i den valgte gruppe, så der vises ingen tal.',
  noResponses: 'Der er ingen svar endnu.',
  answered: (n: string) => `${n} har besvaret spørgsmålet.`,
  answeredHidden: 'Færre end 5 har besvaret spørgsmålet.',
  mean: (n: string) => `Gennemsnit: ${n}`,
  choice: 'Svar',
  count: 'Antal',
  share: 'Andel',
  row: 'Udsagn',
  chartDesc: (question: string) =>
    `Vandrette søjler med andelen af svar på »${question}«. Tallene står i tabellen ved siden af.`,
  texts: (n: number) => `Fritekstsvar (viser ${n})`,
  textsHidden: 'Fritekstsvar vises kun for dem, der står for undersøgelsen.',
  downloads: 'Hent resultaterne',
  csv: 'Resultater (CSV)',
  xlsx: 'Resultater (Excel)',
  raw: 'Rådata: alle svar (CSV)',
  back: 'Tilbage til undersøgelsen',
  toList: 'Alle undersøgelser',
  // downloads
  question: 'Spørgsmål',
  questionKey: 'Nøgle',
  about: 'Om tallene',
  generated: 'Dannet',
  // the company effect survey on /resultater
  effect: {
    heading: 'Virksomhedernes oplevede effekter',
    badge: 'Spørgeskemabaseret',
    intro: (title: string, from: number, to: number) =>
      `Fra spørgeskemaundersøgelsen »${title}« blandt virksomheder, der deltog i klyngernes aktiviteter ${from}-${to}. Tallene er virksomhedernes egne vurderinger og supplerer regnskabet ovenfor, som bygger på klyngernes indberetninger.`,
    shareCaption: 'Andel af de svarende virksomheder, der oplever effekten, hele landet',
    shareDesc:
      'Vandrette søjler med andelen af virksomhederne, der oplever hver effekt. Tallene står i tabellen ved siden af.',
    regionsCaption: 'Effekter fordelt på regioner (virksomhedens adresse)',
    clustersCaption: 'Effekter fordelt på klynger',
    group: 'Gruppe',
    respondents: 'Svar',
    measure: 'Effekt',
    measures: {
      competences: 'Nye kompetencer',
      new_products: 'Nye produkter, services eller processer',
      knowledge_collaboration: 'Samarbejde med videninstitutioner',
      international: 'Nye udenlandske markeder eller partnere',
      turnover: 'Forventer højere omsætning',
      employment: 'Forventer flere ansatte',
    } satisfies Record<EffectMeasure, string>,
  },
};

const en: SurveyResultsMessages = {
  title: (survey) => `Results: ${survey}`,
  filters: 'Choose respondents',
  region: 'Region',
  size: 'Company size',
  cluster: 'Cluster',
  league: 'League',
  all: 'All',
  show: 'Show',
  sizes: {
    micro: 'Under 10 employees',
    small: '10-49 employees',
    medium: '50-249 employees',
    large: '250 employees or more',
  },
  leagues: { world_class: 'World class', regional: 'Regional', emerging: 'Emerging' },
  participation: (responded, invited, rate) =>
    `${responded} of ${invited} invited have answered (response rate ${rate}).`,
  margin: (points) =>
    `Statistical uncertainty: a share may be off by at most ±${points} percentage points (95 % confidence).`,
  suppressed: 'Figures from fewer than 5 answers are not shown (–).',
  tooFew: 'Fewer than 5 have answered in the chosen group, so no figures are shown.',
  noResponses: 'There are no answers yet.',
  answered: (n) => `${n} answered the question.`,
  answeredHidden: 'Fewer than 5 answered the question.',
  mean: (n) => `Mean: ${n}`,
  choice: 'Answer',
  count: 'Count',
  share: 'Share',
  row: 'Statement',
  chartDesc: (question) =>
    `Horizontal bars with the share of answers to “${question}”. The figures are in the table beside it.`,
  texts: (n) => `Free-text answers (showing ${n})`,
  textsHidden: 'Free-text answers are shown only to those who run the survey.',
  downloads: 'Download the results',
  csv: 'Results (CSV)',
  xlsx: 'Results (Excel)',
  raw: 'Raw data: every response (CSV)',
  back: 'Back to the survey',
  toList: 'All surveys',
  question: 'Question',
  questionKey: 'Key',
  about: 'About the figures',
  generated: 'Generated',
  effect: {
    heading: 'Effects the companies report',
    badge: 'Survey-based',
    intro: (title, from, to) =>
      `From the survey “${title}” among companies that took part in the clusters’ activities ${from}-${to}. The figures are the companies’ own assessments and complement the account above, which is based on the clusters’ reporting.`,
    shareCaption: 'Share of responding companies that report the effect, all of Denmark',
    shareDesc:
      'Horizontal bars with the share of companies that report each effect. The figures are in the table beside it.',
    regionsCaption: 'Effects by region (the company’s address)',
    clustersCaption: 'Effects by cluster',
    group: 'Group',
    respondents: 'Answers',
    measure: 'Effect',
    measures: {
      competences: 'New competences',
      new_products: 'New products, services or processes',
      knowledge_collaboration: 'Collaboration with knowledge institutions',
      international: 'New foreign markets or partners',
      turnover: 'Expect higher turnover',
      employment: 'Expect more employees',
    },
  },
};

export type SurveyResultsMessages = Widen<typeof da>;

export function surveyResultsMessages(lang: Lang): SurveyResultsMessages {
  return lang === 'da' ? da : en;
}
