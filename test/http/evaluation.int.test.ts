import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { type Fixture, loadFixture, withdrawApprovals } from '../evaluation/fixture.ts';
import { createTestDatabase } from '../support/database.ts';
import { createUser } from '../support/factories.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let fx: Fixture;
const users: Record<string, { email: string; password: string }> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  // Approved: benchmarks and the mid-term evaluation count official figures only.
  fx = await loadFixture(database.db, 'web', { approved: true });
  users.gamma = await createUser(database.db, 'cluster_staff', { organisationId: fx.ids.Gamma });
  users.funder = await createUser(database.db, 'funder', { organisationId: fx.funderId });
  users.otherFunder = await createUser(database.db, 'funder', { organisationId: fx.otherFunderId });
  users.support = await createUser(database.db, 'support_staff');
  users.admin = await createUser(database.db, 'admin');
}, 120_000);
afterAll(() => database?.close());

async function as(who: string): Promise<Client> {
  const client = new Client(t.app);
  const u = users[who];
  if (!u) throw new Error(`no user ${who}`);
  const { res } = await client.login(u.email, u.password);
  expect(res.status).toBe(303);
  return client;
}

/** The text of a table row whose header cell starts with `label`, tags stripped. */
const rowText = (html: string, label: string) =>
  (new RegExp(`<tr><th scope="row">${label}(.*?)</tr>`, 's').exec(html)?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('benchmarking pages', () => {
  it('show cluster staff their own figures against anonymous peers of the league', async () => {
    const client = await as('gamma');
    const { res, html } = await client.get('/arbejdsrum/benchmarking?aar=2023');
    expect(res.status).toBe(200);
    expect(html).toContain('<h1>Benchmarking</h1>');
    expect(html).toContain(
      'Sammenlignet med 4 klynger i ligaen »Stærke klynger af regional betydning« i 2023. Officielle tal: kun år, som bevillingsgiverne har godkendt eller låst.',
    );
    // Activities 2023: 1, 2, 3, 10 → Gamma has 3, in the 3rd quartile; Q1 1,8 (1.75), median 2,5, Q3 4,8 (4.75).
    expect(rowText(html, 'Aktiviteter')).toBe('3 3. kvartil 1 1,8 2,5 4,8 10');
    expect(html).toContain('Gamma web: 3 (3. kvartil).');
    for (const peer of ['Alfa web', 'Beta web', 'Delta web', 'Epsilon web']) expect(html).not.toContain(peer);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="bm-activities-title bm-activities-desc"/);
    expect(html).not.toMatch(/\sstyle=/);
    expect((await client.get('/en/workspace/benchmarking?aar=2023')).html).toContain('3rd quartile');
  });

  it('show support staff every cluster of a league by name, and refuse cluster staff there', async () => {
    const support = await as('support');
    const { res, html } = await support.get(
      '/support/benchmarking?aar=2023&liga=regional&noegletal=activities',
    );
    expect(res.status).toBe(200);
    expect(rowText(html, 'Delta web')).toBe('10 Øverste kvartil');
    expect(rowText(html, 'Alfa web')).toBe('1 Nederste kvartil');
    expect(html).not.toContain('Epsilon web');
    expect((await (await as('gamma')).get('/support/benchmarking')).res.status).toBe(403);
    expect((await support.get('/arbejdsrum/benchmarking')).res.status).toBe(403);
    expect((await new Client(t.app).get('/support/benchmarking')).res.status).toBe(303);
  });
});

