import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createCluster, createOrganisation, createUser, randomCvr } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let advisor: Client;
let support: Client;
let clusterStaff: Client;
let hubId: string;
let clusterId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  hubId = (await createOrganisation(db, { kind: 'business_service', name: 'Erhvervshus Testby' })).id;
  clusterId = (await createCluster(db, { cvr: randomCvr(), name: 'Testklyngen', slug: 'testklyngen' })).id;
  const supportFunction = await createOrganisation(db, { kind: 'support_function' });
  advisor = await signedInClient(
    t.app,
    (await createUser(db, 'business_service_staff', { organisationId: hubId })).email,
  );
  support = await signedInClient(
    t.app,
    (await createUser(db, 'support_staff', { organisationId: supportFunction.id })).email,
  );
  clusterStaff = await signedInClient(
    t.app,
    (await createUser(db, 'cluster_staff', { organisationId: clusterId })).email,
  );
});
afterAll(() => database?.close());

const TITLE = 'Fælles rådgiver mellem hus og klynge';
const SLUG = 'faelles-raadgiver-mellem-hus-og-klynge';

/** Posts a form as the browser does: a list box and checkboxes repeat their field. */
async function postForm(client: Client, path: string, fields: [string, string][]) {
  const body = new URLSearchParams([['_csrf', client.csrfToken], ...fields]);
  const res = await client.request(path, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { res, html: res.headers.get('content-type')?.includes('text/html') ? await res.text() : '' };
}

const proposal = (): [string, string][] => [
  ['title', TITLE],
  ['model', 'shared_staff'],
  ['summary', 'En rådgiver deler sin tid mellem erhvervshuset og klyngen og kender begges tilbud.'],
  ['actors', hubId],
  ['actors', clusterId],
  ['regions', '1083'],
  ['regions', '1085'],
  ['themes', 'robotics'],
  ['whatWasDone', 'Rådgiveren sidder to dage om ugen hos klyngen og tre i erhvervshuset.'],
  ['whatWorked', 'Virksomhederne får ét ansigt.'],
  ['whatDidNot', 'Kalenderen blev svær at styre.'],
  ['contactName', 'Rasmus Rådgiver'],
  ['contactEmail', 'rasmus@example.org'],
];

describe(`the best-practice catalogue pages (${testDriver()})`, () => {
  it('a hub proposes (errors first), the support function publishes from the queue, and everybody reads it', async () => {
    await advisor.get('/viden/god-praksis/foreslaa');
    const empty = await postForm(advisor, '/viden/god-praksis/foreslaa', []);
    expect(empty.res.status).toBe(422);
    expect(empty.html).toContain('Vælg en samarbejdsmodel.');
    expect(empty.html).toContain('Vælg mindst én region.');
    expect(empty.html).toContain('Vælg mellem 1 og 20 organisationer fra listen.');

    const sent = await postForm(advisor, '/viden/god-praksis/foreslaa', proposal());
    expect(sent.res.status).toBe(303);
    expect(sent.res.headers.get('location')).toBe(`/viden/god-praksis/${SLUG}?besked=proposed`);

    const visitor = new Client(t.app);
    expect((await visitor.get(`/viden/god-praksis/${SLUG}`)).res.status).toBe(404);
    expect((await visitor.get('/viden/god-praksis')).html).not.toContain(TITLE);
    const own = await advisor.get('/viden/god-praksis');
    expect(own.html).toContain('Jeres forslag');
    expect(own.html).toContain(TITLE);

    const queue = await support.get('/support/god-praksis');
    expect(queue.res.status).toBe(200);
    expect(queue.html).toContain(`href="/viden/god-praksis/${SLUG}"`);
    await support.get(`/viden/god-praksis/${SLUG}`);
    const noReason = await postForm(support, `/viden/god-praksis/${SLUG}/afvis`, [['reason', '']]);
    expect(noReason.res.status).toBe(422);
    expect((await postForm(clusterStaff, `/viden/god-praksis/${SLUG}/offentliggoer`, [])).res.status).toBe(
      403,
    );
    const published = await postForm(support, `/viden/god-praksis/${SLUG}/offentliggoer`, []);
    expect(published.res.status).toBe(303);

    const page = await visitor.get(`/viden/god-praksis/${SLUG}`);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain(`<h1>${TITLE}</h1>`);
    expect(page.html).toContain('Region Syddanmark, Region Sjælland');
    expect(page.html).toContain('href="/klynger/testklyngen"');
    const english = await visitor.get(`/en/knowledge/good-practice/${SLUG}`);
    expect(english.html).toContain('Shared staff or advisors');
    expect((await visitor.get('/viden/god-praksis?model=shared_staff&region=1085')).html).toContain(TITLE);
    expect((await visitor.get('/viden/god-praksis?model=joint_events')).html).not.toContain(TITLE);
    expect((await visitor.get('/viden/god-praksis?region=x&theme=nope')).res.status).toBe(200);
    const found = await visitor.get('/soeg?q=r%C3%A5dgiver&type=practice');
    expect(found.html).toContain(`href="/viden/god-praksis/${SLUG}"`);
  });

  it('keeps the proposal form and the queue to those who use them', async () => {
    expect((await clusterStaff.get('/viden/god-praksis/foreslaa')).res.status).toBe(200);
    expect((await support.get('/viden/god-praksis/foreslaa')).res.status).toBe(403);
    expect((await clusterStaff.get('/support/god-praksis')).res.status).toBe(403);
    expect((await advisor.get(`/viden/god-praksis/${SLUG}/rediger`)).res.status).toBe(403);
  });
});
