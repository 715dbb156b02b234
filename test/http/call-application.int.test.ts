import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import {
  applicationBudgetLines,
  applications,
  callCriteria,
  callRequirements,
  calls,
} from '../../src/db/schema/index.ts';
import { callSetupInput } from '../../src/domain/calls/schemas.ts';
import { moveCall, setUpCall } from '../../src/domain/calls/setup.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganisation, createUser, TEST_PASSWORD } from '../support/factories.ts';
import { expectRequiredFieldMarks } from '../support/forms.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';
import { startSmtpServer } from '../support/smtp.ts';

/** The applicant's way through a call: task list, sections, check your answers, receipt, withdrawal. */

const NOW = Date.parse('2027-01-15T12:00:00Z');
let database: Database;
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let slug = '';
let requirementId = '';
let criterionId = '';
let funderEmail = '';
let funderOrgId = '';

async function applicantClient(name: string) {
  const cluster = await createOrganisation(database.db, { name });
  const user = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
  const client = new Client(t.app);
  await client.login(user.email, TEST_PASSWORD);
  return { client, cluster, user };
}

const applicationOf = async (organisationId: string) =>
  (await database.db.select().from(applications).where(eq(applications.organisationId, organisationId)))[0];

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
  t = createTestApp(database, {}, { mailer: smtp.mailer });
  t.advanceClock(NOW - Date.now());
  const now = new Date(NOW);
  const funderOrg = await createOrganisation(database.db, { kind: 'funder', name: 'Fonden' });
  const funder = await createUser(database.db, 'funder', { organisationId: funderOrg.id });
  funderEmail = funder.email;
  funderOrgId = funderOrg.id;
  const editor = {
    principal: {
      userId: funder.id,
      memberships: [{ organisationId: funderOrg.id, role: 'funder' as const }],
    },
    actor: { userId: funder.id, label: 'test' },
  };
  slug = `ansoeg-${Date.now()}`;
  const [call] = await withActor(database.db, systemActor('test'), (tx) =>
    tx
      .insert(calls)
      .values({
        ownerId: funderOrg.id,
        slug,
        title: 'Opslaget',
        status: 'draft',
        deadline: new Date(NOW + 86_400_000),
      })
      .returning(),
  );
  if (!call) throw new Error('no call');
  await setUpCall(
    database.db,
    editor,
    call.id,
    callSetupInput.parse({
      titleEn: 'The call',
      summaryEn: '',
      firstYear: 2028,
      lastYear: 2028,
      budgets: [{ funderId: funderOrg.id, year: 2028, amountDkk: 1_000_000 }],
      // The one requirement takes the cluster's services as evidence, so its form links to their export.
      requirements: [{ textDa: 'Eget CVR-nummer', textEn: 'Own CVR number', servicesListing: true }],
      criteria: [{ titleDa: 'Organisering', titleEn: 'Organisation', weight: 100 }],
    }),
    now,
  );
  const [requirement] = await database.db
    .select()
    .from(callRequirements)
    .where(eq(callRequirements.callId, call.id));
  const [criterion] = await database.db.select().from(callCriteria).where(eq(callCriteria.callId, call.id));
  requirementId = requirement?.id ?? '';
  criterionId = criterion?.id ?? '';
  await moveCall(database.db, editor, call.id, 'published', now);
  await moveCall(database.db, editor, call.id, 'open', now);
});
afterAll(async () => {
  await smtp?.close();
  await database?.close();
});

describe('the call page', () => {
  it('offers cluster staff the apply button, a visitor a way to log in and others the reason', async () => {
    const { client } = await applicantClient('Klynge på opslaget');
    const mine = await client.get(`/opslag/${slug}`);
    expect(mine.html).toContain(`href="/opslag/${slug}/ansoegning"`);
    expect(mine.html).toContain('Søg om midler');
    const visitor = await new Client(t.app).get(`/en/calls/${slug}`);
    expect(visitor.html).toContain('Log in as cluster staff to apply');
    expect(visitor.html).toContain(`/en/log-in?next=${encodeURIComponent(`/en/calls/${slug}/application`)}`);
    const assessor = new Client(t.app);
    await assessor.login((await createUser(database.db, 'assessor')).email, TEST_PASSWORD);
    const other = await assessor.get(`/opslag/${slug}`);
    expect(other.html).toContain('Kun klyngeorganisationer kan søge i dette opslag.');
    expect(other.html).not.toContain('Søg om midler');
  });
});

