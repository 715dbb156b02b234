import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { applications, calls } from '../../src/db/schema/index.ts';
import type { Caller } from '../../src/domain/caller.ts';
import { saveApplication, submitApplication } from '../../src/domain/calls/applications.ts';
import { addAttachment } from '../../src/domain/calls/attachments.ts';
import { callSetupInput } from '../../src/domain/calls/schemas.ts';
import { findCallSetup, moveCall, setUpCall } from '../../src/domain/calls/setup.ts';
import type { Role } from '../../src/domain/policy/policy.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganisation, createUser, TEST_PASSWORD } from '../support/factories.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';
import { pdfBytes } from '../support/pdf.ts';

// The app's clock is fixed; the call's deadline is ten minutes later.
const NOW = Date.parse('2027-01-15T12:00:00Z');
const DEADLINE = new Date(NOW + 600_000);

let database: Database;
let t: TestApp;
let funderOrg: { id: string };
let coFunderOrg: { id: string };
let callId = '';
let clusterA: { id: string };
let clusterB: { id: string };
let slug = '';
let applicationA = '';
let funder: Client;
let assessor: Client;

async function signIn(role: Role, organisationId?: string) {
  const user = await createUser(database.db, role, organisationId ? { organisationId } : {});
  const client = new Client(t.app);
  const { res } = await client.login(user.email, TEST_PASSWORD);
  expect(res.status).toBe(303);
  return { user, client };
}

