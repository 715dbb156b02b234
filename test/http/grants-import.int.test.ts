import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { createTestDatabase } from '../support/database.ts';
import { createCluster, createOrganisation, createUser, randomCvr } from '../support/factories.ts';
import { type Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let funder: Client;
let ministry: { id: string; slug: string };
let region: { slug: string };
let cluster: { id: string; slug: string };

/** Uploads a file from the import page (the CSRF token of that page first, as a browser sends it). */
async function upload(client: Client, slug: string, text: string, name = 'bevillinger.csv', en = false) {
  const page = `${en ? '/en/funding/grants' : '/finansiering/bevillinger'}/${slug}/import`;
  await client.get(page);
  const form = new FormData();
  form.set('_csrf', client.csrfToken);
  form.set('file', new Blob([text], { type: 'text/csv' }), name);
  const res = await client.request(page, { method: 'POST', body: form });
  const html = await res.text();
  client.lastHtml = html;
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (token) client.csrfToken = token;
  return { res, html };
}

const decode = (s: string) =>
  s.replaceAll('&#13;', '\r').replaceAll('&#10;', '\n').replaceAll('&quot;', '"').replaceAll('&amp;', '&');

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database, { LOG_LEVEL: 'error' });
  ministry = await createOrganisation(database.db, { kind: 'funder', funderLevel: 'national' });
  region = await createOrganisation(database.db, { kind: 'funder', funderLevel: 'regional' });
  const cvr = randomCvr();
  cluster = await createCluster(database.db, { cvr, name: 'Importklyngen', slug: `importklyngen-${cvr}` });
  const user = await createUser(database.db, 'funder', { organisationId: ministry.id });
  funder = await signedInClient(t.app, user.email);
});
afterAll(() => database?.close());

describe('the grants import pages', () => {
  it('previews an uploaded file and imports it once confirmed', async () => {
    const file = `cluster,year,amount_dkk,source,responsible,override_reason\n${cluster.slug},2025,1.200.000,finance_act,yes,\n`;
    const preview = await upload(funder, ministry.slug, file);
    expect(preview.res.status).toBe(200);
    expect(preview.html).toContain('Filen giver 1 nye, 0 ændrede og 0 uændrede bevillinger.');
    expect(
      await queryRows(database.db, sql`select 1 from funding_grants where funder_id = ${ministry.id}`),
    ).toEqual([]);

    const rows = decode(/name="rows" value="([^"]*)"/.exec(preview.html)?.[1] ?? '');
    const confirmed = await funder.post(`/finansiering/bevillinger/${ministry.slug}/import/bekraeft`, {
      rows,
    });
    expect(confirmed.res.status).toBe(303);
    expect(confirmed.res.headers.get('location')).toBe(
      `/finansiering/bevillinger/${ministry.slug}?saved=imported`,
    );
    const written = await queryRows<{ amount: number }>(
      database.db,
      sql`select amount_dkk::float8 as amount from funding_grants where funder_id = ${ministry.id} and cluster_id = ${cluster.id}`,
    );
    expect(written).toEqual([{ amount: 1_200_000 }]);
    const portfolio = await funder.get(`/finansiering/bevillinger/${ministry.slug}?saved=imported`);
    expect(portfolio.html).toContain('Bevillingerne fra filen er indlæst.');
  });

  it('lists the errors by line and column in Danish and English, and writes nothing', async () => {
    const file = `cluster,year,amount_dkk,source,responsible,override_reason\n${cluster.slug},2026,-5,finance_act,yes,\nukendt,2026,5,finance_act,no,\n`;
    const da = await upload(funder, ministry.slug, file);
    expect(da.res.status).toBe(422);
    expect(da.html).toContain('Filen har 2 fejl. Intet er gemt.');
    expect(da.html).toContain('er ikke et beløb i hele kroner fra 0 til 10 mia.');
    expect(da.html).toContain('er ikke en klynge i portalen');
    const en = await upload(funder, ministry.slug, file, 'grants.csv', true);
    expect(en.res.status).toBe(422);
    expect(en.html).toContain('is not a cluster in the portal');
    const years = await queryRows(database.db, sql`select 1 from funding_grants where year = 2026`);
    expect(years).toEqual([]);
  });

  it("refuses another funder's import and a post without a file", async () => {
    expect((await funder.get(`/finansiering/bevillinger/${region.slug}/import`)).res.status).toBe(403);
    const refused = await upload(funder, region.slug, 'cluster\n');
    expect(refused.res.status).toBe(403);
    await funder.get(`/finansiering/bevillinger/${ministry.slug}/import`);
    const form = new FormData();
    form.set('_csrf', funder.csrfToken);
    const noFile = await funder.request(`/finansiering/bevillinger/${ministry.slug}/import`, {
      method: 'POST',
      body: form,
    });
    expect(noFile.status).toBe(422);
    expect(await noFile.text()).toContain('Vælg en CSV- eller XLSX-fil.');
  });

  it('offers the templates as CSV and XLSX', async () => {
    const csv = await funder.request('/finansiering/bevillinger/skabelon/bevillinger.csv');
    expect(csv.status).toBe(200);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer())).toBe(
      '\uFEFFcluster,year,amount_dkk,source,responsible,override_reason,funder\r\nodense-robotics,2026,1500000,finance_act,yes,,\r\n',
    );
    const xlsx = await funder.request('/en/funding/grants/template/bevillinger.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect((await funder.request('/finansiering/bevillinger/skabelon/andet.txt')).status).toBe(404);
  });
});