describe('mid-term evaluation pages', () => {
  it('list only the clusters the funder funds, with flags in text', async () => {
    const funder = await as('funder');
    const { res, html } = await funder.get('/finansiering/evalueringer?periode=2021-2024');
    expect(res.status).toBe(200);
    for (const name of ['Alfa web', 'Beta web', 'Gamma web', 'Delta web']) expect(html).toContain(name);
    expect(html).not.toContain('Epsilon web');
    const other = await (await as('otherFunder')).get('/finansiering/evalueringer');
    expect(other.html).toContain('Epsilon web');
    expect(other.html).not.toContain('Alfa web');
    expect((await (await as('gamma')).get('/finansiering/evalueringer')).res.status).toBe(403);
  });

  it('record a funder’s conclusion with reasoning, keep the history and refuse others', async () => {
    const funder = await as('funder');
    const path = `/finansiering/evalueringer/${fx.slugs.Beta}?periode=2021-2024`;
    const page = await funder.get(path);
    expect(page.res.status).toBe(200);
    expect(rowText(page.html, 'Deltagende virksomheder')).toBe('4 2 -2 -50 % 2. kvartil');
    expect(page.html).toContain('Klyngen har ikke registreret mål');
    expect(page.html).toContain('»Deltagende virksomheder« faldt 50 % fra 2022 til 2023');

    const bad = await funder.post(path, { conclusion: '', reasoning: 'kort' });
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain('Vælg en konklusion.');
    expect(bad.html).toContain('Skriv en begrundelse på mindst 20 tegn.');

    const reasoning = 'Klyngen har halveret antallet af deltagende virksomheder siden 2022.';
    const ok = await funder.post(path, { conclusion: 'withdraw', reasoning });
    expect(ok.res.status).toBe(303);
    expect(ok.res.headers.get('location')).toContain('gemt=1');
    const after = await funder.get(ok.res.headers.get('location') ?? '');
    expect(after.html).toContain('Konklusionen er gemt.');
    expect(after.html).toContain(reasoning);
    expect(after.html).toContain('Træk bevillingen tilbage');
    const list = await funder.get('/finansiering/evalueringer?periode=2021-2024');
    const betaRow = /Beta web<\/a><\/th>((?:(?!<\/tr>).)*)<\/tr>/s.exec(list.html)?.[1] ?? '';
    expect(betaRow).toContain('Træk bevillingen tilbage');

    const other = await as('otherFunder');
    expect((await other.get(path)).res.status).toBe(403);
    await other.get('/finansiering/evalueringer');
    expect((await other.post(path, { conclusion: 'continue', reasoning })).res.status).toBe(403);
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from cluster_evaluations where cluster_id = ${fx.ids.Beta}::uuid`,
    );
    expect(count?.n).toBe(1);
  });
});

describe('a cluster’s own mid-term evaluation', () => {
  it('is readable by its staff from the workspace, without the decision form, and refused for other clusters', async () => {
    const gamma = await as('gamma');
    const workspace = await gamma.get('/arbejdsrum');
    const own = `/finansiering/evalueringer/${fx.slugs.Gamma}`;
    expect(workspace.html).toContain(`href="${own}"`);
    const page = await gamma.get(`${own}?periode=2021-2024`);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('Deltagende virksomheder');
    expect(page.html).not.toContain('name="conclusion"');
    expect(page.html).toContain('Tilbage til arbejdsrummet');
    const reasoning = 'Klyngen mener selv, at den bør fortsætte uændret i perioden.';
    expect(
      (await gamma.post(`${own}?periode=2021-2024`, { conclusion: 'continue', reasoning })).res.status,
    ).toBe(403);
    expect(
      (await gamma.get(`/finansiering/evalueringer/${fx.slugs.Beta}?periode=2021-2024`)).res.status,
    ).toBe(403);
    expect((await gamma.get('/finansiering/evalueringer')).res.status).toBe(403);
    const anonymous = await new Client(t.app).get(`${own}?periode=2021-2024`);
    expect(anonymous.res.status).toBe(303);
    expect(anonymous.res.headers.get('location')).toBe(`/log-ind?next=${encodeURIComponent(own)}`);
    expect(anonymous.html).not.toContain('Deltagende virksomheder');
  });
});

describe('the evaluation rules page', () => {
  const path = '/finansiering/evalueringer/regler';
  const defaults = {
    rows: '1',
    'kind-0': 'bottom_quartile_running',
    'key-0': 'innovating_companies',
    'years-0': '2',
    'percent-0': '',
    outlier: '50',
    missing: '10',
    activityRule: '10',
    note: '',
  };

  it('lets a funder add a rule without JavaScript, shows field errors, and saves an audited new version', async () => {
    const funder = await as('funder');
    const page = await funder.get(path);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('Der er ikke gemt egne regler; standardreglerne gælder.');

    const added = await funder.post(path, { ...defaults, action: 'add' });
    expect(added.res.status).toBe(200);
    expect(added.html).toContain('Regel 2');
    expect(added.html).toContain('name="rows" value="2"');

    const bad = await funder.post(path, {
      ...defaults,
      rows: '2',
      'years-0': '0',
      'kind-1': 'decline_from_first_year',
      'key-1': '',
      'percent-1': '150',
      missing: '120',
      activityRule: '101',
      action: 'save',
    });
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain(
      '<span class="form-error-message" id="years-0-error">Skriv et helt antal år fra 1 til 10.',
    );
    expect(bad.html).toContain('id="key-1-error">Vælg et nøgletal.');
    expect(bad.html).toContain('id="percent-1-error">Skriv en procent over 0 og højst 100.');
    expect(bad.html).toContain('id="missing-error">Skriv en procent fra 0 til 100.');
    expect(bad.html).toContain('id="activityRule-error">Skriv en procent fra 0 til 100.');
    expect(bad.html).toContain('value="150"'); // the typed values are kept

    // A blank threshold is an error, not the default of versions saved before the measure existed.
    const blank = await funder.post(path, { ...defaults, activityRule: '', outlier: '', action: 'save' });
    expect(blank.res.status).toBe(422);
    expect(blank.html).toContain('id="activityRule-error">Skriv en procent fra 0 til 100.');
    expect(blank.html).toContain('id="outlier-error">');

    const ok = await funder.post(path, {
      ...defaults,
      rows: '2',
      'years-0': '3',
      'kind-1': 'decline_from_first_year',
      'key-1': 'participating_companies',
      'percent-1': '12,5',
      activityRule: '25',
      note: 'Skærpet efter bestyrelsesmødet',
      action: 'save',
    });
    expect(ok.res.status).toBe(303);
    const after = await funder.get(ok.res.headers.get('location') ?? '');
    expect(after.html).toContain('Reglerne er gemt som en ny version.');
    expect(after.html).toContain('Skærpet efter bestyrelsesmødet');
    expect(after.html).toContain(
      'Målet er opfyldt, når højst 25 % af klyngens aktiviteter i året bryder reglen.',
    );
    // The overview and the flags use the saved rules: Beta's 50 % fall is over 12.5 %.
    const overview = await funder.get('/finansiering/evalueringer?periode=2021-2024');
    expect(overview.html).toContain('Fald på mere end 12,5 % fra første år på »Deltagende virksomheder«');
    expect(overview.html).not.toContain('Fald på mere end 20 %');
    const [audit] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where entity = 'evaluation_rule_versions'`,
    );
    expect(audit?.n).toBe(1);
  });

  it('is refused to cluster staff and support staff, and saving is refused to them too', async () => {
    for (const who of ['gamma', 'support']) {
      const client = await as(who);
      expect((await client.get(path)).res.status, who).toBe(403);
      expect((await client.post(path, { ...defaults, action: 'save' })).res.status, who).toBe(403);
    }
  });
});

