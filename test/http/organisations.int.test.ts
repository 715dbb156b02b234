import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { memberships, organisations } from '../../src/db/schema/index.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { expectRequiredFieldMarks } from '../support/forms.ts';
import { type Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let admin: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  admin = await signedInClient(t.app, (await createUser(database.db, 'admin')).email);
});
afterAll(() => database?.close());

const byName = async (name: string) =>
  database.db.select().from(organisations).where(eq(organisations.name, name));

describe('organisation pages', () => {
  it('refuses a funder the register and its POST, writing nothing', async () => {
    const funder = await signedInClient(t.app, (await createUser(database.db, 'funder')).email);
    expect((await funder.get('/admin/organisationer')).res.status).toBe(403);
    await funder.get('/konto');
    const { res } = await funder.post('/admin/organisationer', { kind: 'business_service', name: 'Smuglet' });
    expect(res.status).toBe(403);
    expect(await byName('Smuglet')).toEqual([]);
  });

  it('shows a bad CVR and a missing league as field errors (422), writing nothing', async () => {
    // The schema takes an organisation without a CVR number, never without a name.
    expectRequiredFieldMarks((await admin.get('/admin/organisationer')).html, {
      optional: 'CVR-nummer',
      required: 'Navn',
    });
    const { res, html } = await admin.post('/admin/organisationer', {
      kind: 'cluster_organisation',
      name: 'Klynge uden liga',
      cvr: '12345675',
    });
    expect(res.status).toBe(422);
    expect(html).toContain('CVR-nummeret er ikke gyldigt');
    expect(html).toContain('id="league-error"');
    expect(await byName('Klynge uden liga')).toEqual([]);
  });

  it('creates a municipal funder, edits it, then ends it; the register lists it as ended', async () => {
    await admin.get('/en/admin/organisations');
    const created = await admin.post('/en/admin/organisations', {
      kind: 'funder',
      name: 'Aarhus Kommune',
      funderLevel: 'municipal',
      cvr: '55133018',
      municipalityCode: '751',
    });
    expect(created.res.status).toBe(303);
    const [row] = await byName('Aarhus Kommune');
    expect(created.res.headers.get('location')).toBe(`/en/admin/organisations/${row?.id}?saved=created`);
    const page = `/admin/organisationer/${row?.id}`;
    await admin.get(page);
    const edited = await admin.post(page, {
      kind: 'funder',
      name: 'Aarhus Kommune',
      funderLevel: 'municipal',
      cvr: '55133018',
      municipalityCode: '751',
      address: 'Rådhuspladsen 2, 8000 Aarhus C',
    });
    expect(edited.res.status).toBe(303);
    expect((await byName('Aarhus Kommune'))[0]?.address).toBe('Rådhuspladsen 2, 8000 Aarhus C');
    const badEnd = await admin.post(`${page}/afslut`, { endedOn: '30-06-2026' });
    expect(badEnd.res.status).toBe(422);
    const ended = await admin.post(`${page}/afslut`, { endedOn: '2026-06-30' });
    expect(ended.res.status).toBe(303);
    const { html } = await admin.get('/admin/organisationer');
    expect(html).toContain('Afsluttet 2026-06-30');
    const again = await admin.post(`${page}/afslut`, { endedOn: '2026-07-01' });
    expect(again.res.status).toBe(409);
  });

  it('lists the users of an organisation and takes a role away; a funder is refused', async () => {
    const cluster = await createOrganisation(database.db, { name: 'Brugerklyngen' });
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
    const page = `/admin/organisationer/${cluster.id}`;
    const { html } = await admin.get(page);
    expect(html).toContain(staff.email);
    const form = { userId: staff.id, role: 'cluster_staff' };
    const funder = await signedInClient(t.app, (await createUser(database.db, 'funder')).email);
    await funder.get('/konto');
    expect((await funder.post(`${page}/brugere/fjern`, form)).res.status).toBe(403);
    const removed = await admin.post(`${page}/brugere/fjern`, form);
    expect(removed.res.status).toBe(303);
    expect(removed.res.headers.get('location')).toBe(`${page}?saved=removed`);
    expect((await admin.get(page)).html).not.toContain(staff.email);
    expect((await admin.post(`${page}/brugere/fjern`, { userId: 'x', role: 'admin' })).res.status).toBe(404);
  });

  it('lets support staff create and edit an organisation but not see or change its users', async () => {
    const cluster = await createOrganisation(database.db, { name: 'Supportklyngen' });
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
    const support = await signedInClient(t.app, (await createUser(database.db, 'support_staff')).email);
    const page = `/admin/organisationer/${cluster.id}`;
    const { res, html } = await support.get(page);
    expect(res.status).toBe(200);
    expect(html).not.toContain(staff.email);
    const form = { userId: staff.id, role: 'cluster_staff' };
    expect((await support.post(`${page}/brugere/fjern`, form)).res.status).toBe(403);
    const created = await support.post('/admin/organisationer', {
      kind: 'business_service',
      name: 'Erhvervshus Sjælland',
      municipalityCode: '259',
    });
    expect(created.res.status).toBe(303);
    expect(await byName('Erhvervshus Sjælland')).toHaveLength(1);
  });

  it('creates a knowledge institution and filters the register by kind', async () => {
    await admin.get('/admin/organisationer');
    const created = await admin.post('/admin/organisationer', {
      kind: 'knowledge_institution',
      name: 'Aalborg Universitet',
      municipalityCode: '851',
    });
    expect(created.res.status).toBe(303);
    const filtered = await admin.get('/admin/organisationer?kind=knowledge_institution');
    expect(filtered.res.status).toBe(200);
    expect(filtered.html).toContain('Aalborg Universitet');
    expect(filtered.html).toContain('<option value="knowledge_institution" selected');
    expect(filtered.html).not.toContain('Aarhus Kommune');
    const english = await admin.get('/en/admin/organisations?kind=knowledge_institution');
    expect(english.html).toContain('Knowledge institution');
    const funders = await admin.get('/admin/organisationer?kind=funder');
    expect(funders.html).not.toContain('Aalborg Universitet');
    // A kind that is no kind shows the whole register rather than an error.
    const unknown = await admin.get('/admin/organisationer?kind=university');
    expect(unknown.res.status).toBe(200);
    expect(unknown.html).toContain('Aalborg Universitet');
  });

  it('merges a duplicate after "Tjek og flet"; a merge that would duplicate a role is refused (409)', async () => {
    const support = await signedInClient(t.app, (await createUser(database.db, 'support_staff')).email);
    const duplicate = await createOrganisation(database.db, {
      kind: 'business_service',
      name: 'Erhvervshus Nord (dublet)',
    });
    const survivor = await createOrganisation(database.db, {
      kind: 'business_service',
      name: 'Erhvervshus Nord',
    });
    const person = await createUser(database.db, 'business_service_staff', { organisationId: duplicate.id });
    const page = `/admin/organisationer/${duplicate.id}/flet`;
    const chooser = await support.get(page);
    expect(chooser.res.status).toBe(200);
    expect(chooser.html).toContain(
      `<option value="${survivor.id}">Erhvervshus Nord (intet CVR-nummer)</option>`,
    );
    const check = await support.get(`${page}?organisation=${survivor.id}`);
    expect(check.html).toContain('Tjek og flet');
    expect(check.html).toContain('Brugerroller: 1');
    const english = await support.get(
      `/en/admin/organisations/${duplicate.id}/merge?organisation=${survivor.id}`,
    );
    expect(english.html).toContain('User roles: 1');

    // The same person also holds the same role in the survivor: the merge would duplicate it.
    await withActor(database.db, systemActor('test'), (tx) =>
      tx
        .insert(memberships)
        .values({ userId: person.id, organisationId: survivor.id, role: 'business_service_staff' }),
    );
    const refused = await support.post(page, { survivorId: survivor.id });
    expect(refused.res.status).toBe(409);
    expect(refused.html).toContain('Begge organisationer har den samme registrering');
    expect(await byName('Erhvervshus Nord (dublet)')).toHaveLength(1);

    await withActor(database.db, systemActor('test'), (tx) =>
      tx.delete(memberships).where(eq(memberships.organisationId, survivor.id)),
    );
    const merged = await support.post(page, { survivorId: survivor.id });
    expect(merged.res.status).toBe(303);
    expect(merged.res.headers.get('location')).toBe(`/admin/organisationer/${survivor.id}?saved=merged`);
    expect(await byName('Erhvervshus Nord (dublet)')).toEqual([]);
    expect((await support.post(page, { survivorId: 'x' })).res.status).toBe(404);
  });

  it('answers 404 for an organisation that does not exist', async () => {
    const { res } = await admin.get('/admin/organisationer/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
  });
});