const editorOf = (userId: string, organisationId: string, role: Role): Caller => ({
  principal: { userId, memberships: [{ organisationId, role }] },
  actor: { userId, label: 'test' },
});

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  t.advanceClock(NOW - Date.now());
  const now = new Date(NOW);
  funderOrg = await createOrganisation(database.db, { kind: 'funder', name: 'Fonden' });
  coFunderOrg = await createOrganisation(database.db, { kind: 'funder', name: 'Medfinansiøren' });
  clusterA = await createOrganisation(database.db, { name: 'Klynge A' });
  clusterB = await createOrganisation(database.db, { name: 'Klynge B' });
  const owner = await signIn('funder', funderOrg.id);
  funder = owner.client;
  const ownerEditor = editorOf(owner.user.id, funderOrg.id, 'funder');
  const onCall = await signIn('assessor');
  assessor = onCall.client;
  slug = `http-call-${Date.now()}`;
  const [call] = await withActor(database.db, systemActor('test'), (tx) =>
    tx
      .insert(calls)
      .values({ ownerId: funderOrg.id, slug, title: 'Opslag', status: 'draft', deadline: DEADLINE })
      .returning(),
  );
  if (!call) throw new Error('no call');
  callId = call.id;
  await setUpCall(
    database.db,
    ownerEditor,
    call.id,
    callSetupInput.parse({
      titleEn: 'The call',
      summaryEn: '',
      firstYear: 2028,
      lastYear: 2028,
      budgets: [
        { funderId: funderOrg.id, year: 2028, amountDkk: 1000 },
        { funderId: coFunderOrg.id, year: 2028, amountDkk: 500 },
      ],
      requirements: [{ textDa: 'Eget CVR-nummer', textEn: 'Own CVR number' }],
      criteria: [{ titleDa: 'Organisering', titleEn: 'Organisation', weight: 100 }],
      assessorIds: [onCall.user.id],
    }),
    now,
  );
  await moveCall(database.db, ownerEditor, call.id, 'published', now);
  await moveCall(database.db, ownerEditor, call.id, 'open', now);
  const staffA = await createUser(database.db, 'cluster_staff', { organisationId: clusterA.id });
  const editorA = editorOf(staffA.id, clusterA.id, 'cluster_staff');
  const setup = await findCallSetup(database.db, editorA.principal, call.id);
  const requirement = setup?.requirements[0]?.id ?? '';
  const { id } = await saveApplication(
    database.db,
    editorA,
    call.id,
    clusterA.id,
    {
      title: 'Klynge A søger',
      answers: { [requirement]: 'CVR 1' },
      texts: {},
      budget: [{ year: 2028, category: 'networking', amountDkk: 300_000 }],
    },
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
    expect(res.status).toBe(403);
    expect(html).not.toContain('Klynge A søger');
  });

  it('refuses another cluster', async () => {
    const { client } = await signIn('cluster_staff', clusterB.id);
    const { res, html } = await client.get(`/ansoegninger/${applicationA}`);
    expect(res.status).toBe(403);
    expect(html).not.toContain('Klynge A søger');
  });

  it('shows a submitted application to the owner and to a co-funder of the joint call, not to another funder', async () => {
    const coFunder = await signIn('funder', coFunderOrg.id);
    const shown = await coFunder.client.get(`/ansoegninger/${applicationA}`);
    expect(shown.res.status).toBe(200);
    expect(shown.html).toContain('Klynge A søger');
    // The budget applied for, in words and Danish amounts; the status in the glossary's words.
    expect(shown.html).toContain('<dt>Netværk 2028</dt><dd>300.000 kr.</dd>');
    expect(shown.html).toContain('<strong>Indsendt</strong>');
    expect(shown.html).toContain(`href="/opslag/${slug}/sagsbehandling"`);
    expect((await funder.get(`/ansoegninger/${applicationA}`)).res.status).toBe(200);
    const other = await signIn('funder');
    expect((await other.client.get(`/ansoegninger/${applicationA}`)).res.status).toBe(403);
  });

  it("keeps a draft and its attachment the applicant's until submitted", async () => {
    const clusterD = await createOrganisation(database.db, { name: 'Klynge D' });
    const applicant = await signIn('cluster_staff', clusterD.id);
    const editor = {
      principal: {
        userId: applicant.user.id,
        memberships: [{ organisationId: clusterD.id, role: 'cluster_staff' as const }],
      },
      actor: { userId: applicant.user.id, label: applicant.user.email },
    };
    const now = new Date(NOW);
    const { id } = await saveApplication(
      database.db,
      editor,
      callId,
      clusterD.id,
      { title: 'Klynge D skriver', answers: {}, texts: {}, budget: [] },
      now,
    );
    const file = await addAttachment(
      database.db,
      editor,
      t.deps.config.dataDir,
      id,
      { name: 'udkast.pdf', bytes: await pdfBytes('Udkast') },
      now,
    );
    const mine = await applicant.client.get(`/ansoegninger/${id}`);
    expect(mine.res.status).toBe(200);
    expect(mine.html).toContain('Klynge D skriver');
    expect((await applicant.client.request(`/bilag/${file.id}`)).status).toBe(200);
    expect((await funder.get(`/ansoegninger/${id}`)).res.status).toBe(403);
    expect((await funder.request(`/bilag/${file.id}`)).status).toBe(403);
    expect((await assessor.get(`/ansoegninger/${id}`)).res.status).toBe(403);
    const processing = await funder.get(`/opslag/${slug}/sagsbehandling`);
    expect(processing.res.status).toBe(200);
    expect(processing.html).toContain('Klynge A');
    expect(processing.html).not.toContain('Klynge D');
  });

  it('answers 404 for an address that is not an application', async () => {
    expect((await funder.get('/ansoegninger/ikke-en-ansoegning')).res.status).toBe(404);
    expect((await funder.request('/bilag/ikke-et-bilag')).status).toBe(404);
    expect((await funder.request('/ansoegninger/ikke-en-ansoegning/afgoerelse.pdf')).status).toBe(404);
  });
});

