import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { createApiToken, revokeApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import {
  activityListSchema,
  deliveryDetailSchema,
  deliveryListSchema,
} from '../../src/http/api/reporting/schemas.ts';
import { dataFingerprint } from '../reporting/delivery-helpers.ts';
import { roleCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createCluster, createOrganisation, createUser, TEST_PASSWORD } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;

const A = '29403473';
const B = '20000007';
type Org = { id: string };
let orgA: Org;
let orgB: Org;
let funder: Org;
const tokens: Record<'a' | 'b' | 'funder' | 'revoked', string> = { a: '', b: '', funder: '', revoked: '' };

const cluster = (cvr: string, name: string) => createCluster(database.db, { cvr, name, slug: `api-${cvr}` });

async function token(organisationId: string, name: string) {
  return createApiToken(database.db, roleCaller('admin'), {
    organisationId,
    name,
    now: new Date(),
    lifetime: 90,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  orgA = await cluster(A, 'Klynge A');
  orgB = await cluster(B, 'Klynge B');
  funder = await createOrganisation(database.db, { kind: 'funder', name: 'Styrelsen' });
  tokens.a = (await token(orgA.id, 'A system')).token;
  tokens.b = (await token(orgB.id, 'B system')).token;
  tokens.funder = (await token(funder.id, 'Statistics')).token;
  const revoked = await token(orgA.id, 'Old A system');
  await revokeApiToken(database.db, roleCaller('admin'), {
    organisationId: orgA.id,
    tokenId: revoked.id,
    now: new Date(),
  });
  tokens.revoked = revoked.token;
});
afterAll(() => database?.close());

const auth = (tok: string | null): Record<string, string> => (tok ? { authorization: `Bearer ${tok}` } : {});

async function api(path: string, tok: string | null, init: RequestInit = {}) {
  const res = await t.app.request(path, {
    ...init,
    headers: { ...auth(tok), ...(init.headers as Record<string, string> | undefined) },
  });
  const body = res.headers.get('content-type')?.includes('json')
    ? ((await res.json()) as Record<string, unknown>)
    : {};
  return { res, body };
}

const postJson = (tok: string | null, rows: unknown) =>
  api('/api/v1/deliveries', tok, {
    method: 'POST',
    body: JSON.stringify(rows),
    headers: { 'content-type': 'application/json' },
  });

function postFiles(tok: string | null, files: Record<string, string>) {
  const form = new FormData();
  for (const [name, text] of Object.entries(files))
    form.append('files', new File([text], name, { type: 'text/csv' }));
  return api('/api/v1/deliveries', tok, { method: 'POST', body: form });
}

const activityRows = (cvr: string, ref: string) => ({
  activities: [
    {
      cluster_cvr: cvr,
      activity_ref: ref,
      title: 'Robot workshop',
      category: 'innovation_collaboration',
      start_date: '2024-03-01',
      end_date: '2024-03-02',
      municipality_code: '461',
      grant_dkk: 150000,
      private_cofinancing_hours: 12.5,
    },
    {
      cluster_cvr: cvr,
      activity_ref: `${ref}-2`,
      title: 'Network "meeting",\nwith breaks',
      category: 'networking',
      start_date: '2024-09-10',
    },
  ],
  participants: [
    {
      cluster_cvr: cvr,
      activity_ref: ref,
      participant_type: 'company',
      cvr: '10000009',
      name: 'Firma ApS',
      employees: 12,
      new_product: true,
    },
    {
      cluster_cvr: cvr,
      activity_ref: ref,
      participant_type: 'knowledge_institution',
      cvr: '12345674',
      name: 'SDU',
    },
    {
      cluster_cvr: cvr,
      activity_ref: `${ref}-2`,
      participant_type: 'foreign',
      name: 'Robo GmbH',
      country: 'de',
    },
  ],
});

describe(`reporting API: authentication (${testDriver()})`, () => {
  it('answers 401 with a Bearer challenge without a token, with a bad, unknown or revoked one, and ignores sessions', async () => {
    const unknown = `klynge_${'x'.repeat(43)}`;
    for (const header of [
      undefined,
      'Bearer',
      'Bearer abc',
      `Bearer ${unknown}`,
      `Bearer ${tokens.revoked}`,
      `Basic ${Buffer.from(`x:${tokens.a}`).toString('base64')}`,
    ]) {
      for (const path of ['/api/v1/activities?year=2024', '/api/v1/deliveries']) {
        const res = await t.app.request(path, { headers: header ? { authorization: header } : {} });
        expect(res.status, `${path} ${header}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer realm="klyngeportalen"');
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
      }
    }
    // A signed-in user's session cookie is no API credential (the API has no CSRF protection).
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: orgA.id });
    const browser = new Client(t.app);
    await browser.login(staff.email, TEST_PASSWORD);
    expect((await browser.request('/api/v1/activities?year=2024')).status).toBe(401);
    expect((await postJson(null, activityRows(A, 'NOAUTH'))).res.status).toBe(401);
  });

  it('tells an expired token apart: 401 invalid_token with a description of what to do', async () => {
    const day = 86_400_000;
    const old = await createApiToken(database.db, roleCaller('admin'), {
      organisationId: orgA.id,
      name: 'Expired A system',
      now: new Date(Date.now() - 31 * day),
      lifetime: 30,
    });
    const res = await t.app.request('/api/v1/activities?year=2024', {
      headers: { authorization: `Bearer ${old.token}` },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer realm="klyngeportalen", error="invalid_token", error_description="The API token has expired; create a new one in the workspace (API tokens)"',
    );
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({
      code: 'unauthenticated',
      message: expect.stringContaining('expired'),
    });
  });
});

describe(`reporting API: deliveries (${testDriver()})`, () => {
  it('loads a JSON delivery all at once, answers 201 with the summary, and logs it as an API delivery', async () => {
    const { res, body } = await postJson(tokens.a, activityRows(A, 'J1'));
    expect(res.status, JSON.stringify(body)).toBe(201);
    const data = deliveryDetailSchema.omit({ errors: true }).parse(body.data);
    expect(data).toMatchObject({
      status: 'loaded',
      channel: 'api',
      counts: { clusters: 0, activities: 2, participants: 3 },
      errorCount: 0,
    });
    expect(data.submittedBy).toMatch(/^api:klynge_.{8} \(A system, Klynge A\)$/);
    expect(data.files.map((f) => f.name)).toEqual(['request.json#activities', 'request.json#participants']);
    expect(res.headers.get('location')).toBe(`http://localhost:3000/api/v1/deliveries/${data.id}`);

    const [title] = await queryRows<{ title: string; hours: number; n: number }>(
      database.db,
      sql`select a.title, a.private_cofinancing_hours::float8 as hours,
                 (select count(*)::int from participations p where p.activity_id = a.id) as n
          from activities a where a.cluster_id = ${orgA.id} and a.activity_ref = 'J1'`,
    );
    expect(title).toEqual({ title: 'Robot workshop', hours: 12.5, n: 2 });
    const [second] = await queryRows<{ title: string }>(
      database.db,
      sql`select title from activities where cluster_id = ${orgA.id} and activity_ref = 'J1-2'`,
    );
    expect(second?.title).toBe('Network "meeting",\nwith breaks');

    const page = await new Client(t.app).request(`/api/v1/deliveries/${data.id}`, {
      headers: auth(tokens.a),
    });
    expect(page.status).toBe(200);
    const [logged] = await queryRows<{ channel: string; organisation_id: string }>(
      database.db,
      sql`select channel, organisation_id from deliveries where id = ${data.id}`,
    );
    expect(logged).toEqual({ channel: 'api', organisation_id: orgA.id });
  });

  it('loads a multipart delivery of CSV files, the same as the web upload', async () => {
    const { res, body } = await postFiles(tokens.a, {
      'activities.csv': `cluster_cvr,activity_ref,title,category,start_date\n${A},M1,Webinar,networking,2024-05-01\n${A},M2,Messe,internationalisation,2024-06-01\n`,
      'participants.csv': `cluster_cvr,activity_ref,participant_type,cvr,name\n${A},M1,company,10000009,Firma ApS\n${A},M2,company,10000009,Firma ApS\n`,
    });
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.data).toMatchObject({
      status: 'loaded',
      counts: { activities: 2, participants: 2 },
      files: [
        { name: 'activities.csv', table: 'activities', rows: 2 },
        { name: 'participants.csv', table: 'participants', rows: 2 },
      ],
    });
  });

  it('loads an XLSX workbook sent as multipart, sheet by sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('activities').addRows([
      ['cluster_cvr', 'activity_ref', 'title', 'category', 'start_date'],
      [A, 'X-XLSX', 'Workshop fra Excel', 'networking', '2024-10-01'],
    ]);
    workbook.addWorksheet('participants').addRows([
      ['cluster_cvr', 'activity_ref', 'participant_type', 'cvr', 'name'],
      [A, 'X-XLSX', 'company', '10000009', 'Firma ApS'],
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const form = new FormData();
    form.append('files', new File([bytes], 'indberetning.xlsx'));
    const { res, body } = await api('/api/v1/deliveries', tokens.a, { method: 'POST', body: form });
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.data).toMatchObject({
      counts: { activities: 1, participants: 1 },
      files: [{ name: 'indberetning.xlsx', table: 'workbook', rows: 2 }],
    });
  });

  it('rejects a broken file with 422, every error with line and column, and writes nothing', async () => {
    const before = await dataFingerprint(database);
    const { res, body } = await postFiles(tokens.a, {
      'activities.csv': `cluster_cvr,activity_ref,title,category,start_date\n${A},X1,Ok,networking,2024-05-01\n${A},X2,Bad date,networking,2024-02-30\n`,
      'participants.csv': `cluster_cvr,activity_ref,participant_type,cvr,name\n${A},X1,company,10000009,Firma ApS\n${A},X1,company,10000008,Bad CVR ApS\n`,
    });
    expect(res.status).toBe(422);
    expect(body.error).toMatchObject({ code: 'delivery_rejected' });
    const data = deliveryDetailSchema.parse(body.data);
    expect(data.status).toBe('rejected');
    expect(data.errors).toEqual([
      {
        file: 'activities.csv',
        line: 3,
        column: 'start_date',
        value: '2024-02-30',
        code: 'date',
        message: 'must be a real date written YYYY-MM-DD',
      },
      {
        file: 'participants.csv',
        line: 3,
        column: 'cvr',
        value: '10000008',
        code: 'cvr',
        message: 'is not a valid CVR number (8 digits, mod-11 check)',
      },
    ]);
    expect(await dataFingerprint(database)).toBe(before);
    // The rejection is in the log, with its errors, for the organisation to read back.
    const again = await api(`/api/v1/deliveries/${data.id}`, tokens.a);
    expect(deliveryDetailSchema.parse(again.body.data).errors).toHaveLength(2);
  });

  it('points JSON errors at the row and key, and refuses what is no delivery with 400 or 415', async () => {
    const rows = activityRows(A, 'E1');
    const broken = {
      ...rows,
      participants: [
        rows.participants[0],
        { ...rows.participants[1], cvr: '123' },
        { ...rows.participants[2], colour: 'red' },
      ],
    };
    const { res, body } = await postJson(tokens.a, broken);
    expect(res.status).toBe(422);
    const errors = deliveryDetailSchema.parse(body.data).errors;
    expect(errors).toContainEqual(
      expect.objectContaining({
        file: 'request.json#participants',
        line: 1,
        column: 'colour',
        code: 'unknownColumn',
      }),
    );
    const valid = await postJson(tokens.a, {
      participants: [rows.participants[0], { ...rows.participants[1], cvr: '123' }],
    });
    expect(deliveryDetailSchema.parse(valid.body.data).errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'cvr',
        code: 'cvr',
        index: 1,
        pointer: '/participants/1/cvr',
      }),
    ]);

    const notJson = await api('/api/v1/deliveries', tokens.a, {
      method: 'POST',
      body: '{"activities": [',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.res.status).toBe(400);
    const unknownKey = await postJson(tokens.a, { activity: [] });
    expect(unknownKey.res.status).toBe(400);
    expect(unknownKey.body.error).toMatchObject({ code: 'bad_request' });
    expect((await postJson(tokens.a, { activities: [] })).res.status).toBe(400);
    expect((await postJson(tokens.a, { activities: [{ title: { nested: true } }] })).res.status).toBe(400);
    const text = await api('/api/v1/deliveries', tokens.a, {
      method: 'POST',
      body: 'cluster_cvr\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(text.res.status).toBe(415);
    const noFiles = await api('/api/v1/deliveries', tokens.a, { method: 'POST', body: new FormData() });
    expect(noFiles.res.status).toBe(400);
  });

  it('answers 413 to a body over the limit before reading it', async () => {
    const res = await t.app.request('/api/v1/deliveries', {
      method: 'POST',
      body: '{}',
      headers: {
        ...auth(tokens.a),
        'content-type': 'application/json',
        'content-length': String(60 * 1024 * 1024),
      },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_large');
  });

  it('streams multipart deliveries, so they may be far over the JSON limit, up to 1 GB', async () => {
    const declared = async (bytes: number, body: string) => {
      const res = await t.app.request('/api/v1/deliveries', {
        method: 'POST',
        body,
        headers: {
          ...auth(tokens.a),
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(bytes),
        },
      });
      return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
    };
    // Within the limit, so the body is read: it has no files.
    const empty = await declared(60 * 1024 * 1024, '--x--\r\n');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('No files');
    const broken = await declared(60 * 1024 * 1024, '--x\r\nContent-Disposition: form-data; name="files"');
    expect(broken.status).toBe(400);
    const over = await declared(1024 * 1024 * 1024 + 1, '--x--\r\n');
    expect(over.status).toBe(413);
    expect(over.body.error.code).toBe('too_large');
  });

  it('lists the delivery log in pages, own deliveries only for a cluster and all for a funder', async () => {
    const fromB = await postJson(tokens.b, activityRows(B, 'L1'));
    expect(fromB.res.status, JSON.stringify(fromB.body)).toBe(201);
    const first = deliveryListSchema.parse((await api('/api/v1/deliveries?perPage=1', tokens.a)).body);
    expect(first.data).toHaveLength(1);
    expect(first.meta.total).toBeGreaterThanOrEqual(4);
    expect(first.links.next).toContain('page=2');
    expect(first.links.prev).toBeNull();
    const second = deliveryListSchema.parse(
      (await api('/api/v1/deliveries?perPage=1&page=2', tokens.a)).body,
    );
    expect(second.data[0]?.id).not.toBe(first.data[0]?.id);
    const all = deliveryListSchema.parse((await api('/api/v1/deliveries?perPage=1000', tokens.a)).body);
    expect(all.data.every((d) => d.organisationId === orgA.id)).toBe(true);
    const everything = deliveryListSchema.parse(
      (await api('/api/v1/deliveries?perPage=1000', tokens.funder)).body,
    );
    expect(new Set(everything.data.map((d) => d.organisationId))).toEqual(new Set([orgA.id, orgB.id]));
    expect((await api('/api/v1/deliveries?perPage=5000', tokens.a)).res.status).toBe(400);
  });
});

describe(`reporting API: tenancy matrix (${testDriver()})`, () => {
  type Who = 'a' | 'b' | 'funder' | 'revoked' | 'none';
  const tok = (who: Who) => (who === 'none' ? null : tokens[who]);
  let deliveryOfA = '';

  beforeAll(async () => {
    const { res, body } = await postJson(tokens.a, activityRows(A, 'T1'));
    expect(res.status).toBe(201);
    deliveryOfA = (body.data as { id: string }).id;
  });

  const matrix: { who: Who; post: number; readDelivery: number; readActivities: number }[] = [
    { who: 'a', post: 201, readDelivery: 200, readActivities: 200 },
    { who: 'b', post: 403, readDelivery: 404, readActivities: 403 },
    { who: 'funder', post: 403, readDelivery: 200, readActivities: 200 },
    { who: 'revoked', post: 401, readDelivery: 401, readActivities: 401 },
    { who: 'none', post: 401, readDelivery: 401, readActivities: 401 },
  ];

  for (const row of matrix) {
    it(`${row.who}: post rows for A → ${row.post}, read A's delivery → ${row.readDelivery}, read A's activities → ${row.readActivities}`, async () => {
      const before = await dataFingerprint(database);
      const post = await postJson(tok(row.who), {
        activities: [
          {
            cluster_cvr: A,
            activity_ref: 'T1',
            title: `Changed by ${row.who}`,
            category: 'networking',
            start_date: '2024-04-01',
          },
        ],
      });
      expect(post.res.status, JSON.stringify(post.body)).toBe(row.post);
      if (row.post !== 201) expect(await dataFingerprint(database)).toBe(before);
      if (row.who === 'b') {
        // Refused like the web upload: the rows' cluster is not the token's, recorded as rejected.
        expect(deliveryDetailSchema.parse(post.body.data).errors).toEqual([
          expect.objectContaining({
            file: 'request.json#activities',
            line: 2,
            column: 'cluster_cvr',
            code: 'notYourCluster',
          }),
        ]);
      }

      expect((await api(`/api/v1/deliveries/${deliveryOfA}`, tok(row.who))).res.status).toBe(
        row.readDelivery,
      );

      const query = row.who === 'a' ? 'year=2024' : `year=2024&cluster=${A}`;
      const read = await api(`/api/v1/activities?${query}`, tok(row.who));
      expect(read.res.status).toBe(row.readActivities);
      if (row.readActivities === 200) {
        const list = activityListSchema.parse(read.body);
        expect(list.data.map((a) => a.clusterCvr)).toContain(A);
        expect(new Set(list.data.map((a) => a.clusterCvr))).toEqual(new Set([A]));
      }
    });
  }

  it("gives each cluster its own activities without a filter, with counts computed in SQL; funders all clusters'", async () => {
    const own = activityListSchema.parse(
      (await api('/api/v1/activities?year=2024&perPage=1000', tokens.b)).body,
    );
    expect(new Set(own.data.map((a) => a.clusterCvr))).toEqual(new Set([B]));
    const l1 = own.data.find((a) => a.activityRef === 'L1');
    expect(l1).toMatchObject({
      participants: 2,
      companies: 1,
      knowledgeInstitutions: 1,
      innovatingCompanies: 1,
      grantDkk: 150000,
      privateCofinancingHours: 12.5,
      municipalityCode: 461,
      startDate: '2024-03-01',
    });
    const all = activityListSchema.parse(
      (await api('/api/v1/activities?year=2024&perPage=1000', tokens.funder)).body,
    );
    expect(new Set(all.data.map((a) => a.clusterCvr))).toEqual(new Set([A, B]));
    expect(all.meta.total).toBe(all.data.length);
    const paged = activityListSchema.parse(
      (await api('/api/v1/activities?year=2024&perPage=2&page=2', tokens.funder)).body,
    );
    expect(paged.data).toEqual(all.data.slice(2, 4));
    expect(paged.links.prev).toContain('page=1');
    expect((await api('/api/v1/activities?year=2023', tokens.a)).body.data).toEqual([]);
    expect((await api('/api/v1/activities', tokens.a)).res.status).toBe(400);
    expect((await api('/api/v1/activities?year=2024&cluster=12345674', tokens.funder)).res.status).toBe(404);
  });
});

describe(`API tokens in the workspace (${testDriver()})`, () => {
  it('creates a token shown once, which then works, and revokes it; with CSRF and field errors', async () => {
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: orgA.id });
    const client = new Client(t.app);
    await client.login(staff.email, TEST_PASSWORD);
    const workspace = await client.get('/arbejdsrum');
    expect(workspace.html).toContain('href="/arbejdsrum/api-noegler"');
    const page = await client.get('/arbejdsrum/api-noegler');
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('<h1>API-nøgler</h1>');

    const empty = await client.post('/arbejdsrum/api-noegler', { organisation: orgA.id, name: '  ' });
    expect(empty.res.status).toBe(422);
    expect(empty.html).toContain('Skriv et navn på nøglen.');

    const noLifetime = await client.post('/arbejdsrum/api-noegler', {
      organisation: orgA.id,
      name: 'ERP',
      lifetime: '7',
    });
    expect(noLifetime.res.status).toBe(422);
    expect(noLifetime.html).toContain('Vælg hvor længe nøglen skal gælde: 30, 90, 180 eller 365 dage.');
    expect(noLifetime.html).toContain('value="ERP"');

    const noCsrf = await client.post(
      '/arbejdsrum/api-noegler',
      { organisation: orgA.id, name: 'ERP', lifetime: '90' },
      { csrf: false },
    );
    expect(noCsrf.res.status).toBe(403);

    await client.get('/arbejdsrum/api-noegler');
    const before = Date.now();
    const created = await client.post('/arbejdsrum/api-noegler', {
      organisation: orgA.id,
      name: 'Økonomisystem',
      lifetime: '180',
    });
    expect(created.res.status).toBe(200);
    expect(created.html).toContain('Nøglen virker til ');
    const plaintext = /value="(klynge_[A-Za-z0-9_-]{43})"/.exec(created.html)?.[1] ?? '';
    expect(plaintext).not.toBe('');
    expect(created.html).toContain('Ny API-nøgle oprettet');
    expect(created.res.headers.get('cache-control')).toBe('private, no-store');

    expect((await api('/api/v1/activities?year=2024', plaintext)).res.status).toBe(200);
    const list = await client.get('/arbejdsrum/api-noegler');
    expect(list.html).toContain('Økonomisystem');
    expect(list.html).toContain(`<code>${plaintext.slice(0, 15)}…</code>`);
    expect(list.html).not.toContain(plaintext);

    const [row] = await queryRows<{ id: string; days: number }>(
      database.db,
      sql`select id, round(extract(epoch from expires_at - ${new Date(before)}::timestamptz) / 86400)::int as days
          from api_tokens where organisation_id = ${orgA.id} and name = 'Økonomisystem'`,
    );
    expect(row?.days).toBe(180);
    // Staff of another cluster can neither see nor revoke it.
    const otherStaff = await createUser(database.db, 'cluster_staff', { organisationId: orgB.id });
    const other = new Client(t.app);
    await other.login(otherStaff.email, TEST_PASSWORD);
    const otherPage = await other.get(`/arbejdsrum/api-noegler?organisation=${orgA.id}`);
    expect(otherPage.html).not.toContain('Økonomisystem');
    const foreign = await other.post(`/arbejdsrum/api-noegler/${row?.id}/tilbagekald`, {
      organisation: orgA.id,
    });
    expect(foreign.res.status).toBe(403);
    expect((await api('/api/v1/activities?year=2024', plaintext)).res.status).toBe(200);

    const revoked = await client.post(`/arbejdsrum/api-noegler/${row?.id}/tilbagekald`, {
      organisation: orgA.id,
    });
    expect(revoked.res.status).toBe(303);
    const after = await client.get(revoked.res.headers.get('location') ?? '');
    expect(after.html).toContain('Nøglen er tilbagekaldt.');
    expect((await api('/api/v1/activities?year=2024', plaintext)).res.status).toBe(401);

    const audit = await queryRows<{ action: string; actor_label: string }>(
      database.db,
      sql`select action, actor_label from audit_log where entity = 'api_tokens' and entity_id = ${row?.id} order by id`,
    );
    expect(audit.filter((a) => a.actor_label === staff.email).map((a) => a.action)).toEqual([
      'insert',
      'update',
    ]);
  });

  it('says in the form when the organisation has as many working tokens as it may, and creates none', async () => {
    const org = await createOrganisation(database.db);
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    for (let i = 1; i <= 10; i++)
      await createApiToken(database.db, roleCaller('admin'), {
        organisationId: org.id,
        name: `System ${i}`,
        now: new Date(),
        lifetime: 30,
      });
    const client = await signedInClient(t.app, staff.email);
    await client.get('/arbejdsrum/api-noegler');
    const refused = await client.post('/arbejdsrum/api-noegler', {
      organisation: org.id,
      name: 'Nummer elleve',
      lifetime: '90',
    });
    expect(refused.res.status).toBe(422);
    expect(refused.html).toContain(
      'Organisationen har allerede 10 aktive nøgler. Tilbagekald en, før du opretter en ny.',
    );
    expect(refused.html).not.toContain('Ny API-nøgle oprettet');
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from api_tokens where organisation_id = ${org.id}`,
    );
    expect(count?.n).toBe(10);
  });

  it('is in English too, lets funders manage their own tokens and refuses people without a right', async () => {
    const funderUser = await createUser(database.db, 'funder', { organisationId: funder.id });
    const client = new Client(t.app);
    await client.login(funderUser.email, TEST_PASSWORD);
    const page = await client.get('/en/workspace/api-tokens');
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('<h1>API tokens</h1>');
    expect(page.html).toContain('Tokens of Styrelsen');
    const assessor = await createUser(database.db, 'assessor');
    const nobody = new Client(t.app);
    await nobody.login(assessor.email, TEST_PASSWORD);
    expect((await nobody.get('/arbejdsrum/api-noegler')).res.status).toBe(403);
    expect((await new Client(t.app).get('/arbejdsrum/api-noegler')).res.status).toBe(303);
  });
});

describe('reporting API in the OpenAPI document', () => {
  it('describes the delivery endpoints with the bearer scheme, and the docs page lists them', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { security?: unknown; requestBody?: { content: Record<string, unknown> } }>
      >;
      components: { securitySchemes: Record<string, { scheme: string }> };
    };
    expect(doc.components.securitySchemes.bearerAuth?.scheme).toBe('bearer');
    const post = doc.paths['/v1/deliveries']?.post;
    expect(post?.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(post?.requestBody?.content ?? {})).toEqual([
      'application/json',
      'multipart/form-data',
    ]);
    for (const path of ['/v1/deliveries', '/v1/deliveries/{id}', '/v1/activities'])
      expect(doc.paths[path]?.get?.security, path).toEqual([{ bearerAuth: [] }]);
    const routes = t.app.routes
      .filter((r) => r.method === 'POST' && r.path.startsWith('/api/v1/'))
      .map((r) => r.path);
    expect(routes).toEqual(['/api/v1/deliveries']);
    const { html } = await new Client(t.app).get('/api');
    expect(html).toContain('<code>POST /api/v1/deliveries</code>');
    expect(html).toContain('href="/arbejdsrum/api-noegler"');
  });
});
