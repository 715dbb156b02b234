import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { approveReportedYears, deliver, textFile } from '../reporting/delivery-helpers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { generateDelivery } from '../support/delivery-generator.ts';

// The account folds each company's clusters into bit sets of 64 clusters per word; 70 clusters
// with few companies make most companies span both words, and several clusters per company.
const gen = generateDelivery(31, { clusters: 70, companies: 40, activities: 400 });
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await deliver(database, [
    textFile('clusters.csv', gen.clustersCsv),
    textFile('activities.csv', gen.activitiesCsv),
    textFile('participants.csv', gen.participantsCsv),
  ]);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors.slice(0, 3)));
  await approveReportedYears(database);
}, 120_000);
afterAll(() => database?.close());

describe(`performance account over more than 64 clusters (${testDriver()})`, () => {
  it('equals the spec definitions nationally and for clusters on either side of the 64th', async () => {
    for (const year of [2022, 2023]) {
      expect(await performanceAccount(database.db, year), String(year)).toEqual(gen.expected(year));
      expect(
        await performanceAccount(database.db, year, { kind: 'national' }, 'preliminary'),
        `${year} preliminary`,
      ).toEqual(gen.expected(year, undefined, 'preliminary'));
      for (const cvr of [gen.clusterCvrs[0], gen.clusterCvrs[64], gen.clusterCvrs[69]] as string[]) {
        expect(
          await performanceAccount(database.db, year, { kind: 'cluster', cvr }),
          `${year} ${cvr}`,
        ).toEqual(gen.expected(year, cvr));
      }
    }
    const national = await performanceAccount(database.db, 2023);
    // The data must exercise the pair count: companies judged against strongholds in many clusters.
    expect(national.share_outside_strongholds).not.toBeNull();
    expect(national.participating_companies).toBeGreaterThan(30);
  });
});
