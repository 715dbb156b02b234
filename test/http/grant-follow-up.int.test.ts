import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { saveGrant } from '../../src/domain/grants/register.ts';
import { grantForm } from '../../src/domain/grants/schemas.ts';
import { createCaller } from '../support/callers.ts';
import { createTestDatabase } from '../support/database.ts';
import { createCluster, createOrganisation, createUser, randomCvr } from '../support/factories.ts';
import { type Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let staff: Client;
let funder: Client;
let coFunder: Client;
let outsider: Client;
let page: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database, { LOG_LEVEL: 'error' });
  const db = database.db;
  const ministry = await createOrganisation(db, { kind: 'funder', funderLevel: 'national' });
  const region = await createOrganisation(db, { kind: 'funder', funderLevel: 'regional' });
  const unrelated = await createOrganisation(db, { kind: 'funder', funderLevel: 'municipal' });
  const cvr = randomCvr();
  const cluster = await createCluster(db, { cvr, name: 'Opfølgningsklyngen', slug: `opf-${cvr}` });
  const admin = await createCaller(db, 'admin');
  const grant = (amountDkk: string) =>
    grantForm.parse({ clusterId: cluster.id, year: '2025', amountDkk, source: 'other' });
  const grantId = await saveGrant(db, admin, ministry.id, grant('700.000'));
  await saveGrant(db, admin, region.id, grant('300.000'));
  page = `/arbejdsrum/bevillinger/${grantId}`;
  const client = async (role: 'cluster_staff' | 'funder', organisationId: string) =>
    signedInClient(t.app, (await createUser(db, role, { organisationId })).email);
  staff = await client('cluster_staff', cluster.id);
  funder = await client('funder', ministry.id);
  coFunder = await client('funder', region.id);
  outsider = await client('funder', unrelated.id);
});
afterAll(() => database?.close());

describe('a change request through the pages', () => {
  it('names the missing fields, then sends the request to the funder, who decides it', async () => {
    await staff.get(`${page}/aendringer`);
    const refused = await staff.post(`${page}/aendringer`, {
      kind: 'budget_shift',
      fromCategory: 'networking',
    });
    expect(refused.res.status).toBe(422);
    expect(refused.html).toContain('href="#toCategory"');
    expect(refused.html).toContain('href="#reason"');
    const sent = await staff.post(`${page}/aendringer`, {
      kind: 'budget_shift',
      fromCategory: 'networking',
      toCategory: 'internationalisation',
      amountDkk: '50.000',
      reason: 'Flere messer i udlandet',
    });
    expect(sent.res.status).toBe(303);
    expect(sent.res.headers.get('location')).toBe(`${page}/opfoelgning?done=requested`);

    // The co-funder reads the request but gets no decision form; a funder of nothing here gets 403.
    const read = await coFunder.get(`${page}/opfoelgning`);
    expect(read.html).toContain('Flere messer i udlandet');
    expect(read.html).not.toContain('name="decisionReason"');
    expect((await outsider.get(`${page}/opfoelgning`)).res.status).toBe(403);

    const { html } = await funder.get(`${page}/opfoelgning`);
    const action = /action="([^"]+\/aendringer\/[0-9a-f-]{36})"/.exec(html)?.[1] ?? '';
    expect(action).not.toBe('');
    const noReason = await funder.post(action, { decision: 'reject' });
    expect(noReason.res.status).toBe(422);
    expect(noReason.html).toMatch(/href="#decisionReason-[0-9a-f-]{36}"/);
    const decided = await funder.post(action, {
      decision: 'reject',
      decisionReason: 'Budgettet ligger fast',
    });
    expect(decided.res.status).toBe(303);
    const seen = await staff.get(
      `${page.replace('/arbejdsrum/bevillinger/', '/en/workspace/grants/')}/follow-up`,
    );
    expect(seen.html).toContain('Rejected');
    expect(seen.html).toContain('Budgettet ligger fast');
  });
});

describe('the financial report through the pages', () => {
  it('asks for a budget split adding up to the grant, then shows budget against spent, and the funder approves', async () => {
    await staff.get(`${page}/regnskab`);
    const wrong = await staff.post(`${page}/regnskab`, { budget_networking: '100', spent_networking: '50' });
    expect(wrong.res.status).toBe(422);
    expect(wrong.html).toContain('Budgettet skal i alt være bevillingens beløb.');
    const sent = await staff.post(`${page}/regnskab`, {
      budget_networking: '400.000',
      budget_internationalisation: '300.000',
      spent_networking: '200.000',
      spent_internationalisation: '330.000',
    });
    expect(sent.res.status).toBe(303);
    const { html } = await coFunder.get(`${page}/regnskab`);
    // Networking 200.000 of 400.000 is 50 %, internationalisation 330.000 of 300.000 is 110 %.
    expect(html).toContain('>50 %<');
    expect(html).toContain('>110 %<');
    expect(html).toContain('-30.000');
    expect(html).toContain('530.000');
    expect(html).not.toContain('Godkend regnskabet');
    await funder.get(`${page}/regnskab`);
    const approved = await funder.post(`${page}/regnskab/godkend`, {});
    expect(approved.res.status).toBe(303);
    const progress = await staff.get(`${page}/fremdrift`);
    expect(progress.res.status).toBe(200);
    expect(progress.html).toContain(`href="${page}/regnskab"`);
    expect(progress.html).toContain('Godkendt');
  });
});
