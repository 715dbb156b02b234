import type { Tx } from '../../db/client.ts';
import { clusterEvaluations, clusterGoals } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { demoUuid } from './ids.ts';
import { NATIONAL_PERIOD, organisationId } from './organisations.ts';

const cluster = (name: string) => organisationId(slugFromTitle(name));
const FUNDER_EMAIL = 'funder@demo.klyngeportalen.dk';
const UFM = organisationId('uddannelses-og-forskningsministeriet');

/**
 * The mid-term evaluation's demo: Odense Robotics (the demo cluster login) has action-plan goals
 * for 2023, one of them missed; the ministry has concluded twice on Danish Sound Cluster, whose
 * collaboration with knowledge institutions has been in the league's bottom quartile.
 */
export async function insertDemoEvaluation(tx: Tx): Promise<void> {
  const robotics = cluster('Odense Robotics');
  await tx.insert(clusterGoals).values([
    { clusterId: robotics, year: 2023, key: 'participating_companies', value: 400 },
    { clusterId: robotics, year: 2023, key: 'innovating_companies', value: 80 },
    { clusterId: robotics, year: 2023, key: 'collaborating_companies', value: 55 },
  ]);
  const sound = cluster('Danish Sound Cluster');
  const decided = (at: string, conclusion: 'continue' | 'adjust', reasoning: string) => ({
    id: demoUuid(`evaluation:danish-sound-cluster:${at}`),
    clusterId: sound,
    periodFrom: NATIONAL_PERIOD.from,
    periodTo: NATIONAL_PERIOD.to,
    conclusion,
    reasoning,
    funderId: UFM,
    decidedBy: demoUuid(`user:${FUNDER_EMAIL}`),
    decidedByLabel: FUNDER_EMAIL,
    decidedAt: new Date(at),
  });
  await tx
    .insert(clusterEvaluations)
    .values([
      decided(
        '2024-06-03T09:00:00Z',
        'continue',
        'Foreløbig vurdering efter 2023: aktivitetsniveauet er stabilt i forhold til klyngens udgangspunkt i 2021.',
      ),
      decided(
        '2025-03-14T10:00:00Z',
        'adjust',
        'Samarbejdet mellem virksomheder og videninstitutioner ligger i ligaens nederste kvartil tre år i træk. Bevillingen fortsætter, men handlingsplanen for 2025 skal indeholde flere samarbejdsprojekter med videninstitutioner.',
      ),
    ]);
}
