import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { BOTH, CVR, emptyAccount, funderOf, loadAccountFixture, ONLY_A, ONLY_B } from './fixture.ts';

/*
 * The league and funder scopes on the hand-made fixture, every figure worked out by hand from
 * its rows (ONLY_A, ONLY_B and BOTH in fixture.ts). C1 takes part in A1 (cluster A) and B1 (cluster B), so a scope that
 * let the other cluster's rows in, or counted C1 per cluster, would get other numbers.
 */

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadAccountFixture(database);
}, 120_000);
afterAll(() => database?.close());

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
