import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let staff: Client;
let clusterUser: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const supportFunction = await createOrganisation(database.db, { kind: 'support_function' });
  const user = await createUser(database.db, 'support_staff', { organisationId: supportFunction.id });
  staff = await signedInClient(t.app, user.email);
  clusterUser = await signedInClient(t.app, (await createUser(database.db, 'cluster_staff')).email);
});
afterAll(() => database?.close());

const FORM = {
  kind: 'template',
  topic: 'governance',
  access: 'public',
  titleDa: 'Forretningsorden for bestyrelsen',
  titleEn: 'Rules of procedure for the board',
  summaryDa: 'Bestyrelsens opgaver, møder, beslutninger og referater.',
  summaryEn: 'The board’s tasks, meetings, decisions and minutes.',
  bodyDa: 'Tilpas **mødehyppigheden** til klyngen.',
  bodyEn: 'Fit the **number of meetings** to the cluster.',
};
const SLUG = 'forretningsorden-for-bestyrelsen';
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\ntrailer<<>>\n%%EOF\n`);

/** Posts a version of the template as the page's form does (multipart, CSRF token first). */
async function upload(
  client: Client,
  file: { name: string; bytes: Uint8Array },
  changes: Record<string, string>,
) {
  await client.get(`/viden/skabeloner/${SLUG}`);
  const form = new FormData();
  form.set('_csrf', client.csrfToken);
  for (const [k, v] of Object.entries(changes)) form.set(k, v);
  form.set('file', new File([new Uint8Array(file.bytes)], file.name, { type: 'application/pdf' }));
  const res = await client.request(`/viden/skabeloner/${SLUG}/versioner`, { method: 'POST', body: form });
  return { res, html: res.headers.get('content-type')?.includes('text/html') ? await res.text() : '' };
}

describe(`the knowledge base pages (${testDriver()})`, () => {
  it('support staff create a template, upload two versions and anyone downloads both from the changelog', async () => {
    await staff.get('/viden/ny');
    const saved = await staff.post('/viden/ny', FORM);
    expect(saved.res.status).toBe(303);
    expect(saved.res.headers.get('location')).toBe(`/viden/skabeloner/${SLUG}?gemt=1`);

    const first = await upload(
      staff,
      { name: 'forretningsorden.pdf', bytes: pdf('one') },
      {
        changesDa: 'Første udgave.',
        changesEn: 'First edition.',
      },
    );
    expect(first.res.status).toBe(303);
    expect(first.res.headers.get('location')).toBe(`/viden/skabeloner/${SLUG}?version=1`);
    const second = await upload(
      staff,
      { name: 'forretningsorden.pdf', bytes: pdf('two, longer') },
      {
        changesDa: 'Nyt afsnit om habilitet.',
        changesEn: 'New section on conflicts of interest.',
      },
    );
    expect(second.res.headers.get('location')).toBe(`/viden/skabeloner/${SLUG}?version=2`);

    const visitor = new Client(t.app);
    const page = await visitor.get(`/viden/skabeloner/${SLUG}`);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('<h1>Forretningsorden for bestyrelsen</h1>');
    expect(page.html).toContain('<strong>mødehyppigheden</strong>');
    // Newest first, each with what changed and its own download.
    const changes = [...page.html.matchAll(/<td>(Nyt afsnit om habilitet\.|Første udgave\.)<\/td>/g)].map(
      (m) => m[1],
    );
    expect(changes).toEqual(['Nyt afsnit om habilitet.', 'Første udgave.']);
    expect(page.html).toContain(`href="/viden/skabeloner/${SLUG}/versioner/1"`);
    expect(page.html).not.toContain('Læg en ny version op');
    const english = await visitor.get(`/en/knowledge/templates/${SLUG}`);
    expect(english.html).toContain('New section on conflicts of interest.');

    const old = await visitor.request(`/viden/skabeloner/${SLUG}/versioner/1`);
    expect(old.status).toBe(200);
    expect(old.headers.get('content-type')).toBe('application/pdf');
    expect(old.headers.get('content-disposition')).toBe('attachment; filename="forretningsorden.pdf"');
    expect(new Uint8Array(await old.arrayBuffer())).toEqual(pdf('one'));
    expect((await visitor.request(`/viden/skabeloner/${SLUG}/versioner/3`)).status).toBe(404);

    // The search's link to /viden/:slug leads to the template's page.
    const moved = await visitor.request(`/viden/${SLUG}`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/viden/skabeloner/${SLUG}`);
    expect((await visitor.get('/viden')).html).toContain('Skabelon · Version 2');

    // In the search by its Danish and English words, under its own tab, linking to its page.
    const found = await visitor.get('/soeg?q=forretningsorden&type=knowledge');
    expect(found.html).toContain(`href="/viden/${SLUG}"`);
    expect(found.html).toMatch(/Viden og skabeloner \(1\)/);
    const foundEn = await visitor.get('/en/search?q=procedure&type=knowledge');
    expect(foundEn.html).toContain(`href="/en/knowledge/${SLUG}"`);
    expect(foundEn.html).toMatch(/Knowledge and templates \(1\)/);
  });

  it('a refused file or a missing "what changed" shows the form again with the errors and stores nothing', async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const wrongType = await upload(
      staff,
      { name: 'billede.pdf', bytes: png },
      { changesDa: 'x y z', changesEn: 'x y z' },
    );
    expect(wrongType.res.status).toBe(422);
    expect(wrongType.html).toContain('Filen skal være PDF, Word (docx), Excel (xlsx) eller OpenDocument.');
    const noText = await upload(
      staff,
      { name: 'f.pdf', bytes: pdf('three') },
      { changesDa: '', changesEn: '' },
    );
    expect(noText.res.status).toBe(422);
    expect(noText.html).toContain('id="changesDa-error"');
    const page = await new Client(t.app).get(`/viden/skabeloner/${SLUG}`);
    expect(page.html).not.toContain(`/versioner/3"`);
  });

  it('an item for signed-in users sends a visitor to log in, page and file alike, and is read by a cluster user', async () => {
    await staff.get(`/viden/${SLUG}/rediger`);
    const edited = await staff.post(`/viden/${SLUG}/rediger`, { ...FORM, access: 'signed_in' });
    expect(edited.res.status).toBe(303);
    const visitor = new Client(t.app);
    for (const path of [
      `/viden/skabeloner/${SLUG}`,
      `/viden/skabeloner/${SLUG}/versioner/1`,
      `/viden/${SLUG}`,
    ]) {
      const res = await visitor.request(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toMatch(/^\/log-ind\?/);
    }
    expect((await visitor.get('/viden')).html).not.toContain('Forretningsorden for bestyrelsen');
    expect((await clusterUser.get(`/viden/skabeloner/${SLUG}`)).res.status).toBe(200);
    const file = await clusterUser.request(`/viden/skabeloner/${SLUG}/versioner/2`);
    expect(file.status).toBe(200);
    expect(file.headers.get('cache-control')).toBe('private, no-store');
    // Only the knowledge base's keepers edit it.
    expect((await clusterUser.get(`/viden/${SLUG}/rediger`)).res.status).toBe(403);
    expect((await clusterUser.get('/viden/ny')).res.status).toBe(403);
  });
});
