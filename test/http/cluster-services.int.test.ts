import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase } from '../support/database.ts';
import { createCluster, createUser } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let staffEmail = '';
let otherStaffEmail = '';

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const own = await createCluster(database.db, {
    cvr: '31000017',
    name: 'Aarhus Testklynge',
    slug: 'http-services',
  });
  const other = await createCluster(database.db, {
    cvr: '31000025',
    name: 'Anden Testklynge',
    slug: 'http-other',
  });
  staffEmail = (await createUser(database.db, 'cluster_staff', { organisationId: own.id })).email;
  otherStaffEmail = (await createUser(database.db, 'cluster_staff', { organisationId: other.id })).email;
}, 120_000);
afterAll(() => database?.close());

const FORM = {
  titleDa: 'Testforløb i laboratoriet',
  descriptionDa: 'Virksomheden afprøver sin løsning i fem dage sammen med forskere.',
  targetGroup: 'startups',
  priceKind: 'paid',
  priceText: '2.500 kr. pr. dag, "medlemmer" gratis',
  contactName: 'Rikke Robot',
  contactEmail: 'rikke@klynge.example',
  url: '',
  titleEn: '',
  descriptionEn: '',
};

describe('cluster service pages and the export', () => {
  it('names each wrong field of the form and keeps what was typed', async () => {
    const staff = await signedInClient(t.app, staffEmail);
    await staff.get('/arbejdsrum/ydelser/http-services/ny');
    const { res, html } = await staff.post('/arbejdsrum/ydelser/http-services/ny', {
      ...FORM,
      priceText: '',
      contactEmail: 'ikke-en-adresse',
    });
    expect(res.status).toBe(422);
    expect(html).toContain('Skriv en gyldig e-mailadresse.');
    expect(html).toContain('value="Testforløb i laboratoriet"');
  });

  it('adds a service in the workspace, shows it on the cluster page and exports it as JSON and CSV', async () => {
    const staff = await signedInClient(t.app, staffEmail);
    await staff.get('/arbejdsrum/ydelser/http-services/ny');
    const added = await staff.post('/arbejdsrum/ydelser/http-services/ny', FORM);
    expect(added.res.status).toBe(303);
    expect(added.res.headers.get('location')).toBe('/arbejdsrum/ydelser?status=saved');

    const overview = await staff.get('/arbejdsrum/ydelser');
    expect(overview.html).toContain(
      'Testforløb i laboratoriet</a> (Iværksættere; 2.500 kr. pr. dag, &quot;medlemmer&quot; gratis)',
    );
    expect(overview.html).toContain('href="/api/v1/clusters/http-services/services.csv"');

    const page = await new Client(t.app).get('/klynger/http-services');
    expect(page.html).toContain('<h3>Testforløb i laboratoriet</h3>');

    const json = await t.app.request('/api/v1/clusters/http-services/services');
    expect(json.status).toBe(200);
    const body = (await json.json()) as { data: Record<string, unknown>[]; meta: { count: number } };
    expect(body.meta.count).toBe(1);
    expect(body.data[0]).toMatchObject({
      titel: 'Testforløb i laboratoriet',
      maalgruppe: 'Iværksættere',
      pris: '2.500 kr. pr. dag, "medlemmer" gratis',
      gratis: false,
      udbyder: { navn: 'Aarhus Testklynge', cvr: '31000017', type: 'Klyngeorganisation' },
      link: 'http://localhost:3000/klynger/http-services',
    });

    const csv = await t.app.request('/api/v1/cluster-services.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe(
      'id,titel,beskrivelse,titel_engelsk,beskrivelse_engelsk,maalgruppe,pris,gratis,udbyder_navn,udbyder_cvr,' +
        'udbyder_type,udbyder_region,udbyder_hjemmeside,kontakt_navn,kontakt_email,link,sprog,sidst_opdateret',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      ',Testforløb i laboratoriet,Virksomheden afprøver sin løsning i fem dage sammen med forskere.,,,Iværksættere,' +
        '"2.500 kr. pr. dag, ""medlemmer"" gratis",nej,Aarhus Testklynge,31000017,Klyngeorganisation,,,Rikke Robot,',
    );
    expect((await t.app.request('/api/v1/clusters/no-such-cluster/services')).status).toBe(404);
  });

  it("refuses another cluster's staff the forms (403) and changes nothing", async () => {
    const staff = await signedInClient(t.app, staffEmail);
    const overview = await staff.get('/arbejdsrum/ydelser');
    const id = /href="\/arbejdsrum\/ydelser\/http-services\/([0-9a-f-]{36})"/.exec(overview.html)?.[1] ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const other = await signedInClient(t.app, otherStaffEmail);
    expect((await other.get(`/arbejdsrum/ydelser/http-services/${id}`)).res.status).toBe(403);
    await other.get('/arbejdsrum/ydelser');
    const removed = await other.post(`/arbejdsrum/ydelser/http-services/${id}/slet`, {});
    expect(removed.res.status).toBe(403);

    await staff.get(`/arbejdsrum/ydelser/http-services/${id}`);
    const gone = await staff.post(`/arbejdsrum/ydelser/http-services/${id}/slet`, {});
    expect(gone.res.status).toBe(303);
    const json = (await (await t.app.request('/api/v1/clusters/http-services/services')).json()) as {
      meta: { count: number };
    };
    expect(json.meta.count).toBe(0);
  });
});
