/**
 * The label criteria a cluster assesses itself against (issue 20, item 7): data, not code. They
 * follow the six areas of the European Cluster Excellence Initiative's quality label indicators
 * (structure, governance, financing, strategy, services, achievements), one criterion per
 * indicator the Danish programme stresses. Each is scored 0 (not met), 1 (partly) or 2 (met).
 */
export const CRITERION_AREAS = [
  'structure',
  'governance',
  'financing',
  'strategy',
  'services',
  'achievements',
] as const;
export type CriterionArea = (typeof CRITERION_AREAS)[number];

export interface LabelCriterion {
  key: string;
  area: CriterionArea;
  da: string;
  en: string;
}

export const LABEL_CRITERIA: readonly LabelCriterion[] = [
  {
    key: 'members',
    area: 'structure',
    da: 'Mindst 20 aktive virksomheder er med i klyngen',
    en: 'At least 20 active companies take part in the cluster',
  },
  {
    key: 'composition',
    area: 'structure',
    da: 'Virksomheder, videninstitutioner og offentlige aktører er med',
    en: 'Companies, knowledge institutions and public actors take part',
  },
  {
    key: 'staff',
    area: 'structure',
    da: 'Klyngeorganisationen har mindst 1 årsværk med klare roller',
    en: 'The cluster organisation has at least 1 full-time equivalent with clear roles',
  },
  {
    key: 'board',
    area: 'governance',
    da: 'Bestyrelsen har virksomheder og videninstitutioner og mødes jævnligt',
    en: 'The board has companies and knowledge institutions and meets regularly',
  },
  {
    key: 'stakeholders',
    area: 'governance',
    da: 'Medlemmerne inddrages i beslutninger om klyngens retning',
    en: 'The members are involved in decisions on the cluster’s direction',
  },
  {
    key: 'fundingMix',
    area: 'financing',
    da: 'Finansieringen kommer fra flere kilder, også private',
    en: 'Funding comes from several sources, private ones included',
  },
  {
    key: 'budget',
    area: 'financing',
    da: 'Der er et flerårigt budget med opfølgning',
    en: 'There is a multi-year budget that is followed up',
  },
  {
    key: 'strategy',
    area: 'strategy',
    da: 'En skriftlig strategi med mål og indikatorer er vedtaget',
    en: 'A written strategy with goals and indicators is adopted',
  },
  {
    key: 'actionPlan',
    area: 'strategy',
    da: 'Den årlige handlingsplan følger strategien',
    en: 'The annual action plan follows the strategy',
  },
  {
    key: 'serviceOffer',
    area: 'services',
    da: 'Klyngen har et beskrevet tilbud af ydelser til medlemmerne',
    en: 'The cluster has a described offer of services to its members',
  },
  {
    key: 'internationalisation',
    area: 'services',
    da: 'Klyngen hjælper medlemmerne med internationalt samarbejde',
    en: 'The cluster helps its members with international collaboration',
  },
  {
    key: 'results',
    area: 'achievements',
    da: 'Resultater (projekter, innovationer) måles og formidles',
    en: 'Results (projects, innovations) are measured and communicated',
  },
  {
    key: 'satisfaction',
    area: 'achievements',
    da: 'Medlemmernes tilfredshed måles mindst hvert andet år',
    en: 'Member satisfaction is measured at least every other year',
  },
];

export const SCORES = [0, 1, 2] as const;
export type Score = (typeof SCORES)[number];

/**
 * The level a self-assessment indicates, from the share of criteria met (scored 2) and the share
 * of the highest possible score: Gold asks at least 80 % met (as ECEI's Gold asks 80 % of its
 * indicators), Silver 60 % of the highest score, Bronze a complete self-assessment (Bronze is the
 * self-assessment benchmark). Indicative only: the label itself is awarded by an ESCA audit.
 */
export const LEVEL_RULES = { goldMetShare: 0.8, silverScoreShare: 0.6 } as const;

export type IndicatedLevel = 'gold' | 'silver' | 'bronze' | null;

export function indicatedLevel(scores: Readonly<Record<string, Score | undefined>>): IndicatedLevel {
  const given = LABEL_CRITERIA.map((c) => scores[c.key]);
  if (given.some((s) => s === undefined)) return null;
  const n = LABEL_CRITERIA.length;
  const met = given.filter((s) => s === 2).length;
  const total = given.reduce<number>((sum, s) => sum + (s ?? 0), 0);
  if (met / n >= LEVEL_RULES.goldMetShare) return 'gold';
  if (total / (2 * n) >= LEVEL_RULES.silverScoreShare) return 'silver';
  return 'bronze';
}
