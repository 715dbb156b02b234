import type { targetSets, targets } from '../../db/schema/index.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

/**
 * Klyngeforum's targets (pejlemærker) 2016-2018 with their 2014 status, from seed 001
 * ("Danmarks klyngestrategi 2.0"). Klyngeforum has no CVR of its own; the set is owned by the
 * ministry, which chaired it, so that ministry's funders can keep it up to date.
 */
const SET_ID = demoUuid('target-set:klyngestrategi-2016-2018');

const STRATEGY_2016_2018: typeof targetSets.$inferInsert = {
  id: SET_ID,
  funderId: organisationId('uddannelses-og-forskningsministeriet'),
  nameDa: 'Pejlemærker for klyngeindsatsen 2016-2018',
  nameEn: 'Targets of the cluster programme 2016-2018',
  periodFrom: 2016,
  periodTo: 2018,
};

type TargetRow = typeof targets.$inferInsert;

const target = (row: Omit<TargetRow, 'id' | 'setId' | 'version'>): TargetRow => ({
  id: demoUuid(`target:klyngestrategi-2016-2018:${row.code}`),
  setId: SET_ID,
  version: 1,
  ...row,
});

const TARGETS_2016_2018: readonly TargetRow[] = [
  // Exact: "udviklet nye innovationer" is new_product = 1, the spec's definition for target 1.
  target({
    code: '1',
    position: 1,
    metric: 'innovating_companies',
    labelDa:
      'Mindst 2.000 virksomheder har årligt udviklet nye innovationer som følge af klyngeaktiviteterne',
    labelEn: 'At least 2,000 companies a year develop new innovations through cluster activities',
    baselineYear: 2014,
    baselineValue: 1600,
    targetValue: 2000,
    direction: 'at_least',
  }),
  // No number: seed 001 says there were no data to set one from; the distribution is shown.
  target({
    code: '2',
    position: 2,
    metric: 'innovating_companies_by_region',
    labelDa: 'En passende regional fordeling af de virksomheder, der har udviklet nye innovationer',
    labelEn: 'An appropriate regional distribution of the companies that developed new innovations',
    direction: 'none',
    note: 'Intet måltal i strategien; fordelingen vises. / No number in the strategy; the distribution is shown.',
  }),
  // Approximate: the strategy counts companies in collaboration projects with knowledge
  // institutions; the account counts companies in innovation_collaboration activities with a
  // knowledge-institution participant. The 2014 status (1,800) was measured as R&D collaboration.
  target({
    code: '3',
    position: 3,
    metric: 'collaborating_companies',
    labelDa:
      'Mindst 2.500 virksomheder deltager årligt i samarbejdsprojekter med videninstitutioner gennem klyngerne',
    labelEn:
      'At least 2,500 companies a year take part in collaboration projects with knowledge institutions',
    baselineYear: 2014,
    baselineValue: 1800,
    targetValue: 2500,
    direction: 'at_least',
    note: 'Tilnærmet: innovationssamarbejder med mindst én videninstitution. / Approximate: innovation collaborations with at least one knowledge institution.',
  }),
  // Approximate: "internationale aktiviteter" is measured as the internationalisation category.
  target({
    code: '4',
    position: 4,
    metric: 'international_companies',
    labelDa: 'Mindst 1.500 virksomheder deltager årligt i internationale aktiviteter gennem klyngerne',
    labelEn: 'At least 1,500 companies a year take part in international activities through the clusters',
    baselineYear: 2014,
    baselineValue: 900,
    targetValue: 1500,
    direction: 'at_least',
    note: 'Tilnærmet: aktiviteter i kategorien internationalisering. / Approximate: activities of the internationalisation category.',
  }),
  // Target 5 ("at least 10 Gold and 10 Silver clusters") is two numbers: one target each.
  target({
    code: '5a',
    position: 5,
    metric: 'gold_clusters',
    labelDa: 'Danmark skal have mindst 10 Guld-klynger',
    labelEn: 'Denmark should have at least 10 Gold clusters',
    baselineYear: 2014,
    baselineValue: 7,
    targetValue: 10,
    direction: 'at_least',
  }),
  target({
    code: '5b',
    position: 6,
    metric: 'silver_clusters',
    labelDa: 'Danmark skal have mindst 10 Sølv-klynger',
    labelEn: 'Denmark should have at least 10 Silver clusters',
    baselineYear: 2014,
    baselineValue: 2,
    targetValue: 10,
    direction: 'at_least',
  }),
];

/**
 * The years the demo reports (2021-2023) are judged against targets in force in those years only.
 * No public targets for 2021-2024 exist in the sources, so the demo carries the 2016-2018 targets
 * forward into a set of its own, named as demo data.
 */
const FOLLOW_UP_ID = demoUuid('target-set:demo-2021-2024');

export const DEMO_TARGET_SETS: readonly (typeof targetSets.$inferInsert)[] = [
  STRATEGY_2016_2018,
  {
    id: FOLLOW_UP_ID,
    funderId: STRATEGY_2016_2018.funderId,
    nameDa: 'Pejlemærker for klyngeindsatsen 2021-2024 (demo: målene fra 2016-2018 videreført)',
    nameEn: 'Targets of the cluster programme 2021-2024 (demo: the 2016-2018 targets carried forward)',
    periodFrom: 2021,
    periodTo: 2024,
  },
];

export const DEMO_TARGETS: readonly TargetRow[] = [
  ...TARGETS_2016_2018,
  ...TARGETS_2016_2018.map((t) => ({
    ...t,
    id: demoUuid(`target:demo-2021-2024:${t.code}`),
    setId: FOLLOW_UP_ID,
  })),
];
