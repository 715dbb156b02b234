import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import type { Caller } from '../../src/domain/caller.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { changePeriod } from '../../src/domain/reporting/periods/commands.ts';
import { createApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import { clusterIds, funderOf } from '../performance/fixture.ts';
import { approveReportedYears, deliver, textFile } from '../reporting/delivery-helpers.ts';
import { pdfText, readXlsx, skipPdf } from '../reports/helpers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createUser } from '../support/factories.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

/*
 * Official and preliminary figures (reporting format 1.1). Clusters A and B have 2025 approved;
 * then A delivers activities for 2026 and has not submitted the year. The public page, the open
 * API and the downloads show the official account, which that delivery does not change; A's staff,
 * A's API token and the funder that funds A in 2026 see A's preliminary figures, always marked;
 * others are refused. Once the funder approves 2026, the official account equals the preliminary.
 */
const CVR = { A: '30000005', B: '30001370', C1: '30002741', C2: '30004116' } as const;
const YEAR = 2026;
let database: Database;
let t: TestApp;
let ids: Map<string, string>;
const tokens: Record<'A' | 'B', string> = { A: '', B: '' };
const people: Record<'staffA' | 'staffB' | 'funder' | 'support', { email: string; password: string }> =
  {} as never;
let staffA: Caller;
let funderCaller: Caller;

const participants = (cluster: string, ref: string) =>
  `${cluster},${ref},company,${CVR.C1},Firma ApS,12,461,620100,1\n${cluster},${ref},company,${CVR.C2},Anden ApS,80,101,,0\n`;
const HEAD =
  'cluster_cvr,activity_ref,participant_type,cvr,name,employees,municipality_code,industry_code,new_product\n';

async function load(activities: string, parts: string) {
  const outcome = await deliver(database, [
    textFile('activities.csv', `cluster_cvr,activity_ref,title,category,start_date\n${activities}`),
    textFile('participants.csv', HEAD + parts),
  ]);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors.slice(0, 3)));
}

