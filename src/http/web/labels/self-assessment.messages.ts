import type { CriterionArea } from '../../../domain/labels/criteria.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

const da = {
  title: (cluster: string) => `Selvevaluering til klyngemærket: ${cluster}`,
  linkText: 'Selvevaluering til klyngemærket',
  intro:
    'Vurder klyngen mod kriterierne bag de europæiske klyngemærker (European Cluster Excellence Initiative: struktur, ledelse, finansiering, strategi, ydelser og resultater). Resultatet viser, hvilket niveau klyngen peger mod; selve mærket tildeles efter en audit.',
  areas: {
    structure: 'Struktur',
    governance: 'Ledelse',
    financing: 'Finansiering',
    strategy: 'Strategi',
    services: 'Ydelser',
    achievements: 'Resultater',
  } as Record<CriterionArea, string>,
  scores: ['Ikke opfyldt', 'Delvist opfyldt', 'Opfyldt'],
  criterion: 'Kriterium',
  score: 'Vurdering',
  notScored: 'Ikke vurderet',
  level: { gold: 'Guld', silver: 'Sølv', bronze: 'Bronze' } as Record<string, string>,
  result: (level: string) => `Selvevalueringen peger mod niveauet ${level}.`,
  incomplete: 'Vurder alle kriterier for at se, hvilket niveau klyngen peger mod.',
  lastChange: 'Senest gemt',
  save: 'Gem selvevalueringen',
  saved: 'Selvevalueringen er gemt.',
  required: 'Vælg en vurdering af kriteriet.',
};

const en: Widen<typeof da> = {
  title: (cluster) => `Self-assessment for the cluster label: ${cluster}`,
  linkText: 'Self-assessment for the cluster label',
  intro:
    'Assess the cluster against the criteria behind the European cluster labels (European Cluster Excellence Initiative: structure, governance, financing, strategy, services and achievements). The result shows which level the cluster points to; the label itself is awarded after an audit.',
  areas: {
    structure: 'Structure',
    governance: 'Governance',
    financing: 'Financing',
    strategy: 'Strategy',
    services: 'Services',
    achievements: 'Achievements',
  },
  scores: ['Not met', 'Partly met', 'Met'],
  criterion: 'Criterion',
  score: 'Assessment',
  notScored: 'Not assessed',
  level: { gold: 'Gold', silver: 'Silver', bronze: 'Bronze' },
  result: (level) => `The self-assessment points to the level ${level}.`,
  incomplete: 'Assess every criterion to see which level the cluster points to.',
  lastChange: 'Last saved',
  save: 'Save the self-assessment',
  saved: 'The self-assessment has been saved.',
  required: 'Choose an assessment of the criterion.',
};

export type SelfAssessmentMessages = typeof da;
const catalogues: Record<Lang, SelfAssessmentMessages> = { da, en };
export const selfAssessmentMessages = (lang: Lang): SelfAssessmentMessages => catalogues[lang];
