import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { emptyAccount, hoursOnly, loadAccountFixture } from './fixture.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadAccountFixture(database);
}, 120_000);
afterAll(() => database?.close());

const zero = emptyAccount(2023);

describe(`performance account per region (${testDriver()})`, () => {
  it('counts Syddanmark: C1 once although it took part in two clusters, and the activities it was in', async () => {
    expect(await performanceAccount(database.db, 2023, { kind: 'region', regionCode: 1083 })).toEqual({
      ...zero,
      year: 2023,
      activities: 2, // A1 and B1
      participating_companies: 1,
      small_participating_companies: 1,
      innovating_companies: 1,
      small_innovating_companies: 1,
      collaborating_companies: 1, // A1 has K1
      international_companies: 1, // B1
      knowledge_institution_participations: 1, // K1 in A1 (not B2: no Syddanmark company there)
      activities_with_knowledge_institution: 1,
      innovating_companies_by_region: { '1083': 1 },
      gold_clusters: 1, // A is seated in Odense
      grant_dkk: 300_000,
      external_funding_dkk: 50_000,
      private_cofinancing_dkk: 15 * 600,
      private_cofinancing_by_source_dkk: hoursOnly(15 * 600),
      knowledge_institution_participations_by_kind: { unknown: 1 },
      share_outside_strongholds: 0.5, // (A, C1) inside stronghold 62, (B, C1) outside stronghold 10
    });
  });

  it('counts Midtjylland and Hovedstaden from their own companies only', async () => {
    expect(await performanceAccount(database.db, 2023, { kind: 'region', regionCode: 1082 })).toEqual({
      ...zero,
      year: 2023,
      activities: 1,
      participating_companies: 1,
      new_idea_companies: 1,
      innovating_companies: 1,
      collaborating_companies: 1,
      knowledge_institution_participations: 1,
      activities_with_knowledge_institution: 1,
      innovating_companies_by_region: { '1082': 1 },
      grant_dkk: 100_000,
      external_funding_dkk: 50_000,
      private_cofinancing_dkk: 6_000,
      private_cofinancing_by_source_dkk: hoursOnly(6_000),
      knowledge_institution_participations_by_kind: { unknown: 1 },
    });
    expect(await performanceAccount(database.db, 2023, { kind: 'region', regionCode: 1084 })).toEqual({
      ...zero,
      year: 2023,
      activities: 1,
      participating_companies: 1,
      small_participating_companies: 1,
      new_competence_companies: 1,
      international_companies: 1,
      grant_dkk: 200_000,
      private_cofinancing_dkk: 3_000,
      private_cofinancing_by_source_dkk: hoursOnly(3_000),
    });
  });

  it('counts Nordjylland: no companies there, but the Silver cluster seated in Aalborg', async () => {
    expect(await performanceAccount(database.db, 2023, { kind: 'region', regionCode: 1081 })).toEqual({
      ...zero,
      year: 2023,
      silver_clusters: 1,
    });
  });

  it('agrees with the national account: regions split the companies the national figure counts once', async () => {
    const national = await performanceAccount(database.db, 2023);
    expect(national.participating_companies).toBe(4);
    expect(national.innovating_companies_by_region).toEqual({ '1082': 1, '1083': 1, unknown: 1 });
    let known = 0;
    for (const regionCode of [1081, 1082, 1083, 1084, 1085]) {
      const account = await performanceAccount(database.db, 2023, { kind: 'region', regionCode });
      known += account.participating_companies;
      expect(account.innovating_companies).toBe(
        national.innovating_companies_by_region[String(regionCode)] ?? 0,
      );
    }
    expect(known).toBe(3); // C4 has no address
  });

  it('counts only the year asked for', async () => {
    const account = await performanceAccount(database.db, 2022, { kind: 'region', regionCode: 1083 });
    expect(account).toMatchObject({ activities: 1, participating_companies: 1, new_competence_companies: 1 });
  });
});
