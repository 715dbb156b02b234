import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { approveReportedYears, deliver, textFile } from '../reporting/delivery-helpers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createTestApp, type TestApp } from '../support/http.ts';

/*
 * Reporting format 1.1: company data belongs to the delivery that reported it. Cluster A reports
 * company X as a small company in Odense (Syddanmark, 1083) and has its 2023 approved; then
 * cluster B reports the same CVR as 5,000 employees in København (Hovedstaden, 1084) in an activity
 * of the same day. A's own figures and pages stay as they were; nationally, X is classified by its
 * latest participation: same start date, so the later delivery (B's).
 */
const CVR = { A: '30000005', B: '30001370', X: '30002741', Y: '30004116' } as const;
let database: Database;
let t: TestApp;

const clustersCsv = `cvr,name,league,municipality_code,stronghold_industries
${CVR.A},Klynge A,regional,461,62
${CVR.B},Klynge B,regional,851,10
`;
const activities = (cluster: string, ref: string, start: string) =>
  textFile(
    'activities.csv',
    `cluster_cvr,activity_ref,title,category,start_date\n${cluster},${ref},Møde,networking,${start}\n`,
  );
const participants = (cluster: string, ref: string, x: string) =>
  textFile(
    'participants.csv',
    `cluster_cvr,activity_ref,participant_type,cvr,name,employees,municipality_code,industry_code,new_product
${cluster},${ref},company,${CVR.X},${x},1
${cluster},${ref},company,${CVR.Y},Y ApS,20,461,282900,0
`,
  );

async function load(files: Parameters<typeof deliver>[1]) {
  const outcome = await deliver(database, files);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors.slice(0, 3)));
}

const account = (scope?: { kind: 'cluster'; cvr: string }, basis: 'official' | 'preliminary' = 'official') =>
  performanceAccount(database.db, 2023, scope ?? { kind: 'national' }, basis);
const clusterPage = async () => {
  const res = await t.app.request(`/resultater/2023/klynger/${CVR.A}`);
  expect(res.status).toBe(200);
  return res.text();
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  await load([textFile('clusters.csv', clustersCsv)]);
  await load([activities(CVR.A, 'A1', '2023-05-01'), participants(CVR.A, 'A1', 'X ApS,10,461,620100')]);
  await approveReportedYears(database, [CVR.A]);
}, 120_000);
afterAll(() => database?.close());

describe(`company data per participation (${testDriver()})`, () => {
  it("never lets another cluster's delivery change a cluster's own figures or pages", async () => {
    const ownOfficial = await account({ kind: 'cluster', cvr: CVR.A });
    const ownPreliminary = await account({ kind: 'cluster', cvr: CVR.A }, 'preliminary');
    const page = await clusterPage();
    expect(ownOfficial).toMatchObject({
      participating_companies: 2,
      small_participating_companies: 2, // X (10) and Y (20)
      innovating_companies: 1,
      small_innovating_companies: 1,
      innovating_companies_by_region: { '1083': 1 }, // X in Odense
      share_outside_strongholds: 0.5, // X 620100 inside A's 62, Y 282900 outside
    });
    // B's delivery: the same CVR, described otherwise, in an activity of the same day.
    await load([
      activities(CVR.B, 'B1', '2023-05-01'),
      participants(CVR.B, 'B1', 'X Holding A/S,5000,101,101100'),
    ]);
    expect(await account({ kind: 'cluster', cvr: CVR.A })).toEqual(ownOfficial);
    expect(await account({ kind: 'cluster', cvr: CVR.A }, 'preliminary')).toEqual(ownPreliminary);
    expect(await clusterPage()).toBe(page);
    // B's own account describes X as B does.
    expect(await account({ kind: 'cluster', cvr: CVR.B }, 'preliminary')).toMatchObject({
      participating_companies: 2,
      small_participating_companies: 1, // Y only
      innovating_companies_by_region: { '1084': 1 },
      share_outside_strongholds: 0.5, // X 101100 inside B's 10, Y 282900 outside
    });
  });

  it('classifies a company nationally by its latest participation: start date, then delivery', async () => {
    // Same start date: B's later delivery decides. A's 2023 alone is official, so the official
    // national account still describes X as A does.
    expect(await account(undefined, 'preliminary')).toMatchObject({
      participating_companies: 2,
      small_participating_companies: 1,
      innovating_companies_by_region: { '1084': 1 },
    });
    expect(await account()).toMatchObject({
      participating_companies: 2,
      small_participating_companies: 2,
      innovating_companies_by_region: { '1083': 1 },
    });
    // A still later delivery of an earlier activity does not outweigh the later start date.
    await load([activities(CVR.B, 'B0', '2023-02-01'), participants(CVR.B, 'B0', 'X ApS,7,751,620100')]);
    expect(await account(undefined, 'preliminary')).toMatchObject({
      small_participating_companies: 1,
      innovating_companies_by_region: { '1084': 1 },
    });
    // A later activity does.
    await load([activities(CVR.B, 'B2', '2023-09-01'), participants(CVR.B, 'B2', 'X ApS,7,751,620100')]);
    expect(await account(undefined, 'preliminary')).toMatchObject({
      small_participating_companies: 2,
      innovating_companies_by_region: { '1082': 1 },
    });
  });
});
