import { and, eq, inArray } from 'drizzle-orm';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { clusterLabels, fundingGrants, organisations } from '../../src/db/schema/index.ts';
import type { PerformanceAccount } from '../../src/domain/performance/account.ts';
import { approveReportedYears, deliver, textFile } from '../reporting/delivery-helpers.ts';
import { createOrganisation } from '../support/factories.ts';

/**
 * A small hand-made delivery whose accounts are worked out by hand in the tests that use it.
 * Cluster A (regional league) sits in Odense (Syddanmark, 1083) with stronghold 62 and a Gold
 * label; cluster B (world-class league) in Aalborg (Nordjylland, 1081) with stronghold 10 and a
 * Silver label awarded in 2023. C1 takes part in both clusters.
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

/**
 * Loads the fixture and has its funders approve every year it reports (A 2022 and 2023, B 2023), so
 * its official accounts are the figures worked out by hand.
 */
export async function loadAccountFixture(database: Database): Promise<void> {
  const outcome = await deliver(database, [
    textFile('clusters.csv', clustersCsv),
    textFile('activities.csv', activitiesCsv),
    textFile('participants.csv', participantsCsv),
  ]);
  if (!outcome.ok) throw new Error(`fixture rejected: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
  await approveReportedYears(database);
  const ids = await clusterIds(database, [CVR.A, CVR.B]);
  const id = (cvr: string) => ids.get(cvr) as string;
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

/** An account with nothing in it: the figures a scope without activities, companies or labels has. */
export const emptyAccount = (year: number): PerformanceAccount => ({
  year,
  preliminary: false,
  activities: 0,
  participating_companies: 0,
  small_participating_companies: 0,
  new_competence_companies: 0,
  new_idea_companies: 0,
  innovating_companies: 0,
  small_innovating_companies: 0,
  collaborating_companies: 0,
  international_companies: 0,
  knowledge_institution_participations: 0,
  activities_with_knowledge_institution: 0,
  innovating_companies_by_region: {},
  gold_clusters: 0,
  silver_clusters: 0,
  bronze_clusters: 0,
  grant_dkk: 0,
  external_funding_dkk: 0,
  private_cofinancing_dkk: 0,
  eu_applications: 0,
  private_cofinancing_by_source_dkk: { hours: 0, fees: 0, sponsorship: 0, foundations: 0 },
  knowledge_institution_participations_by_kind: {},
  share_outside_strongholds: null,
});

/** Private co-financing by source of the fixture, whose activities report staff hours only. */
export const hoursOnly = (dkk: number) => ({ hours: dkk, fees: 0, sponsorship: 0, foundations: 0 });

/** The organisation ids of cluster organisations, by CVR. */
export async function clusterIds(database: Database, cvrs: readonly string[]): Promise<Map<string, string>> {
  const rows = await database.db
    .select({ id: organisations.id, cvr: organisations.cvr })
    .from(organisations)
    .where(and(eq(organisations.kind, 'cluster_organisation'), inArray(organisations.cvr, [...cvrs])));
  return new Map(rows.map((r) => [r.cvr as string, r.id]));
}

/** A funder organisation that funds the given clusters (by CVR) in the given years. */
export async function funderOf(
  database: Database,
  grants: Record<number, readonly string[]>,
): Promise<string> {
  const funder = await createOrganisation(database.db, { kind: 'funder' });
  const ids = await clusterIds(database, Object.values(grants).flat());
  const rows = Object.entries(grants).flatMap(([year, cvrs]) =>
    cvrs.map((cvr) => ({
      funderId: funder.id,
      clusterId: ids.get(cvr) as string,
      year: Number(year),
      amountDkk: 1_000_000,
    })),
  );
  if (rows.length > 0)
    await withActor(database.db, systemActor('test'), (tx) => tx.insert(fundingGrants).values(rows));
  return funder.id;
}

/** Cluster A alone in 2023: A1 with C1 (product), C2 (idea, product) and K1. */
export const ONLY_A: PerformanceAccount = {
  ...emptyAccount(2023),
  activities: 1,
  participating_companies: 2, // C1, C2
  small_participating_companies: 1, // C1 (10 employees; C2 has 100)
  new_idea_companies: 1, // C2
  innovating_companies: 2,
  small_innovating_companies: 1,
  collaborating_companies: 2, // A1 is innovation collaboration with K1
  knowledge_institution_participations: 1,
  activities_with_knowledge_institution: 1,
  innovating_companies_by_region: { '1082': 1, '1083': 1 }, // C2 Aarhus, C1 Odense
  gold_clusters: 1, // A: gold 2022-06-01 to 2024-06-01
  grant_dkk: 100_000,
  external_funding_dkk: 50_000,
  private_cofinancing_dkk: 10 * 600,
  private_cofinancing_by_source_dkk: hoursOnly(10 * 600),
  knowledge_institution_participations_by_kind: { unknown: 1 }, // K1's kind is not given
  share_outside_strongholds: 0, // (A, C1): 620100 inside stronghold 62; C2 has no industry
};

/** Cluster B alone in 2023: B1 with C1 (product), C3 (competence); B2 with C4 (product) and K1. */
export const ONLY_B: PerformanceAccount = {
  ...emptyAccount(2023),
  activities: 2,
  participating_companies: 3, // C1, C3, C4
  small_participating_companies: 3, // 10, 5 and 20 employees
  new_competence_companies: 1, // C3
  innovating_companies: 2, // C1, C4
  small_innovating_companies: 2,
  international_companies: 2, // B1: C1, C3
  knowledge_institution_participations: 1, // K1 in B2, a networking activity: no collaboration
  activities_with_knowledge_institution: 1,
  innovating_companies_by_region: { '1083': 1, unknown: 1 }, // C1 Odense, C4 without address
  silver_clusters: 1, // B: silver from 2023-01-15
  grant_dkk: 500_000,
  private_cofinancing_dkk: 5 * 600,
  private_cofinancing_by_source_dkk: hoursOnly(5 * 600),
  knowledge_institution_participations_by_kind: { unknown: 1 },
  share_outside_strongholds: 1, // (B, C1): 620100 outside stronghold 10
};

/** Both clusters in 2023: C1 once, its pairs (A, C1) inside and (B, C1) outside. */
export const BOTH: PerformanceAccount = {
  ...emptyAccount(2023),
  activities: 3,
  participating_companies: 4,
  small_participating_companies: 3,
  new_competence_companies: 1,
  new_idea_companies: 1,
  innovating_companies: 3, // C1, C2, C4
  small_innovating_companies: 2, // C1, C4
  collaborating_companies: 2,
  international_companies: 2,
  knowledge_institution_participations: 2,
  activities_with_knowledge_institution: 2,
  innovating_companies_by_region: { '1082': 1, '1083': 1, unknown: 1 },
  gold_clusters: 1,
  silver_clusters: 1,
  grant_dkk: 600_000,
  external_funding_dkk: 50_000,
  private_cofinancing_dkk: 15 * 600,
  private_cofinancing_by_source_dkk: hoursOnly(15 * 600),
  knowledge_institution_participations_by_kind: { unknown: 2 },
  share_outside_strongholds: 0.5,
};
