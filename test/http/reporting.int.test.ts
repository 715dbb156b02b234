import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { queueDeliveryLoad } from '../../src/domain/reporting/delivery/jobs.ts';
import { runDeliveryLoad } from '../../src/domain/reporting/delivery/load-job.ts';
import { listDeliveries } from '../../src/domain/reporting/delivery/log.ts';
import { csvTemplate } from '../../src/reports/templates.ts';
import { createUserAndCaller } from '../support/callers.ts';
import { createTestDatabase } from '../support/database.ts';
import { createCluster, createUser, TEST_PASSWORD } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp, uploadDelivery } from '../support/http.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
});
afterAll(() => database?.close());

const cluster = (cvr: string, name: string) => createCluster(database.db, { cvr, name, slug: `k-${cvr}` });

const upload = (client: Client, files: Record<string, string>) => uploadDelivery(t, client, files);

/** Uploads files as the form does: the CSRF field first, unless told to leave it out, forge it or send it last. */
async function postForm(
  client: Client,
  files: Record<string, string>,
  opts: { csrf?: 'first' | 'none' | 'wrong' | 'last' } = {},
) {
  await client.get('/arbejdsrum/indberetninger');
  const form = new FormData();
  const csrf = opts.csrf ?? 'first';
  if (csrf === 'first') form.set('_csrf', client.csrfToken);
  if (csrf === 'wrong') form.set('_csrf', `${client.csrfToken.slice(0, -2)}xx`);
  for (const [name, text] of Object.entries(files))
    form.append('files', new File([text], name, { type: 'text/csv' }));
  if (csrf === 'last') form.set('_csrf', client.csrfToken);
  return client.request('/arbejdsrum/indberetninger', { method: 'POST', body: form });
}

const ACTS = (cvr: string) =>
  `cluster_cvr,activity_ref,title,category,start_date\n${cvr},W1,Webinar,networking,2024-05-01\n`;
const PARTS = (cvr: string) =>
  `cluster_cvr,activity_ref,participant_type,cvr,name\n${cvr},W1,company,10000009,Firma ApS\n`;

