import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { reportAccounts, scopeAccount, UnknownClusterError } from '../../src/domain/performance/report.ts';
import { completeCvr } from '../../src/domain/reference/identifiers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { BOTH, CVR, loadAccountFixture, ONLY_A, ONLY_B } from './fixture.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadAccountFixture(database);
}, 120_000);
afterAll(() => database?.close());

const UNKNOWN = completeCvr('9876543') as string;
const SYDDANMARK = { code: 1083, name: 'Region Syddanmark', nameEn: 'Region of Southern Denmark' };

describe(`the accounts of a report selection (${testDriver()})`, () => {
  it('names each scope and holds its account', async () => {
    const accounts = async (selection: Parameters<typeof reportAccounts>[2]) =>
      (await reportAccounts(database.db, 2023, selection)).accounts;
    expect(await accounts({ kind: 'national' })).toEqual([{ scope: { kind: 'national' }, account: BOTH }]);
    expect(await accounts({ kind: 'cluster', cvr: CVR.B })).toEqual([
      { scope: { kind: 'cluster', cvr: CVR.B, name: 'Klynge B' }, account: ONLY_B },
    ]);
    expect(await accounts({ kind: 'league', league: 'regional' })).toEqual([
      { scope: { kind: 'league', league: 'regional' }, account: ONLY_A },
    ]);
    const [region] = await accounts({ kind: 'region', regionCode: 1083 });
    expect(region?.scope).toEqual({ kind: 'region', region: SYDDANMARK });
    expect(region?.account.participating_companies).toBe(1); // C1: see region.int.test.ts
  });

  it('holds the national account and every cluster’s by name for all clusters, with the five regions', async () => {
    const report = await reportAccounts(database.db, 2023, { kind: 'all' });
    expect(report.year).toBe(2023);
    expect(report.accounts).toEqual([
      { scope: { kind: 'national' }, account: BOTH },
      { scope: { kind: 'cluster', cvr: CVR.A, name: 'Klynge A' }, account: ONLY_A },
      { scope: { kind: 'cluster', cvr: CVR.B, name: 'Klynge B' }, account: ONLY_B },
    ]);
    expect(report.regions.map((r) => r.code)).toEqual([1081, 1082, 1083, 1084, 1085]);
    expect(report.regions[2]).toEqual(SYDDANMARK);
  });

  it('refuses a cluster no organisation has, for a report and for a single account', async () => {
    const refused = {
      code: 'not_found',
      cvr: UNKNOWN,
      message: `no cluster organisation has CVR ${UNKNOWN}`,
    };
    await expect(reportAccounts(database.db, 2023, { kind: 'cluster', cvr: UNKNOWN })).rejects.toThrow(
      UnknownClusterError,
    );
    await expect(reportAccounts(database.db, 2023, { kind: 'cluster', cvr: UNKNOWN })).rejects.toMatchObject(
      refused,
    );
    await expect(scopeAccount(database.db, 2023, { kind: 'cluster', cvr: UNKNOWN })).rejects.toMatchObject(
      refused,
    );
    expect(await scopeAccount(database.db, 2023, { kind: 'cluster', cvr: CVR.A })).toEqual(ONLY_A);
  });
});
