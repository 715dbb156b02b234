import { sql } from 'drizzle-orm';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { clusterLabels } from '../../src/db/schema/index.ts';
import { deliver, textFile } from '../reporting/delivery-helpers.ts';

/**
 * A small hand-made delivery whose accounts are worked out by hand in the tests that use it.
 * Cluster A sits in Odense (Syddanmark, 1083) with stronghold 62 and a Gold label; cluster B
 * in Aalborg (Nordjylland, 1081) with stronghold 10 and a Silver label.
 * Companies: C1 Odense 10 empl. 620100, C2 Aarhus (Midtjylland) 100 empl., C3 København
 * (Hovedstaden) 5 empl., C4 without address; K1 a knowledge institution.
 * 2023: A1 innovation_collaboration (C1 product, C2 idea+product, K1), B1 internationalisation
 * (C1 product, C3 competence), B2 networking (C4 product, K1). 2022: A2 (C1).
 */
export const CVR = {
  A: '30000005',
  B: '30001370',
  C1: '30002741',
  C2: '30004116',
  C3: '30005481',
  C4: '30006852',
  K1: '30008227',
} as const;

const clustersCsv = `cvr,name,league,municipality_code,stronghold_industries
${CVR.A},Klynge A,regional,461,62
${CVR.B},Klynge B,world_class,851,10
`;
const activitiesCsv = `cluster_cvr,activity_ref,title,category,start_date,grant_dkk,external_funding_dkk,private_cofinancing_hours
${CVR.A},A1,Samarbejde,innovation_collaboration,2023-03-01,100000,50000,10
${CVR.A},A2,Sidste år,networking,2022-05-01,7000,,
${CVR.B},B1,Eksport,internationalisation,2023-04-01,200000,,5
${CVR.B},B2,Netværk,networking,2023-09-01,300000,,
`;
const participantsCsv = `cluster_cvr,activity_ref,participant_type,cvr,name,employees,municipality_code,industry_code,new_competence,new_idea,new_product
${CVR.A},A1,company,${CVR.C1},C1,10,461,620100,0,0,1
${CVR.A},A1,company,${CVR.C2},C2,100,751,,0,1,1
${CVR.A},A1,knowledge_institution,${CVR.K1},K1,,101,,0,0,0
${CVR.A},A2,company,${CVR.C1},C1,10,461,620100,1,1,1
${CVR.B},B1,company,${CVR.C1},C1,10,461,620100,0,0,1
${CVR.B},B1,company,${CVR.C3},C3,5,101,,1,0,0
${CVR.B},B2,company,${CVR.C4},C4,20,,,0,0,1
${CVR.B},B2,knowledge_institution,${CVR.K1},K1,,101,,0,0,0
`;

export async function loadAccountFixture(database: Database): Promise<void> {
  const outcome = await deliver(database, [
    textFile('clusters.csv', clustersCsv),
    textFile('activities.csv', activitiesCsv),
    textFile('participants.csv', participantsCsv),
  ]);
  if (!outcome.ok) throw new Error(`fixture rejected: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
  const orgs = await queryRows<{ id: string; cvr: string }>(
    database.db,
    sql`select id, cvr from organisations where cvr in (${CVR.A}, ${CVR.B})`,
  );
  const id = (cvr: string) => orgs.find((o) => o.cvr === cvr)?.id as string;
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.insert(clusterLabels).values([
      {
        organisationId: id(CVR.A),
        level: 'gold',
        awardedOn: '2022-06-01',
        validUntil: '2024-06-01',
        assessingBody: 'ESCA',
      },
      {
        organisationId: id(CVR.B),
        level: 'silver',
        awardedOn: '2023-01-15',
        validUntil: '2025-01-15',
        assessingBody: 'ESCA',
      },
    ]),
  );
}