describe('web delivery in the cluster workspace', () => {
  it('loads an uploaded delivery and shows it in the log with its checksum', async () => {
    const org = await cluster('29403473', 'Webklyngen');
    const user = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const client = new Client(t.app);
    await client.login(user.email, TEST_PASSWORD);
    const result = await upload(client, {
      'activities.csv': ACTS('29403473'),
      'participants.csv': PARTS('29403473'),
    });
    expect(result.jobPath).toMatch(/^\/arbejdsrum\/indberetninger\/indlaesning\/[0-9a-f-]{36}$/);
    expect(result.res.status).toBe(200);
    expect(result.html).toContain('Indberetningen er indlæst.');
    expect(result.html).toMatch(/<code class="checksum">[0-9a-f]{64}<\/code>/);
    const log = await client.get('/arbejdsrum/indberetninger');
    expect(log.html, log.html.slice(log.html.indexOf('<h2'), log.html.indexOf('<h2') + 2000)).toContain(
      '1 aktiviteter, 1 deltagere',
    );
  });

  it('rejects a delivery for another cluster, with the Danish message and line, and a CSV error report', async () => {
    const mine = await cluster('12345674', 'Egen');
    await cluster('10000009', 'Anden');
    const user = await createUser(database.db, 'cluster_staff', { organisationId: mine.id });
    const client = new Client(t.app);
    await client.login(user.email, TEST_PASSWORD);
    const page = await upload(client, { 'activities.csv': ACTS('10000009') });
    expect(page.html).toContain('Indberetningen er afvist med 1 fejl.');
    expect(page.html).toContain('du må ikke indberette for denne klyngeorganisation');
    const report = await client.request(`${page.location}?format=csv`);
    const rows = parse(await report.text(), { bom: true }) as string[][];
    expect(rows).toEqual([
      ['file', 'line', 'column', 'value', 'message'],
      [
        'activities.csv',
        '2',
        'cluster_cvr',
        '10000009',
        'du må ikke indberette for denne klyngeorganisation',
      ],
    ]);
  });

  it('neutralises formulas in the CSV error report: values and the file name', async () => {
    const org = await cluster('30000048', 'Formelklyngen');
    const user = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const client = await signedInClient(t.app, user.email);
    const hostile = ['=HYPERLINK(""http://evil.example"",""klik"")', '@SUM(1+1)', '+1', '-1', '\tx', '\rx'];
    const rows = hostile.map((v, i) => `30000048,F${i},Møde,"${v}",2024-05-01`);
    const name = '=HYPERLINK(1)+activities.csv';
    const page = await upload(client, {
      [name]: `cluster_cvr,activity_ref,title,category,start_date\n${rows.join('\n')}\n`,
    });
    expect(page.html).toContain('Indberetningen er afvist med 6 fejl.');
    const report = await client.request(`${page.location}?format=csv`);
    const parsed = parse(await report.text(), { bom: true }) as string[][];
    // Each value as uploaded, behind an apostrophe: a spreadsheet shows it as text.
    const values = ['=HYPERLINK("http://evil.example","klik")', '@SUM(1+1)', '+1', '-1', '\tx', '\rx'];
    expect(parsed.slice(1).map((r) => [r[0], r[3]])).toEqual(values.map((v) => [`'${name}`, `'${v}`]));
  });

  it('refuses an upload without a valid CSRF token before the files, and records no delivery', async () => {
    const org = await cluster('30000005', 'Værnet');
    const { user, caller } = await createUserAndCaller(database.db, 'cluster_staff', {
      organisationId: org.id,
    });
    const client = await signedInClient(t.app, user.email);
    const files = { 'activities.csv': ACTS('30000005') };
    for (const csrf of ['none', 'wrong', 'last'] as const) {
      const res = await postForm(client, files, { csrf });
      expect(res.status, csrf).toBe(403);
      expect(await res.text()).toContain('Formularen er udløbet');
    }
    const log = await listDeliveries(database.db, caller, {
      limit: 10,
      offset: 0,
    });
    expect(log).toEqual({ total: 0, rows: [] });
    // The same form with the token first loads.
    expect((await upload(client, files)).html).toContain('Indberetningen er indlæst.');
    const after = await listDeliveries(database.db, caller, {
      limit: 10,
      offset: 0,
    });
    expect(after.total).toBe(1);
  });

  it('refuses an upload from a visitor who is not signed in before reading it', async () => {
    const visitor = new Client(t.app);
    await visitor.get('/log-ind');
    const form = new FormData();
    form.set('_csrf', visitor.csrfToken);
    form.append('files', new File([ACTS('30000005')], 'activities.csv', { type: 'text/csv' }));
    const res = await visitor.request('/arbejdsrum/indberetninger', { method: 'POST', body: form });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/log-ind/);
  });

  it("shows a queued delivery's progress from the database on another instance, to its uploader only", async () => {
    const org = await cluster('30000021', 'Fremdrift');
    const { user: staff, caller } = await createUserAndCaller(database.db, 'cluster_staff', {
      organisationId: org.id,
    });
    const text = ACTS('30000021');
    const dir = await mkdtemp(join(tmpdir(), 'progress-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'activities.csv'), text);
    // Queued on this instance, where no worker takes it: the test runs the job when it chooses.
    const queued: Record<string, unknown>[] = [];
    const job = await queueDeliveryLoad(
      database,
      { enqueue: async (_kind, data) => String(queued.push(data)) },
      caller,
      [{ name: 'activities.csv', path: join(dir, 'activities.csv'), bytes: Buffer.byteLength(text) }],
    );
    // As the worker records a run under way: reading, 20 of the bytes read.
    await database.db.execute(
      sql`update delivery_loads set state = 'running', attempt = 1, file = 'activities.csv', bytes_read = 20 where id = ${job.id}`,
    );
    const other = createTestApp(database);
    const client = await signedInClient(other.app, staff.email);
    const path = `/arbejdsrum/indberetninger/indlaesning/${job.id}`;
    const percent = Math.floor((20 * 100) / Buffer.byteLength(text));
    const page = await client.get(path);
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get('cache-control')).toContain('no-store');
    expect(page.html).toContain(
      `<progress id="delivery-progress" class="delivery-progress" max="100" value="${percent}">`,
    );
    expect(page.html).toContain('<p role="status" id="delivery-status">Læser activities.csv.</p>');
    expect(page.html).toContain(
      `<a class="button button-secondary" id="delivery-refresh" href="${path}">Opdater status</a>`,
    );
    expect(page.html).toMatch(
      /<script type="module" src="\/assets\/delivery-progress\.[0-9a-f]{12}\.js"><\/script>/,
    );
    const status = await (await client.request(`${path}?format=json`)).json();
    expect(status).toEqual({ state: 'running', percent, text: 'Læser activities.csv.' });
    const stranger = await signedInClient(
      other.app,
      (await createUser(database.db, 'cluster_staff', { organisationId: org.id })).email,
    );
    const refused = await stranger.get(path);
    expect(refused.res.status).toBe(404);
    expect(refused.html).toContain('Indlæsningen findes ikke (længere).');
    expect(queued).toEqual([{ loadId: job.id }]);
    await runDeliveryLoad({ database, logger: t.deps.logger, clock: () => new Date() }, queued[0]);
    const done = await client.request(path);
    expect(done.status).toBe(303);
    const location = done.headers.get('location') as string;
    const [row] = await queryRows<{ id: string }>(
      database.db,
      sql`select delivery_id as id from delivery_loads where id = ${job.id}`,
    );
    expect(location).toBe(`/arbejdsrum/indberetninger/${row?.id}`);
    expect(await (await client.request(`${path}?format=json`)).json()).toEqual({ state: 'done', location });
    expect((await client.get(location)).html).toContain('Indberetningen er indlæst.');
  });

  it('treats an empty file input as no file', async () => {
    const org = await cluster('30000013', 'Tom');
    const { user, caller } = await createUserAndCaller(database.db, 'cluster_staff', {
      organisationId: org.id,
    });
    const client = await signedInClient(t.app, user.email);
    await client.get('/arbejdsrum/indberetninger');
    const form = new FormData();
    form.set('_csrf', client.csrfToken);
    form.set('files', new File([], ''));
    const res = await client.request('/arbejdsrum/indberetninger', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Vælg mindst én fil.');
    const log = await listDeliveries(database.db, caller, {
      limit: 10,
      offset: 0,
    });
    expect(log).toEqual({ total: 0, rows: [] });
  });

  it('keeps deliveries private to their cluster; funders see all; visitors must log in', async () => {
    const org = await cluster('19999995', 'Privat');
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const owner = new Client(t.app);
    await owner.login(staff.email, TEST_PASSWORD);
    const { location } = await upload(owner, { 'activities.csv': ACTS('19999995') });
    if (!location) throw new Error('no result page');
    const other = await createUser(database.db, 'cluster_staff');
    const stranger = new Client(t.app);
    await stranger.login(other.email, TEST_PASSWORD);
    expect((await stranger.get(location)).res.status).toBe(403);
    const funder = await createUser(database.db, 'funder');
    const fc = new Client(t.app);
    await fc.login(funder.email, TEST_PASSWORD);
    expect((await fc.get(location)).res.status).toBe(200);
    expect((await fc.get('/arbejdsrum/indberetninger')).html).toContain(staff.email);
    expect((await new Client(t.app).get('/arbejdsrum/indberetninger')).res.status).toBe(303);
  });

  it('offers templates whose example rows are valid, and a guide to every column', async () => {
    const csv = await t.app.request('/indberetning/skabelon/participants.csv');
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so Excel reads UTF-8
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(csvTemplate('participants'));
    const xlsx = await t.app.request('/indberetning/skabelon/indberetning.xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(3000);
    const help = await new Client(t.app).get('/indberetning/hjaelp');
    expect(help.html).toContain('<code>private_cofinancing_hours</code>');
  });
});