const api = (query: string, token?: string) =>
  t.app.request(`/api/v1/performance?${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
const json = async (res: Response) => (await res.json()) as Record<string, unknown>;
const signedIn = async (who: keyof typeof people) => {
  const client = new Client(t.app);
  await client.login(people[who].email, people[who].password);
  return client;
};
const callerOf = (
  user: { id: string; email: string; organisationId: string },
  role: 'cluster_staff' | 'funder',
) =>
  ({
    principal: { userId: user.id, memberships: [{ organisationId: user.organisationId, role }] },
    actor: { userId: user.id, label: user.email },
  }) satisfies Caller;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const outcome = await deliver(database, [
    textFile(
      'clusters.csv',
      `cvr,name,league,municipality_code\n${CVR.A},Klynge A,regional,461\n${CVR.B},Klynge B,regional,851\n`,
    ),
  ]);
  if (!outcome.ok) throw new Error('clusters not loaded');
  await load(
    `${CVR.A},A-2025,Møde,networking,2025-04-01\n${CVR.B},B-2025,Møde,networking,2025-05-01\n`,
    participants(CVR.A, 'A-2025') + participants(CVR.B, 'B-2025'),
  );
  await approveReportedYears(database);
  ids = await clusterIds(database, [CVR.A, CVR.B]);
  const funderId = await funderOf(database, { [YEAR]: [CVR.A] });
  const a = await createUser(database.db, 'cluster_staff', { organisationId: ids.get(CVR.A) });
  const b = await createUser(database.db, 'cluster_staff', { organisationId: ids.get(CVR.B) });
  const f = await createUser(database.db, 'funder', { organisationId: funderId });
  const s = await createUser(database.db, 'support_staff');
  Object.assign(people, { staffA: a, staffB: b, funder: f, support: s });
  staffA = callerOf(a, 'cluster_staff');
  funderCaller = callerOf(f, 'funder');
  const staffB = callerOf(b, 'cluster_staff');
  for (const [key, caller, cvr] of [
    ['A', staffA, CVR.A],
    ['B', staffB, CVR.B],
  ] as const)
    tokens[key] = (
      await createApiToken(database.db, caller, {
        organisationId: ids.get(cvr) as string,
        name: 'Indberetningssystem',
        lifetime: 90,
        now: new Date(),
      })
    ).token;
}, 120_000);
afterAll(() => database?.close());

describe(`official and preliminary figures (${testDriver()})`, () => {
  it('keeps the public page, the open API and the downloads unchanged by a delivery for an unsubmitted year', async () => {
    const before = {
      api: await json(await api(`year=${YEAR}&cluster=${CVR.A}`)),
      national: await json(await api(`year=${YEAR}`)),
      page: await (await t.app.request('/resultater/2025')).text(),
      csv: await (await t.app.request(`/resultater/${YEAR}/eksport.csv?cluster=${CVR.A}`)).text(),
    };
    expect(before.api).toMatchObject({ year: YEAR, preliminary: false, activities: 0 });
    await load(
      `${CVR.A},A-2026,Workshop,innovation_collaboration,2026-03-01\n`,
      participants(CVR.A, 'A-2026'),
    );
    expect(await json(await api(`year=${YEAR}&cluster=${CVR.A}`))).toEqual(before.api);
    expect(await json(await api(`year=${YEAR}`))).toEqual(before.national);
    expect(await (await t.app.request('/resultater/2025')).text()).toBe(before.page);
    expect(await (await t.app.request(`/resultater/${YEAR}/eksport.csv?cluster=${CVR.A}`)).text()).toBe(
      before.csv,
    );
    // No official 2026 yet: no public page for it.
    expect((await t.app.request(`/resultater/${YEAR}`)).status).toBe(404);
  });

  it('serves the preliminary account to the cluster and its funder, marked, and refuses others', async () => {
    const preliminary = await performanceAccount(
      database.db,
      YEAR,
      { kind: 'cluster', cvr: CVR.A },
      'preliminary',
    );
    expect(preliminary).toMatchObject({ preliminary: true, activities: 1, participating_companies: 2 });
    const asked = `year=${YEAR}&cluster=${CVR.A}&preliminary=true`;
    // The open API: no token nor session 401; A's token A's figures; B's token and national refused.
    const visitor = await api(asked);
    expect(visitor.status).toBe(401);
    expect(visitor.headers.get('www-authenticate')).toBe('Bearer realm="klyngeportalen"');
    const own = await api(asked, tokens.A);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(await json(own)).toEqual(preliminary);
    expect((await api(asked, tokens.B)).status).toBe(403);
    expect((await api(`year=${YEAR}&preliminary=true`, tokens.A)).status).toBe(403);
    expect((await api(asked, 'kp_not-a-token')).status).toBe(401);
    // Sessions: the funder of A in 2026 sees A's; the support function the national account.
    const funder = await signedIn('funder');
    expect(await json(await funder.request(`/api/v1/performance?${asked}`))).toEqual(preliminary);
    expect((await funder.request(`/api/v1/performance?year=${YEAR}&preliminary=true`)).status).toBe(403);
    const support = await signedIn('support');
    expect(await json(await support.request(`/api/v1/performance?year=${YEAR}&preliminary=true`))).toEqual(
      await performanceAccount(database.db, YEAR, { kind: 'national' }, 'preliminary'),
    );
  });

  it('shows the preliminary figures on the results page and in the downloads, always marked', async () => {
    const page = `/resultater/${YEAR}/klynger/${CVR.A}?foreloebige=1`;
    const visitor = await t.app.request(page);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toMatch(/^\/log-ind\?next=/);
    expect((await (await signedIn('staffB')).get(page)).res.status).toBe(403);
    const staff = await signedIn('staffA');
    const { res, html } = await staff.get(page);
    expect(res.status).toBe(200);
    expect(html).toContain('Foreløbige tal');
    expect(html).toContain('endnu ikke har godkendt');
    expect(html).toContain(`href="/resultater/${YEAR}/eksport.csv?cluster=${CVR.A}&amp;foreloebige=1"`);
    expect(html).toContain('Udviklingen vises med foreløbige tal.');
    // The official page of 2025 offers A's staff the switch, a visitor not.
    const ownOfficial = await staff.get(`/resultater/2025/klynger/${CVR.A}`);
    expect(ownOfficial.html).toContain('Vis de foreløbige tal');
    expect(await (await t.app.request(`/resultater/2025/klynger/${CVR.A}`)).text()).not.toContain(
      'Vis de foreløbige tal',
    );
    const csv = await staff.request(`/resultater/${YEAR}/eksport.csv?cluster=${CVR.A}&foreloebige=1`);
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="performanceregnskab-${YEAR}-${CVR.A}-foreloebige-tal.csv"`,
    );
    expect((await csv.text()).split('\r\n').slice(0, 3)).toEqual([
      'key,value',
      `year,${YEAR}`,
      'preliminary,true',
    ]);
    const xlsx = await staff.request(`/resultater/${YEAR}/eksport.xlsx?cluster=${CVR.A}&foreloebige=1`);
    const [sheet] = (await readXlsx(new Uint8Array(await xlsx.arrayBuffer()))).values();
    expect(sheet?.values.get('preliminary')).toBe(true);
    expect(sheet?.values.get('activities')).toBe(1);
    if (!skipPdf) {
      const pdf = await staff.request(`/resultater/${YEAR}/eksport.pdf?cluster=${CVR.A}&foreloebige=1`);
      expect(await pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain('Tal: FORELØBIGE');
    }
    expect(
      (await t.app.request(`/resultater/${YEAR}/eksport.csv?cluster=${CVR.A}&foreloebige=1`)).status,
    ).toBe(303);
  });

  it('makes the official figures equal the preliminary ones once the funder approves the year', async () => {
    const now = new Date();
    await changePeriod(
      database.db,
      staffA,
      { clusterId: ids.get(CVR.A) as string, year: YEAR, action: 'submit' },
      now,
    );
    await changePeriod(
      database.db,
      funderCaller,
      { clusterId: ids.get(CVR.A) as string, year: YEAR, action: 'approve' },
      now,
    );
    const official = await json(await api(`year=${YEAR}&cluster=${CVR.A}`));
    const preliminary = await json(await api(`year=${YEAR}&cluster=${CVR.A}&preliminary=true`, tokens.A));
    expect(official).toEqual({ ...preliminary, preliminary: false });
    expect(official.activities).toBe(1);
    expect((await t.app.request(`/resultater/${YEAR}`)).status).toBe(200);
    // With two approved years the public cluster page draws the trends, and says on which figures.
    expect(await (await t.app.request(`/resultater/${YEAR}/klynger/${CVR.A}`)).text()).toContain(
      'Udviklingen vises med officielle tal: kun godkendte og låste år.',
    );
    expect(await json(await api(`year=${YEAR}`))).toMatchObject({
      activities: 1,
      participating_companies: 2,
    });
  });
});
