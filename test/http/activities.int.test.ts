import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { reportingPeriods } from '../../src/db/schema/index.ts';
import { errorMessage } from '../../src/domain/reporting/format/errors.ts';
import { dataFingerprint } from '../reporting/delivery-helpers.ts';
import { createTestDatabase } from '../support/database.ts';
import { createCluster, createUser, TEST_PASSWORD } from '../support/factories.ts';
import { expectRequiredFieldMarks } from '../support/forms.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let clusterId: string;
let staff: Client;

const cluster = async (cvr: string, name: string) =>
  (await createCluster(database.db, { cvr, name, slug: `k-${cvr}` })).id;

async function loggedIn(role: 'cluster_staff' | 'funder', organisationId?: string) {
  const user = await createUser(database.db, role, organisationId ? { organisationId } : {});
  const client = new Client(t.app);
  await client.login(user.email, TEST_PASSWORD);
  return client;
}

const ACTIVITY = {
  title: 'Webinar om <AI> & data',
  activity_ref: 'W-1',
  category: 'knowledge_dissemination',
  start_date: '2024-09-03',
  end_date: '',
  municipality_code: '751',
  grant_dkk: '2500',
  external_funding_dkk: '',
  private_cofinancing_hours: '',
};

const countActivities = async () =>
  (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from activities`))[0]?.n;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  clusterId = await cluster('29403473', 'Webklyngen');
  staff = await loggedIn('cluster_staff', clusterId);
});
afterAll(() => database?.close());

describe('the activity form without JavaScript', () => {
  it('shows a bad value as a field error with the import’s message, keeps the values, and writes nothing', async () => {
    const form = await staff.get('/arbejdsrum/aktiviteter/ny');
    expect(form.res.status).toBe(200);
    expect(form.html).toContain('name="_csrf"');
    // Required as the reporting format requires: the title is, the end date is not.
    expectRequiredFieldMarks(form.html, { optional: 'Slutdato', required: 'Titel' });
    const before = await dataFingerprint(database);
    // The date input's three fields: 30 February is no date.
    const { start_date: _, ...rest } = ACTIVITY;
    const { res, html } = await staff.post('/arbejdsrum/aktiviteter/ny', {
      ...rest,
      start_dateDay: '30',
      start_dateMonth: '2',
      start_dateYear: '2024',
      grant_dkk: '-5',
    });
    expect(res.status).toBe(422);
    // The error summary links to each field; each field says what the file import says.
    expect(html).toContain('Der er fejl i formularen');
    expect(html).toContain('href="#start_date"');
    expect(html).toContain('href="#grant_dkk"');
    // A form takes a date as day, month and year, so its message says so rather than the file's format.
    expect(html).toContain('Startdato skal være en rigtig dato med dag, måned og år, fx 1 3 2027.');
    expect(html).toContain(`Klyngebevilling brugt (kr.) ${errorMessage('nonNegativeInteger', 'da')}`);
    expect(html).toMatch(/<span class="form-error-message" id="grant_dkk-error">/);
    expect(html).toMatch(/id="grant_dkk"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="grant_dkk"/);
    // Values are kept, escaped.
    expect(html).toContain('value="Webinar om &lt;AI&gt; &amp; data"');
    expect(html).toMatch(/name="start_dateDay"[^>]*value="30"/);
    expect(html).toMatch(/name="start_dateMonth"[^>]*value="2"/);
    expect(html).toMatch(/<option value="751" selected="">/);
    expect(await dataFingerprint(database)).toBe(before);
  });

  it('creates the activity and shows it; the English form uses the English message', async () => {
    const { res } = await staff.post('/arbejdsrum/aktiviteter/ny', ACTIVITY);
    expect(res.status).toBe(303);
    const location = res.headers.get('location') as string;
    expect(location).toMatch(/^\/arbejdsrum\/aktiviteter\/\d+\?status=created$/);
    const page = await staff.get(location);
    expect(page.html).toContain('Aktiviteten er oprettet.');
    expect(page.html).toContain('<h1>Webinar om &lt;AI&gt; &amp; data</h1>');
    const enForm = await staff.get('/en/workspace/activities/new');
    expectRequiredFieldMarks(enForm.html, { optional: 'End date', required: 'Title' }, 'en');
    const en = await staff.post('/en/workspace/activities/new', { ...ACTIVITY, activity_ref: 'W-1' });
    expect(en.res.status).toBe(422);
    expect(en.html).toContain('Reference is already the reference of another activity of this cluster');
  });

  it('lists, filters and links the activity from the workspace', async () => {
    const ws = await staff.get('/arbejdsrum');
    expect(ws.html).toContain('href="/arbejdsrum/aktiviteter"');
    const list = await staff.get(
      '/arbejdsrum/aktiviteter?year=2024&category=knowledge_dissemination&q=webinar',
    );
    expect(list.res.status).toBe(200);
    expect(list.html).toContain('1 aktivitet');
    expect(list.html).toContain('Webinar om &lt;AI&gt; &amp; data');
    const none = await staff.get('/arbejdsrum/aktiviteter?year=2023');
    expect(none.html).toContain('Ingen aktiviteter passer til filtrene.');
  });
});

describe('participants on the activity page', () => {
  let path: string;
  beforeAll(async () => {
    const { res } = await staff.post('/arbejdsrum/aktiviteter/ny', { ...ACTIVITY, activity_ref: 'W-2' });
    path = (res.headers.get('location') as string).split('?')[0] as string;
  });

  it('refuses a bad CVR with the import’s message and keeps the form; a good one is added', async () => {
    // The participant form marks what the reporting format lets be empty: the name is required.
    expectRequiredFieldMarks((await staff.get(path)).html, { optional: 'Antal ansatte', required: 'Navn' });
    const before = await dataFingerprint(database);
    const bad = await staff.post(`${path}/deltagere`, {
      participant_type: 'company',
      cvr: '12345678',
      name: 'Firma ApS',
      employees: '7',
      new_idea: '1',
    });
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain(`CVR-nummer ${errorMessage('cvr', 'da')}`);
    expect(bad.html).toContain('value="12345678"');
    expect(bad.html).toMatch(/id="new_idea" name="new_idea" value="1" checked=""/);
    expect(await dataFingerprint(database)).toBe(before);
    const good = await staff.post(`${path}/deltagere`, {
      participant_type: 'company',
      cvr: '10000009',
      name: 'Firma ApS',
      employees: '7',
      new_idea: '1',
    });
    expect(good.res.status).toBe(303);
    const page = await staff.get(good.res.headers.get('location') as string);
    expect(page.html).toContain('Deltageren er tilføjet.');
    expect(page.html).toContain('<th scope="row">Firma ApS</th>');
  });

  it('edits a participant: a bad value shows the import’s message and changes nothing; a good one is saved', async () => {
    const page = await staff.get(path);
    const editHref = /href="([^"]+\/deltagere\/\d+)"/.exec(page.html)?.[1] as string;
    const form = await staff.get(editHref);
    expect(form.html).toContain('value="10000009"');
    const before = await dataFingerprint(database);
    const bad = await staff.post(editHref, {
      participant_type: 'company',
      cvr: '10000009',
      name: 'Firma ApS',
      country: 'SE',
    });
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain(`Land ${errorMessage('countryOnlyForeign', 'da')}`);
    expect(bad.html).toContain('href="#country"');
    expect(await dataFingerprint(database)).toBe(before);
    const good = await staff.post(editHref, {
      participant_type: 'company',
      cvr: '10000009',
      name: 'Firma ApS',
      employees: '8',
    });
    expect(good.res.status).toBe(303);
    const after = await staff.get(good.res.headers.get('location') as string);
    expect(after.html).toContain('Deltageren er gemt.');
    expect(after.html).toMatch(/<td>8<\/td>/);
  });

  it('removes a participant only after a confirmation posted with the CSRF token', async () => {
    const page = await staff.get(path);
    const removeHref = /href="([^"]+\/fjern)"/.exec(page.html)?.[1] as string;
    expect(removeHref).toBeTruthy();
    const confirm = await staff.get(removeHref);
    expect(confirm.html).toContain('Fjern deltageren Firma ApS?');
    const forged = await staff.post(removeHref, {}, { csrf: false });
    expect(forged.res.status).toBe(403);
    expect((await staff.get(path)).html).toContain('<th scope="row">Firma ApS</th>');
    await staff.get(removeHref);
    const done = await staff.post(removeHref, {});
    expect(done.res.status).toBe(303);
    const after = await staff.get(done.res.headers.get('location') as string);
    expect(after.html).toContain('Deltageren er fjernet.');
    expect(after.html).not.toContain('<th scope="row">Firma ApS</th>');
  });

  it('deletes the activity after a confirmation', async () => {
    const n = await countActivities();
    await staff.get(`${path}/slet`);
    const done = await staff.post(`${path}/slet`, {});
    expect(done.res.status).toBe(303);
    expect(done.res.headers.get('location')).toBe('/arbejdsrum/aktiviteter?status=deleted');
    expect(await countActivities()).toBe((n ?? 0) - 1);
    expect((await staff.get(path)).res.status).toBe(404);
  });
});

describe('tenancy and locked years in the pages', () => {
  it('another cluster’s staff get 403 and change nothing; funders read without forms and cannot post', async () => {
    const { res } = await staff.post('/arbejdsrum/aktiviteter/ny', { ...ACTIVITY, activity_ref: 'W-3' });
    const path = (res.headers.get('location') as string).split('?')[0] as string;
    const other = await loggedIn('cluster_staff', await cluster('12345674', 'Andenklyngen'));
    expect((await other.get(path)).res.status).toBe(403);
    expect((await other.get(`${path}/rediger`)).res.status).toBe(403);
    await other.get('/arbejdsrum/aktiviteter');
    const before = await dataFingerprint(database);
    expect((await other.post(`${path}/rediger`, { ...ACTIVITY, title: 'Kapret' })).res.status).toBe(403);
    expect((await other.post(`${path}/slet`, {})).res.status).toBe(403);
    expect(await dataFingerprint(database)).toBe(before);
    expect((await other.get('/arbejdsrum/aktiviteter')).html).not.toContain('Webinar');

    const funder = await loggedIn('funder');
    const seen = await funder.get(path);
    expect(seen.res.status).toBe(200);
    expect(seen.html).toContain('Du kan se aktiviteten, men ikke ændre den.');
    expect(seen.html).not.toContain('name="participant_type"');
    expect((await funder.get(`${path}/rediger`)).res.status).toBe(403);
    expect(
      (await funder.post(`${path}/deltagere`, { participant_type: 'public', cvr: '10000009', name: 'X' })).res
        .status,
    ).toBe(403);
    expect(await dataFingerprint(database)).toBe(before);
    expect((await new Client(t.app).get(path)).res.status).toBe(303);
  });

  it('a locked year: the page says so, offers no forms, and a posted change is refused with the message', async () => {
    const { res } = await staff.post('/arbejdsrum/aktiviteter/ny', {
      ...ACTIVITY,
      activity_ref: 'W-4',
      start_date: '2019-03-01',
    });
    const path = (res.headers.get('location') as string).split('?')[0] as string;
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(reportingPeriods).values({ clusterId, year: 2019, status: 'approved' }),
    );
    const page = await staff.get(path);
    expect(page.html).toContain('Indberetningsåret 2019 er godkendt eller låst');
    expect(page.html).not.toContain('name="participant_type"');
    const before = await dataFingerprint(database);
    const post = await staff.post(`${path}/deltagere`, {
      participant_type: 'company',
      cvr: '10000009',
      name: 'X',
    });
    expect(post.res.status).toBe(409);
    expect(post.html).toContain(errorMessage('periodLocked', 'da'));
    const create = await staff.post('/arbejdsrum/aktiviteter/ny', {
      ...ACTIVITY,
      activity_ref: 'W-5',
      start_date: '2019-05-01',
    });
    expect(create.res.status).toBe(409);
    expect(create.html).toContain(`Startdato: ${errorMessage('periodLocked', 'da')}`);
    expect(await dataFingerprint(database)).toBe(before);
  });
});
