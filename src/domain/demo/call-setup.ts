import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  callAssessors,
  callBudgets,
  callChainSteps,
  callCriteria,
  callRequirements,
  callSetups,
  calls,
} from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { danishTimeToInstant } from '../content/time.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

/**
 * The rules of the joint call 2021-2024 as seed 003 sets them out: five pass/fail requirements,
 * four criteria of which the first two weigh most, and about 80 mio. DKK a year from each funder.
 * The weights 35/35/15/15 and the 0-5 scale are the demo's reading of "weighted heaviest".
 */
const JOINT_CALL_SLUG = slugFromTitle('Fælles annoncering af midler til klyngeorganisationer 2021-2024');
const FUNDERS = ['Danmarks Erhvervsfremmebestyrelse', 'Uddannelses- og Forskningsministeriet'];
const YEARS = [2021, 2022, 2023, 2024];

export const JOINT_CALL_REQUIREMENTS = [
  {
    textDa:
      'Én privat, selvstændig juridisk enhed med eget CVR-nummer, der arbejder på et almennyttigt grundlag',
    textEn: 'One private, independent legal entity with its own CVR number, working on a non-profit basis',
    evidenceDa: 'CVR-nummer og vedtægter',
    evidenceEn: 'CVR number and articles of association',
  },
  {
    textDa: 'Opererer på et robust økonomisk og organisatorisk grundlag',
    textEn: 'Operates on a robust economic and organisational basis',
    evidenceDa: 'Seneste årsregnskab og organisationsdiagram',
    evidenceEn: 'Latest annual accounts and organisation chart',
  },
  {
    textDa: 'Har deltagelse i bestyrelsen fra både virksomheder og videninstitutioner',
    textEn: 'Has both companies and knowledge institutions on its board',
    evidenceDa: 'Liste over bestyrelsesmedlemmer',
    evidenceEn: 'List of board members',
  },
  {
    textDa: 'Er guldcertificeret eller har en plan med henblik på opnåelse af guldcertificering',
    textEn: 'Is Gold certified or has a plan to reach Gold certification',
    evidenceDa: 'Certifikat eller plan for guldcertificering',
    evidenceEn: 'Certificate or plan for Gold certification',
  },
  {
    textDa: 'Gør sine ydelser tilgængelige på Virksomhedsguiden',
    textEn: 'Makes its services available on Virksomhedsguiden',
    evidenceDa: 'Link til ydelserne på Virksomhedsguiden',
    evidenceEn: 'Link to the services on Virksomhedsguiden',
    servicesListing: true,
  },
];

export const JOINT_CALL_CRITERIA = [
  {
    titleDa: 'Organisering, kompetencer og kapacitet',
    titleEn: 'Organisation, competences and capacity',
    weight: 35,
  },
  {
    titleDa: 'Kvaliteten og egnetheden af aktiviteterne',
    titleEn: 'Quality and fitness of the activities',
    weight: 35,
  },
  {
    titleDa: 'Indsatsens placering i erhvervs- og innovationsfremmesystemet',
    titleEn: 'Placement in the business and innovation promotion system',
    weight: 15,
  },
  { titleDa: 'Partnerkredsen', titleEn: 'The partner circle', weight: 15 },
];

/** Inserts the joint call's set-up inside the seed's transaction, after the call itself. */
export async function insertDemoCallSetup(tx: Tx): Promise<void> {
  const callId = demoUuid(`call:${JOINT_CALL_SLUG}`);
  await tx.insert(callSetups).values({
    callId,
    titleEn: 'Joint call for cluster organisations 2021-2024',
    summaryEn:
      'Demo: the joint call of the ministry and the Danish Board of Business Development; the cluster organisations were selected on 1 October 2020.',
    firstYear: 2021,
    lastYear: 2024,
  });
  await tx.insert(callBudgets).values(
    FUNDERS.flatMap((name) =>
      YEARS.map((year) => ({
        callId,
        funderId: organisationId(slugFromTitle(name)),
        year,
        amountDkk: 80_000_000,
      })),
    ),
  );
  await tx.insert(callRequirements).values(
    JOINT_CALL_REQUIREMENTS.map((r, i) => ({
      id: demoUuid(`call-requirement:${i + 1}`),
      callId,
      position: i + 1,
      ...r,
    })),
  );
  await tx.insert(callCriteria).values(
    JOINT_CALL_CRITERIA.map((c, i) => ({
      id: demoUuid(`call-criterion:${i + 1}`),
      callId,
      position: i + 1,
      scaleMax: 5,
      ...c,
    })),
  );
  await tx.insert(callAssessors).values({ callId, userId: demoUuid('user:assessor@demo.klyngeportalen.dk') });
  await insertDemoDecisionChain(tx, callId);
}

/**
 * Seed 003's chain, taken in 2020 before the portal: the board's recommendation, both funders'
 * sign-off, the minister's selection on 1 October 2020, both allocations and the grants of
 * 2021-2024 (the demo's grants register). The dates before 1 October are the demo's own.
 */
async function insertDemoDecisionChain(tx: Tx, callId: string) {
  const [board, ministry] = FUNDERS.map((name) => organisationId(slugFromTitle(name))) as [string, string];
  await tx.update(calls).set({ deciderId: ministry }).where(eq(calls.id, callId));
  const on = (date: string) => danishTimeToInstant(date, '12:00') as Date;
  const steps = [
    { step: 'recommendation' as const, organisationId: board, doneAt: on('2020-09-15') },
    { step: 'sign_off' as const, organisationId: board, doneAt: on('2020-09-22') },
    { step: 'sign_off' as const, organisationId: ministry, doneAt: on('2020-09-24') },
    { step: 'selection' as const, organisationId: ministry, doneAt: on('2020-10-01') },
    { step: 'allocation' as const, organisationId: board, doneAt: on('2020-11-16') },
    { step: 'allocation' as const, organisationId: ministry, doneAt: on('2020-11-18') },
    { step: 'grants' as const, organisationId: board, doneAt: on('2020-12-15') },
  ];
  await tx.insert(callChainSteps).values(steps.map((s) => ({ callId, doneBy: null, ...s })));
}
