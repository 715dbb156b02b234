import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { LEAGUES } from '../../src/domain/performance/schemas.ts';
import { approveReportedYears, deliver, textFile } from '../reporting/delivery-helpers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { generateDelivery } from '../support/delivery-generator.ts';
import { funderOf } from './fixture.ts';

// Seven clusters in three leagues drawing on one pool of 30 companies: most companies take part
// in clusters of several leagues, so each league and funder scope must pick its own clusters'
// rows and count a company once within them, classified by its latest participation among them.
// The expectations come from the generator's model, written in plain JavaScript over the
// generated rows. Four of the clusters have their years approved: the official accounts count
// those, the preliminary ones every cluster.
const gen = generateDelivery(73, { clusters: 7, companies: 30, activities: 160, leagues: LEAGUES });
const cvrs = gen.clusterCvrs;
const approved = [cvrs[0], cvrs[2], cvrs[3], cvrs[5]] as string[];
const official = (members: readonly string[]) => members.filter((c) => approved.includes(c));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await deliver(database, [
    textFile('clusters.csv', gen.clustersCsv),
    textFile('activities.csv', gen.activitiesCsv),
    textFile('participants.csv', gen.participantsCsv),
  ]);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors.slice(0, 3)));
  await approveReportedYears(database, approved);
}, 120_000);
afterAll(() => database?.close());

const companies = (account: Record<string, unknown>) => account.participating_companies as number;

describe(`league and funder accounts against the model (${testDriver()})`, () => {
  it('equals the model for each league, whose companies overlap', async () => {
    for (const year of [2022, 2023]) {
      let summed = 0;
      for (const league of LEAGUES) {
        const members = cvrs.filter((_, i) => gen.clusterLeagues[i] === league);
        expect(members.length, league).toBeGreaterThan(1);
        const expected = gen.expected(year, members, 'preliminary');
        const scope = { kind: 'league', league } as const;
        expect(
          await performanceAccount(database.db, year, scope, 'preliminary'),
          `${year} ${league}`,
        ).toEqual(expected);
        expect(await performanceAccount(database.db, year, scope), `${year} ${league} official`).toEqual(
          gen.expected(year, official(members)),
        );
        summed += companies(expected);
      }
      // Companies in clusters of several leagues: the leagues' counts add up to more than the nation's.
      expect(summed, String(year)).toBeGreaterThan(companies(gen.expected(year)));
      expect(await performanceAccount(database.db, year), `${year} national official`).toEqual(
        gen.expected(year, approved),
      );
      expect(
        await performanceAccount(database.db, year, { kind: 'national' }, 'preliminary'),
        `${year} national`,
      ).toEqual(gen.expected(year, undefined, 'preliminary'));
    }
  });

  it('equals the model for the clusters a funder funds in each year', async () => {
    const grants = {
      2022: [cvrs[1], cvrs[4], cvrs[5]],
      2023: [cvrs[0], cvrs[2], cvrs[3], cvrs[6]],
    } as Record<number, string[]>;
    const funderId = await funderOf(database, grants);
    const elsewhere = await funderOf(database, { 2023: [cvrs[1] as string] });
    for (const year of [2022, 2023]) {
      const funded = grants[year] as string[];
      const expected = gen.expected(year, funded, 'preliminary');
      expect(companies(expected), String(year)).toBeGreaterThan(0);
      const scope = { kind: 'funder', funderId } as const;
      expect(await performanceAccount(database.db, year, scope, 'preliminary'), String(year)).toEqual(
        expected,
      );
      expect(await performanceAccount(database.db, year, scope), `${year} official`).toEqual(
        gen.expected(year, official(funded)),
      );
    }
    const other = { kind: 'funder', funderId: elsewhere } as const;
    expect(await performanceAccount(database.db, 2023, other, 'preliminary')).toEqual(
      gen.expected(2023, cvrs[1], 'preliminary'),
    );
    // Its one cluster is not approved: nothing official.
    expect(await performanceAccount(database.db, 2023, other)).toEqual(gen.expected(2023, []));
    // A year without grants: nothing, not the clusters of another year.
    expect(await performanceAccount(database.db, 2022, other, 'preliminary')).toEqual(
      gen.expected(2022, [], 'preliminary'),
    );
  });
});
