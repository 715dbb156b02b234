import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { clusters, fundingGrants, organisations } from '../../src/db/schema/index.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
const users: Record<string, { email: string; password: string }> = {};
let ownerSlug = '';

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const owner = await createOrganisation(database.db, { kind: 'funder', name: 'Region Ejer' });
  ownerSlug = owner.slug;
  const other = await createOrganisation(database.db, { kind: 'funder', name: 'Kommune Anden' });
  const cluster = await createOrganisation(database.db, { name: 'Testklyngen' });
  await withActor(database.db, systemActor('test'), async (tx) => {
    await tx.update(organisations).set({ municipalityCode: 461 }).where(eq(organisations.id, cluster.id));
    await tx
      .insert(clusters)
      .values({ organisationId: cluster.id, league: 'regional', themes: ['robotics'] });
    await tx.insert(fundingGrants).values([
      { funderId: owner.id, clusterId: cluster.id, year: 2025, amountDkk: 1_234_567, responsible: true },
      { funderId: other.id, clusterId: cluster.id, year: 2025, amountDkk: 100_000 },
    ]);
  });
  users.owner = await createUser(database.db, 'funder', { organisationId: owner.id });
  users.other = await createUser(database.db, 'funder', { organisationId: other.id });
  users.cluster = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
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

describe('funding coordination pages', () => {
  it('refuses cluster staff with 403 and sends visitors to log in', async () => {
    const staff = await as('cluster');
    for (const path of [
      '/finansiering/koordinering',
      `/finansiering/koordinering/finansiorer/${ownerSlug}`,
      '/finansiering/planer',
      '/en/funding/plans/new',
    ])
      expect((await staff.get(path)).res.status, path).toBe(403);
    await staff.get('/konto');
    expect((await staff.post('/finansiering/planer/ny', { title: 'x' })).res.status).toBe(403);
    const visitor = new Client(t.app);
    for (const path of ['/finansiering/koordinering', '/finansiering/planer']) {
      const res = await visitor.request(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/log-ind?next=${encodeURIComponent(path)}`);
    }
  });

  it('shows funders and amounts per cluster in Danish format, and the funder’s portfolio', async () => {
    const admin = await as('admin');
    const { res, html } = await admin.get('/finansiering/koordinering?aar=2025');
    expect(res.status).toBe(200);
    expect(html).toContain('Region Ejer: 1.234.567 kr. (ansvarlig)');
    expect(html).toContain('1.334.567 kr.');
    expect(html).toContain('<svg');
    const portfolio = await admin.get(`/en/funding/coordination/funders/${ownerSlug}`);
    expect(portfolio.html).toContain('DKK 1,234,567');
    expect(portfolio.html).toContain('Testklyngen');
    expect((await admin.get('/finansiering/koordinering/finansiorer/findes-ikke')).res.status).toBe(404);
  });

  it('lets a funder record a plan with field errors first, notifies the other funder, who comments', async () => {
    const owner = await as('owner');
    await owner.get('/finansiering/planer/ny');
    const bad = await owner.post('/finansiering/planer/ny', {
      title: 'Ny robotpulje',
      description: 'for kort',
      theme: 'robotics',
      budgetDkk: 'mange',
      decisionDate: '2099-12-31',
    });
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain('Vælg mindst én region.');
    expect(bad.html).toContain('Skriv budgettet som et helt');
    expect(bad.html).toContain('form-error-message');
    const noCsrf = await owner.post('/finansiering/planer/ny', { title: 'x' }, { csrf: false });
    expect(noCsrf.res.status).toBe(403);
    await owner.get('/finansiering/planer/ny');
    const good = await owner.post('/finansiering/planer/ny', {
      title: 'Ny robotpulje',
      description: 'En pulje til robotprojekter i klyngerne på Fyn og i Trekantområdet.',
      theme: 'robotics',
      regionCodes: '1083',
      budgetDkk: '2.500.000',
      decisionDate: '2099-12-31',
    });
    expect(good.res.status).toBe(303);
    const location = good.res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/finansiering\/planer\/[0-9a-f-]{36}\?ny=1$/);
    const path = location.split('?')[0] ?? '';
    expect(t.deps.mailer.outbox.some((m) => m.to === users.other?.email)).toBe(true);
    // The other funder sees the unread count in the header and the notification
    const other = await as('other');
    const home = await other.get('/');
    expect(home.html).toContain('Notifikationer (1 ulæste)');
    const list = await other.get('/konto/notifikationer');
    expect(list.html).toContain(`href="${path}"`);
    expect(list.html).toContain('Region Ejer planlægger »Ny robotpulje«');
    const page = await other.get(path);
    expect(page.html).toContain('2.500.000 kr.');
    const commented = await other.post(path, { body: 'Vi finansierer allerede noget lignende.' });
    expect(commented.res.status).toBe(303);
    expect((await other.get(path)).html).toContain('Vi finansierer allerede noget lignende.');
    await other.post('/konto/notifikationer', {});
    expect((await other.get('/')).html).not.toContain('ulæste');
    // The owner may not comment on its own plan, but closes it
    const own = await owner.get(path);
    expect(own.html).not.toContain('name="body"');
    const closed = await owner.post(`${path}/afslut`, { outcome: 'abandoned', note: 'Dropper den igen.' });
    expect(closed.res.status).toBe(303);
    expect((await owner.get(path)).html).toContain('Opgivet');
    // Closed: a comment is refused
    await other.get(path);
    expect((await other.post(path, { body: 'For sent nu.' })).res.status).toBe(409);
  });
});

describe('the old addresses of funding plans', () => {
  it('redirect permanently to the same page under the new name, keeping the query', async () => {
    const visitor = new Client(t.app);
    const id = '0d7c6f2e-4b8a-4f7e-9d1c-2a3b4c5d6e7f';
    const moved: [string, string][] = [
      ['/finansiering/initiativer', '/finansiering/planer'],
      ['/finansiering/initiativer/ny', '/finansiering/planer/ny'],
      [`/finansiering/initiativer/${id}?ny=3`, `/finansiering/planer/${id}?ny=3`],
      [`/finansiering/initiativer/${id}/afslut`, `/finansiering/planer/${id}/afslut`],
      ['/en/funding/initiatives', '/en/funding/plans'],
      ['/en/funding/initiatives/new', '/en/funding/plans/new'],
      [`/en/funding/initiatives/${id}`, `/en/funding/plans/${id}`],
    ];
    for (const [from, to] of moved) {
      const res = await visitor.request(from);
      expect(res.status, from).toBe(301);
      expect(res.headers.get('location'), from).toBe(to);
    }
  });

  it('lead a signed-in funder to the plan', async () => {
    const owner = await as('owner');
    const list = await owner.get('/finansiering/planer');
    const path = /href="(\/finansiering\/planer\/[0-9a-f-]{36})"/.exec(list.html)?.[1] ?? '';
    expect(path).toMatch(/^\/finansiering\/planer\/[0-9a-f-]{36}$/);
    const old = await owner.request(path.replace('/planer/', '/initiativer/'));
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe(path);
    expect((await owner.get(path)).res.status).toBe(200);
  });
});