describe("the owner's processing page", () => {
  it('names the status in one word, the public one, and the move to open by what it does', async () => {
    const draftSlug = `status-${Date.now()}`;
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(calls).values({
        ownerId: funderOrgId,
        slug: draftSlug,
        title: 'Et nyt opslag',
        status: 'draft',
        deadline: new Date(NOW + 86_400_000),
      }),
    );
    const funder = new Client(t.app);
    await funder.login(funderEmail, TEST_PASSWORD);
    const page = `/opslag/${draftSlug}/sagsbehandling`;
    const draft = await funder.get(page);
    expect(draft.html).toContain('Status: <strong>Kladde</strong>');
    expect(draft.html).toContain('Skift status til: Åben for ansøgninger');
    await funder.get(page);
    expect((await funder.post(page, { do: 'move', to: 'published' })).res.status).toBe(303);
    const published = await funder.get(page);
    expect(published.html).toContain('Status: <strong>Åben for ansøgninger</strong>');
    expect(published.html).toContain('Lås opsætningen');
    expect(published.html).toContain('Skift status til: Kladde');
    expect(published.html).not.toContain('Offentliggjort');
    expect(published.html).not.toContain('Skift status til: Åben for ansøgninger');
  });
});

describe('the requirements section', () => {
  it("links a requirement for the services on Virksomhedsguiden to the applicant's export", async () => {
    const { client, cluster } = await applicantClient('Klynge med ydelser');
    const { html } = await client.get(`/opslag/${slug}/ansoegning/krav`);
    expect(html.match(/href="\/api\/v1\/clusters\/[^"]+\/services"/g)).toEqual([
      `href="/api/v1/clusters/${cluster.id}/services"`,
    ]);
    expect(html).toContain('href="/arbejdsrum/ydelser">Beskriv jeres ydelser</a>');
    // Every answer is needed for the section to be done: the page says so once and marks none optional.
    expectRequiredFieldMarks(html, {});
    expect(html).not.toMatch(/\(valgfri\)<\/(label|legend)>/);
    const about = await client.get(`/opslag/${slug}/ansoegning/om-projektet`);
    expectRequiredFieldMarks(about.html, { required: 'Ansøgningens titel' });
  });
});

