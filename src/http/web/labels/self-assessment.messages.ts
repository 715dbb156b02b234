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
  plan: {
    heading: 'Forbedringsplan',
    intro: 'Handlinger, der skal løfte klyngen mod det næste mærke, med en dato for hver.',
    none: 'Ingen handlinger endnu.',
    action: 'Handling',
    dueOn: 'Frist',
    status: 'Status',
    open: 'Åben',
    done: (date: string) => `Udført ${date}`,
    markDone: 'Marker som udført',
    markDoneLabel: (title: string) => `Marker »${title}« som udført`,
    newHeading: 'Ny handling',
    title: 'Handling',
    dueLegend: 'Frist',
    add: 'Tilføj handling',
    added: 'Handlingen er tilføjet.',
    doneSaved: 'Handlingen er markeret som udført.',
    errors: {
      required: 'Udfyld feltet.',
      tooLong: 'Teksten er for lang: højst 300 tegn.',
      invalidDate: 'Skriv en rigtig dato: dag, måned og år.',
    } as Record<string, string>,
  },
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
  plan: {
    heading: 'Improvement plan',
    intro: 'Actions that are to lift the cluster towards the next label, each with a date.',
    none: 'No actions yet.',
    action: 'Action',
    dueOn: 'Due',
    status: 'Status',
    open: 'Open',
    done: (date) => `Done ${date}`,
    markDone: 'Mark as done',
    markDoneLabel: (title) => `Mark “${title}” as done`,
    newHeading: 'New action',
    title: 'Action',
    dueLegend: 'Due date',
    add: 'Add action',
    added: 'The action has been added.',
    doneSaved: 'The action has been marked as done.',
    errors: {
      required: 'Fill in the field.',
      tooLong: 'The text is too long: at most 300 characters.',
      invalidDate: 'Write a real date: day, month and year.',
    },
  },
};

export type SelfAssessmentMessages = typeof da;
const catalogues: Record<Lang, SelfAssessmentMessages> = { da, en };
export const selfAssessmentMessages = (lang: Lang): SelfAssessmentMessages => catalogues[lang];