describe('my assessments', () => {
  it('lists the applications of the calls I assess, with my progress and conflict status', async () => {
    // Fixture: the application has passed eligibility.
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.update(applications).set({ status: 'eligible' }).where(eq(applications.id, applicationA)),
    );
    const mine = await assessor.get('/bedoemmelser');
    expect(mine.res.status).toBe(200);
    expect(mine.html).toContain('Klynge A');
    expect(mine.html).toContain('Ikke erklæret');
    expect(mine.html).toContain('0 / 1');
    expect(mine.html).toContain(`/ansoegninger/${applicationA}`);
    const other = await signIn('assessor');
    const theirs = await other.client.get('/bedoemmelser');
    expect(theirs.res.status).toBe(200);
    expect(theirs.html).not.toContain('Klynge A');
    const cluster = await signIn('cluster_staff', clusterB.id);
    expect((await cluster.client.get('/bedoemmelser')).res.status).toBe(403);
  });

  it("names a published call's phase with the glossary's word, as its public page and its owner do", async () => {
    const setCall = (values: Partial<typeof calls.$inferInsert>) =>
      withActor(database.db, systemActor('test'), (tx) =>
        tx.update(calls).set(values).where(eq(calls.id, callId)),
      );
    // Fixture: the call is published (its deadline ten minutes ahead) while an application is eligible.
    await setCall({ status: 'published' });
    try {
      const open = await assessor.get('/bedoemmelser');
      expect(open.html).toContain('<p>Status: Åben for ansøgninger</p>');
      expect(open.html).not.toContain('Offentliggjort');
      expect((await assessor.get('/en/assessments')).html).toContain('<p>Status: Open for applications</p>');
      // The public page's badge uses the same word.
      expect((await assessor.get(`/opslag/${slug}`)).html).toContain(
        'content-phase">Åben for ansøgninger</span>',
      );
      expect((await assessor.get(`/en/calls/${slug}`)).html).toContain(
        'content-phase">Open for applications</span>',
      );
      await setCall({ opensAt: new Date(NOW + 60_000) });
      expect((await assessor.get('/bedoemmelser')).html).toContain('<p>Status: Åbner senere</p>');
    } finally {
      await setCall({ status: 'open', opensAt: null });
    }
  });

  it("refuses an assessor's score that is not a whole number with the form's message, not a 500", async () => {
    const page = `/ansoegninger/${applicationA}`;
    // Before declaring, the page is named after the call, and the declaration is an explicit choice.
    const undeclared = await assessor.get(page);
    expect(undeclared.html).toContain('<h1>Ansøgning til Opslag</h1>');
    expect(undeclared.html).not.toContain('checked');
    const blank = await assessor.post(page, { do: 'declare', note: '' });
    expect(blank.res.headers.get('location')).toBe(`${page}?fejl=conflict_choice`);
    expect((await assessor.get(`${page}?fejl=conflict_choice`)).html).toContain(
      'Vælg, om du er inhabil eller ej.',
    );
    expect((await assessor.get(page)).html).not.toContain('Klynge A søger');
    expect((await assessor.post(page, { do: 'declare', hasConflict: 'no' })).res.status).toBe(303);
    const { html } = await assessor.get(page);
    const field = /name="(score:[0-9a-f-]{36})"/.exec(html)?.[1] ?? '';
    expect(field).not.toBe('');
    for (const score of ['3,5', '3.5', '1e3', '99999999999999999999', '-1']) {
      const { res } = await assessor.post(page, { do: 'score', [field]: score });
      expect(res.status, score).toBe(303);
      expect(res.headers.get('location')?.replace(page, ''), score).toBe('?fejl=validation');
    }
  });

  it('links the public call page to its processing pages only for those allowed to see them', async () => {
    const processing = `/opslag/${slug}/sagsbehandling`;
    expect((await funder.get(`/opslag/${slug}`)).html).toContain(`href="${processing}"`);
    const forAssessor = (await assessor.get(`/opslag/${slug}`)).html;
    expect(forAssessor).toContain('href="/bedoemmelser"');
    expect(forAssessor).not.toContain(`href="${processing}"`);
    const cluster = await signIn('cluster_staff', clusterB.id);
    const forCluster = (await cluster.client.get(`/opslag/${slug}`)).html;
    expect(forCluster).not.toContain(`href="${processing}"`);
    expect(forCluster).not.toContain('href="/bedoemmelser"');
  });
});