describe('the task list', () => {
  it('walks the sections to check your answers, the receipt and its e-mail', async () => {
    const { client, cluster, user } = await applicantClient('Klynge Ansøger');
    const base = `/opslag/${slug}/ansoegning`;
    const start = await client.get(base);
    expect(start.res.status).toBe(200);
    expect(start.html.match(/Ikke påbegyndt/g)).toHaveLength(4);
    // Not ready: check your answers goes back to the task list.
    expect((await client.get(`${base}/tjek`)).res.headers.get('location')).toBe(base);

    await client.get(`${base}/om-projektet`);
    const about = await client.post(`${base}/om-projektet`, {
      title: 'Robotter',
      [`txt:${criterionId}`]: '',
    });
    expect(about.res.headers.get('location')).toBe(`${base}?gemt=1`);
    expect((await client.get(base)).html).toContain('I gang');

    // A bad amount keeps everything typed and names the field; categories are words, not codes.
    await client.get(`${base}/budget`);
    const wrong = await client.post(`${base}/budget`, {
      'bud:2028:networking': '12,5',
      'bud:2028:entrepreneurs': '250.000',
    });
    expect(wrong.res.status).toBe(422);
    expect(wrong.html).toContain('Der er fejl i formularen');
    expect(wrong.html).toContain('Netværk 2028 skal være et helt tal, fx 10.000.');
    expect(wrong.html).toContain('value="12,5"');
    expect(wrong.html).toContain('value="250.000"');
    expect(wrong.html).not.toContain('innovation_collaboration</label>');
    const right = await client.post(`${base}/budget`, {
      'bud:2028:networking': '1.250.000 kr.',
      'bud:2028:entrepreneurs': '250.000',
    });
    expect(right.res.status).toBe(303);
    const app = await applicationOf(cluster.id);
    const lines = await database.db
      .select({ category: applicationBudgetLines.category, amountDkk: applicationBudgetLines.amountDkk })
      .from(applicationBudgetLines)
      .where(eq(applicationBudgetLines.applicationId, app?.id ?? ''));
    expect(lines.sort((a, b) => a.category.localeCompare(b.category))).toEqual([
      { category: 'entrepreneurs', amountDkk: 250_000 },
      { category: 'networking', amountDkk: 1_250_000 },
    ]);
    // The budget section saved its own part only: the title is still there.
    expect(app?.title).toBe('Robotter');

    await client.get(`${base}/om-projektet`);
    await client.post(`${base}/om-projektet`, {
      title: 'Robotter',
      [`txt:${criterionId}`]: 'Et sekretariat\nmed hubs',
    });
    await client.get(`${base}/krav`);
    await client.post(`${base}/krav`, { [`ans:${requirementId}`]: 'CVR 12345678' });
    const ready = await client.get(base);
    expect(ready.html.match(/Udfyldt/g)).toHaveLength(3);
    expect(ready.html).toContain(`href="${base}/tjek"`);

    const check = await client.get(`${base}/tjek`);
    expect(check.res.status).toBe(200);
    for (const text of ['Robotter', 'CVR 12345678', 'Iværksættere 2028', '250.000 kr.', '1.500.000 kr.'])
      expect(check.html).toContain(text);
    expect(check.html).toContain(`href="${base}/budget"`);
    const undeclared = await client.post(`${base}/tjek`, {});
    expect(undeclared.res.status).toBe(422);
    expect(undeclared.html).toContain('Sæt kryds ved erklæringen for at indsende.');
    const draft = await applicationOf(cluster.id);
    expect(draft?.status).toBe('draft');
    expect(draft?.declaredCorrectAt).toBeNull();

    const sent = await client.post(`${base}/tjek`, { declaration: 'yes' });
    expect(sent.res.headers.get('location')).toBe(`${base}/kvittering`);
    const reference = `ANS-${new Date(NOW).getUTCFullYear()}-${(app?.id ?? '').slice(0, 8).toUpperCase()}`;
    const receipt = await client.get(`${base}/kvittering`);
    expect(receipt.html).toContain(reference);
    expect(receipt.html).toContain('Hvad sker der nu');
    const submitted = await applicationOf(cluster.id);
    expect(submitted?.status).toBe('submitted');
    // The declaration is stored with the application: who ticked it, by name, and when.
    expect(submitted?.declaredCorrectBy).toBe(user.id);
    expect(submitted?.declaredCorrectByName).toBe('Test cluster_staff');
    expect(submitted?.declaredCorrectAt?.toISOString()).toBe(submitted?.submittedAt?.toISOString());
    expect(Math.abs((submitted?.declaredCorrectAt?.getTime() ?? 0) - NOW)).toBeLessThan(600_000);
    const funder = new Client(t.app);
    await funder.login(funderEmail, TEST_PASSWORD);
    const ownerPage = await funder.get(`/ansoegninger/${submitted?.id}`);
    expect(ownerPage.res.status).toBe(200);
    expect(ownerPage.html).toContain('Erklæret korrekt af Test cluster_staff den 15. januar 2027');
    const mail = smtp.received.find((m) => m.to.includes(user.email));
    expect(mail?.data).toContain(`Referencenummer: ${reference}`);
    // A sent application's sections go back to the task list, which says it was submitted.
    expect((await client.get(`${base}/budget`)).res.headers.get('location')).toBe(base);
    expect((await client.get(base)).html).toContain('Ansøgningen er indsendt og kan ikke længere ændres.');
  });

  it('withdraws only after its own confirmation, and then says so', async () => {
    const { client, cluster } = await applicantClient('Klynge Fortryder');
    const base = `/opslag/${slug}/ansoegning`;
    await client.get(`${base}/om-projektet`);
    await client.post(`${base}/om-projektet`, { title: 'Fortrudt' });
    const confirm = await client.get(`${base}/traek-tilbage`);
    expect(confirm.html).toContain('Vil I trække ansøgningen tilbage?');
    expect((await applicationOf(cluster.id))?.status).toBe('draft');
    const done = await client.post(`${base}/traek-tilbage`, {});
    expect(done.res.headers.get('location')).toBe(`${base}?trukket=1`);
    expect((await applicationOf(cluster.id))?.status).toBe('withdrawn');
    const page = await client.get(`${base}?trukket=1`);
    expect(page.html).toContain('Ansøgningen er trukket tilbage. Den bliver ikke vurderet.');
    expect(page.html).not.toContain('indsendt');
  });

  it('names a rejected attachment and writes nothing', async () => {
    const { client, cluster } = await applicantClient('Klynge Vedhæfter');
    const path = `/opslag/${slug}/ansoegning/bilag`;
    await client.get(path);
    const form = new FormData();
    form.set('_csrf', client.csrfToken);
    form.set('file', new File([new TextEncoder().encode('bare tekst')], 'noter.txt', { type: 'text/plain' }));
    const res = await client.request(path, { method: 'POST', body: form });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(
      'Filen noter.txt kan ikke vedhæftes: den skal være PDF, PNG, JPEG, DOCX eller XLSX.',
    );
    await client.get(path);
    const empty = new FormData();
    empty.set('_csrf', client.csrfToken);
    const none = await client.request(path, { method: 'POST', body: empty });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Vælg en fil at vedhæfte.');
    expect(await applicationOf(cluster.id)).toBeUndefined();
  });
});
