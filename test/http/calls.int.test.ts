import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { applications, calls } from '../../src/db/schema/index.ts';
import {
  type Editor,
  moveCall,
  saveApplication,
  setUpCall,
  submitApplication,
} from '../../src/domain/calls/commands.ts';
import { findCallSetup } from '../../src/domain/calls/queries.ts';
import { callSetupInput } from '../../src/domain/calls/schemas.ts';
import type { Role } from '../../src/domain/policy/policy.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganisation, createUser, TEST_PASSWORD } from '../support/factories.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

// The app's clock is fixed; the call's deadline is ten minutes later.
const NOW = Date.parse('2027-01-15T12:00:00Z');
const DEADLINE = new Date(NOW + 600_000);

let database: Database;
let t: TestApp;
let funderOrg: { id: string };
let clusterA: { id: string };
let clusterB: { id: string };
let slug = '';
let applicationA = '';
let funder: Client;

async function signIn(role: Role, organisationId?: string) {
  const user = await createUser(database.db, role, organisationId ? { organisationId } : {});
  const client = new Client(t.app);
  const { res } = await client.login(user.email, TEST_PASSWORD);
  expect(res.status).toBe(303);
  return { user, client };
}

const editorOf = (userId: string, organisationId: string, role: Role): Editor => ({
  principal: { userId, memberships: [{ organisationId, role }] },
  actor: { userId, label: 'test' },
});

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  t.advanceClock(NOW - Date.now());
  const now = new Date(NOW);
  funderOrg = await createOrganisation(database.db, { kind: 'funder', name: 'Fonden' });
  clusterA = await createOrganisation(database.db, { name: 'Klynge A' });
  clusterB = await createOrganisation(database.db, { name: 'Klynge B' });
  const owner = await signIn('funder', funderOrg.id);
  funder = owner.client;
  const ownerEditor = editorOf(owner.user.id, funderOrg.id, 'funder');
  slug = `http-call-${Date.now()}`;
  const [call] = await withActor(database.db, systemActor('test'), (tx) =>
    tx
      .insert(calls)
      .values({ ownerId: funderOrg.id, slug, title: 'Opslag', status: 'draft', deadline: DEADLINE })
      .returning(),
  );
  if (!call) throw new Error('no call');
  await setUpCall(
    database.db,
    ownerEditor,
    call.id,
    callSetupInput.parse({
      titleEn: 'The call',
      summaryEn: '',
      firstYear: 2028,
      lastYear: 2028,
      budgets: [{ funderId: funderOrg.id, year: 2028, amountDkk: 1000 }],
      requirements: [{ textDa: 'Eget CVR-nummer', textEn: 'Own CVR number' }],
      criteria: [{ titleDa: 'Organisering', titleEn: 'Organisation', weight: 100 }],
    }),
    now,
  );
  await moveCall(database.db, ownerEditor, call.id, 'published', now);
  await moveCall(database.db, ownerEditor, call.id, 'open', now);
  const staffA = await createUser(database.db, 'cluster_staff', { organisationId: clusterA.id });
  const editorA = editorOf(staffA.id, clusterA.id, 'cluster_staff');
  const setup = await findCallSetup(database.db, call.id);
  const requirement = setup?.requirements[0]?.id ?? '';
  const { id } = await saveApplication(
    database.db,
    editorA,
    call.id,
    clusterA.id,
    { title: 'Klynge A søger', answers: { [requirement]: 'CVR 1' }, texts: {}, budget: [] },
    now,
  );
  await submitApplication(database.db, editorA, id, now);
  applicationA = id;
});
afterAll(() => database?.close());

describe('the set-up form', () => {
  it('shows an error summary and field messages on the re-rendered form, keeping what was typed', async () => {
    const path = `/opslag/${slug}/opsaetning`;
    expect((await funder.get(path)).res.status).toBe(200);
    const { res, html } = await funder.post(path, {
      titleEn: 'Typed title',
      summaryEn: '',
      firstYear: '2028',
      lastYear: '2027',
      b0Funder: funderOrg.id,
      b0Year: '2028',
      b0Amount: '1000',
      r0Da: 'Et krav der bliver',
      k0Da: 'Kvalitet',
      k0Weight: '50',
      k0Scale: '5',
    });
    expect(res.status).toBe(422);
    expect(html).toContain('id="error-summary-heading"');
    expect(html).toContain('Sidste år må ikke ligge før første år.');
    expect(html).toContain('Kriteriernes vægte skal give 100 i alt.');
    expect(html).toMatch(/<a href="#lastYear"/);
    expect(html).toMatch(/id="lastYear-error"/);
    expect(html).toMatch(/id="k0Weight-error"/);
    expect(html).toContain('value="Typed title"');
    expect(html).toContain('value="Et krav der bliver"');
  });

  it('adds and removes rows without JavaScript, keeping the values', async () => {
    const path = `/opslag/${slug}/opsaetning`;
    await funder.get(path);
    const added = await funder.post(path, { op: 'add-requirement', r0Da: 'Første krav', titleEn: 'T' });
    expect(added.res.status).toBe(200);
    expect(added.html).toContain('id="r1Da"');
    expect(added.html).toContain('value="Første krav"');
    const removed = await funder.post(path, { op: 'remove-requirement-0', r0Da: 'Første', r1Da: 'Andet' });
    expect(removed.html).not.toContain('value="Første"');
    expect(removed.html).toContain('value="Andet"');
    expect(removed.html).not.toContain('id="r1Da"');
  });
});

describe('who sees an application', () => {
  it('refuses an assessor who is not on the call', async () => {
    const { client } = await signIn('assessor');
    const { res, html } = await client.get(`/ansoegninger/${applicationA}`);
    expect([403, 404]).toContain(res.status);
    expect(html).not.toContain('Klynge A søger');
  });

  it('refuses another cluster', async () => {
    const { client } = await signIn('cluster_staff', clusterB.id);
    const { res, html } = await client.get(`/ansoegninger/${applicationA}`);
    expect([403, 404]).toContain(res.status);
    expect(html).not.toContain('Klynge A søger');
  });
});

describe('the application form', () => {
  it('shows the requirements and criteria in English on the English page', async () => {
    const { client } = await signIn('cluster_staff', clusterB.id);
    const { html } = await client.get(`/en/calls/${slug}/application`);
    expect(html).toContain('Own CVR number');
    expect(html).toContain('Organisation (100 %)');
    expect(html).not.toContain('Eget CVR-nummer');
    const da = await client.get(`/opslag/${slug}/ansoegning`);
    expect(da.html).toContain('Eget CVR-nummer');
  });

  it('refuses to submit after the deadline', async () => {
    const { client } = await signIn('cluster_staff', clusterB.id);
    const path = `/opslag/${slug}/ansoegning`;
    await client.get(path);
    const saved = await client.post(path, { do: 'save', title: 'Klynge B søger' });
    expect(saved.res.headers.get('location')).toContain('gemt=1');
    t.advanceClock(600_000 + 1000);
    await client.get(path);
    const late = await client.post(path, { do: 'submit', title: 'Klynge B søger' });
    expect(late.res.headers.get('location')).toContain('fejl=');
    const [row] = await database.db
      .select({ status: applications.status })
      .from(applications)
      .where(and(eq(applications.organisationId, clusterB.id)));
    expect(row?.status).toBe('draft');
    const page = await client.get(`${path}?fejl=conflict`);
    expect(page.html).toContain('alert-error');
  });
});