describe('the application form', () => {
  it('is not there for a call whose applications are made outside the portal (no set-up)', async () => {
    const external = `ekstern-${Date.now()}`;
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(calls).values({
        ownerId: funderOrg.id,
        slug: external,
        title: 'Eksternt opslag',
        status: 'open',
        deadline: DEADLINE,
      }),
    );
    const { client } = await signIn('cluster_staff', clusterB.id);
    expect((await client.get(`/opslag/${external}`)).res.status).toBe(200);
    expect((await client.get(`/opslag/${external}/ansoegning`)).res.status).toBe(404);
    await client.get(`/opslag/${slug}/ansoegning`);
    const posted = await client.post(`/opslag/${external}/ansoegning/om-projektet`, { title: 'Forsøg' });
    expect(posted.res.status).toBe(404);
    const [call] = await database.db.select().from(calls).where(eq(calls.slug, external));
    expect(await database.db.$count(applications, eq(applications.callId, call?.id ?? ''))).toBe(0);
  });

  it('shows the requirements and criteria in English on the English page', async () => {
    const { client } = await signIn('cluster_staff', clusterB.id);
    const { html } = await client.get(`/en/calls/${slug}/application/requirements`);
    expect(html).toContain('Own CVR number');
    expect(html).not.toContain('Eget CVR-nummer');
    expect((await client.get(`/en/calls/${slug}/application/about`)).html).toContain('Organisation (100 %)');
    const da = await client.get(`/opslag/${slug}/ansoegning/krav`);
    expect(da.html).toContain('Eget CVR-nummer');
  });

  it('attaches a file to a draft through the multipart form, with the action sent after the file', async () => {
    const clusterC = await createOrganisation(database.db, { name: 'Klynge C' });
    const { client } = await signIn('cluster_staff', clusterC.id);
    const path = `/opslag/${slug}/ansoegning/bilag`;
    await client.get(`/opslag/${slug}/ansoegning/om-projektet`);
    await client.post(`/opslag/${slug}/ansoegning/om-projektet`, { title: 'Klynge C søger' });
    await client.get(path);
    const pdf = await pdfBytes('Budget');
    const form = new FormData();
    form.set('_csrf', client.csrfToken);
    form.set('file', new File([new Uint8Array(pdf)], 'budget 2028.pdf', { type: 'application/pdf' }));
    const res = await client.request(path, { method: 'POST', body: form });
    expect(res.headers.get('location')).toBe(`${path}?vedhaeftet=${encodeURIComponent('budget 2028.pdf')}`);
    expect((await client.get(path)).html).toContain('budget 2028.pdf');

    // Up to the domain's 10 MB, not the 1 MB of ordinary forms; a body over it is refused as too large.
    const upload = async (bytes: Uint8Array<ArrayBuffer>, name: string) => {
      await client.get(path);
      const big = new FormData();
      big.set('_csrf', client.csrfToken);
      big.set('file', new File([bytes], name, { type: 'application/pdf' }));
      return client.request(path, { method: 'POST', body: big });
    };
    const padded = (size: number) => {
      const bytes = new Uint8Array(size).fill(0x20);
      bytes.set(pdf);
      return bytes;
    };
    const threeMb = await upload(padded(3 * 1024 * 1024), 'bilag 3 MB.pdf');
    expect(threeMb.headers.get('location')).toContain('vedhaeftet=');
    expect((await client.get(path)).html).toContain('bilag 3 MB.pdf');
    const tooBig = await upload(padded(10 * 1024 * 1024 + 100 * 1024), 'for stor.pdf');
    expect(tooBig.status).toBe(413);
    expect((await client.get(path)).html).not.toContain('for stor.pdf');
  });

  it('refuses to submit after the deadline', async () => {
    const { client } = await signIn('cluster_staff', clusterB.id);
    const path = `/opslag/${slug}/ansoegning`;
    await client.get(`${path}/om-projektet`);
    const saved = await client.post(`${path}/om-projektet`, { title: 'Klynge B søger' });
    expect(saved.res.headers.get('location')).toBe(`${path}?gemt=1`);
    t.advanceClock(600_000 + 1000);
    await client.get(path);
    const late = await client.post(`${path}/tjek`, { declaration: 'yes' });
    expect(late.res.status).toBe(303);
    expect(late.res.headers.get('location')).toBe(`${path}?fejl=conflict`);
    const [row] = await database.db
      .select({ status: applications.status })
      .from(applications)
      .where(and(eq(applications.organisationId, clusterB.id)));
    expect(row?.status).toBe('draft');
    const page = await client.get(`${path}?fejl=conflict`);
    expect(page.html).toContain('alert-error');
  });
});
