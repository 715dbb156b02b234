import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { type PerformanceAccount, performanceAccount } from '../../src/domain/performance/account.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { CVR, emptyAccount, funderOf, loadAccountFixture } from './fixture.ts';

/*
 * The league and funder scopes on the hand-made fixture, every figure worked out by hand from
 * its rows (see fixture.ts). C1 takes part in A1 (cluster A) and B1 (cluster B), so a scope that
 * let the other cluster's rows in, or counted C1 per cluster, would get other numbers.
 */

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadAccountFixture(database);
}, 120_000);
afterAll(() => database?.close());

/** Cluster A alone in 2023: A1 with C1 (product), C2 (idea, product) and K1. */
const ONLY_A: PerformanceAccount = {
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
  share_outside_strongholds: 0, // (A, C1): 620100 inside stronghold 62; C2 has no industry
};

/** Cluster B alone in 2023: B1 with C1 (product), C3 (competence); B2 with C4 (product) and K1. */
const ONLY_B: PerformanceAccount = {
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
  share_outside_strongholds: 1, // (B, C1): 620100 outside stronghold 10
};

/** Both clusters in 2023: C1 once, its pairs (A, C1) inside and (B, C1) outside. */
const BOTH: PerformanceAccount = {
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
  share_outside_strongholds: 0.5,
};

describe(`performance account per league (${testDriver()})`, () => {
  it('counts only the clusters of the league: A is regional, B world-class', async () => {
    const league = (name: 'world_class' | 'regional' | 'emerging') =>
      performanceAccount(database.db, 2023, { kind: 'league', league: name });
    expect(await league('regional')).toEqual(ONLY_A);
    expect(await league('world_class')).toEqual(ONLY_B);
    expect(await league('emerging')).toEqual(emptyAccount(2023));
    expect(await performanceAccount(database.db, 2023)).toEqual(BOTH);
  });

  it('counts only the year asked for', async () => {
    // 2022: A2 (networking, 7,000 kr.) with C1 (competence, idea, product); A's gold label.
    expect(await performanceAccount(database.db, 2022, { kind: 'league', league: 'regional' })).toEqual({
      ...emptyAccount(2022),
      activities: 1,
      participating_companies: 1,
      small_participating_companies: 1,
      new_competence_companies: 1,
      new_idea_companies: 1,
      innovating_companies: 1,
      small_innovating_companies: 1,
      innovating_companies_by_region: { '1083': 1 },
      gold_clusters: 1,
      grant_dkk: 7_000,
      share_outside_strongholds: 0,
    });
  });
});

describe(`performance account per funder (${testDriver()})`, () => {
  it('counts the clusters the funder funds in the year of the account, and no others', async () => {
    // One funder: A in 2023, B in 2022. Another: both in 2023. A third funds nothing.
    const first = await funderOf(database, { 2023: [CVR.A], 2022: [CVR.B] });
    const second = await funderOf(database, { 2023: [CVR.A, CVR.B] });
    const third = await funderOf(database, {});
    const funder = (funderId: string, year: number) =>
      performanceAccount(database.db, year, { kind: 'funder', funderId });

    expect(await funder(first, 2023)).toEqual(ONLY_A);
    // B in 2022: no activities, and its silver label came in 2023; A2 of 2022 is not this funder's.
    expect(await funder(first, 2022)).toEqual(emptyAccount(2022));
    expect(await funder(second, 2023)).toEqual(BOTH);
    expect(await funder(second, 2022)).toEqual(emptyAccount(2022));
    expect(await funder(third, 2023)).toEqual(emptyAccount(2023));
  });
});