describe('data quality pages', () => {
  // Data quality reads what was delivered, and flags the years not yet submitted.
  beforeAll(() => withdrawApprovals(database.db, fx));

  it('show a cluster its own year with shares and text flags', async () => {
    const client = await as('gamma');
    const { res, html } = await client.get('/arbejdsrum/datakvalitet?aar=2023');
    expect(res.status).toBe(200);
    expect(rowText(html, 'Gamma web')).toBe(
      // Each fixture activity has a single participant, so all 3 break the activity rule.
      '3 Indsendt 3 1 (33 %) 2 (67 %) 3 (100 %) Ikke opfyldt Markeringer: 33 % af virksomhederne mangler kommune Markeringer: 67 % af virksomhederne mangler branchekode Markeringer: 100 % af aktiviteterne bryder aktivitetsreglen (færre end to deltagere eller ingen virksomhed)',
    );
    expect(html).not.toContain('Delta web');
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('show a funder the clusters it funds, with outliers and missing periods', async () => {
    const { html } = await (await as('funder')).get('/finansiering/datakvalitet?aar=2023');
    expect(html).not.toContain('Epsilon web');
    expect(rowText(html, 'Delta web')).toContain('Stor ændring: Aktiviteter fra 4 til 10 (+150 %)');
    expect(rowText(html, 'Delta web')).toContain('Året er ikke indsendt (status: Åben)');
    // A year without a stored period is open, in the same word as the periods pages use.
    expect(rowText(html, 'Alfa web')).toContain('Året er ikke indsendt (status: Åben)');
    const support = await as('support');
    expect((await support.get('/finansiering/datakvalitet')).res.status).toBe(403);
  });
});
