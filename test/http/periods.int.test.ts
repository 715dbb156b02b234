import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { fundingGrants } from '../../src/db/schema/index.ts';
import { createTestDatabase } from '../support/database.ts';
import { createCluster, createOrganisation, createUser } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp, uploadDelivery } from '../support/http.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
});
afterAll(() => database?.close());

const cluster = (cvr: string, name: string) => createCluster(database.db, { cvr, name, slug: `per-${cvr}` });

const signedIn = (user: { email: string }) => signedInClient(t.app, user.email);

const upload = (client: Client, files: Record<string, string>) => uploadDelivery(t, client, files);

const ACTS = (cvr: string, ref: string) =>
  `cluster_cvr,activity_ref,title,category,start_date\n${cvr},${ref},Workshop,networking,2023-05-01\n`;
const PARTS = (cvr: string, ref: string) =>
  `cluster_cvr,activity_ref,participant_type,cvr,name\n${cvr},${ref},company,10000009,Firma ApS\n`;

/** The visible text of a page, tags removed, whitespace squeezed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('reporting periods on the web', () => {
  const CVR_A = '29403473';
  const CVR_B = '12345674';
  let a: { id: string };
  let b: { id: string };
  let staffA: { email: string };
  let staffB: { email: string };
  let funder: { email: string };
  let otherFunder: { email: string };
  let support: { email: string };

  beforeAll(async () => {
    a = await cluster(CVR_A, 'Periodeklyngen Alfa');
    b = await cluster(CVR_B, 'Periodeklyngen Beta');
    const f1 = await createOrganisation(database.db, { kind: 'funder' });
    const f2 = await createOrganisation(database.db, { kind: 'funder' });
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(fundingGrants).values([
        { funderId: f1.id, clusterId: a.id, year: 2023, amountDkk: 1 },
        { funderId: f2.id, clusterId: b.id, year: 2023, amountDkk: 1 },
      ]),
    );
    staffA = await createUser(database.db, 'cluster_staff', { organisationId: a.id });
    staffB = await createUser(database.db, 'cluster_staff', { organisationId: b.id });
    funder = await createUser(database.db, 'funder', { organisationId: f1.id });
    otherFunder = await createUser(database.db, 'funder', { organisationId: f2.id });
    support = await createUser(database.db, 'support_staff');
  });

  it('cluster staff see their years with counts, submit one, and see it submitted with its history', async () => {
    const staff = await signedIn(staffA);
    expect((await staff.get('/arbejdsrum')).html).toContain('href="/arbejdsrum/perioder"');
    expect(
      (await upload(staff, { 'activities.csv': ACTS(CVR_A, 'A1'), 'participants.csv': PARTS(CVR_A, 'A1') }))
        .html,
    ).toContain('Indberetningen er indlæst.');
    const page = await staff.get('/arbejdsrum/perioder');
    expect(page.res.status).toBe(200);
    const year = new Date().getFullYear();
    const shown = text(page.html);
    expect(shown).toContain(`Indberetningsår ${year} Åben`);
    expect(shown).toContain('Indberetningsår 2023 Åben Aktiviteter 1 Deltagelser 1');
    expect(page.html).toContain('>Indsend 2023</button>');
    const sent = t.deps.mailer.outbox.length;
    const res = await staff.post('/arbejdsrum/perioder', {
      clusterId: a.id,
      year: '2023',
      action: 'submit',
      comment: 'Klar',
    });
    expect(res.res.status).toBe(303);
    // The funder of Alfa is told, and no one else (not Beta's funder, not the staff themselves).
    const mails = t.deps.mailer.outbox.slice(sent);
    expect(mails.map((m) => m.to)).toEqual([funder.email]);
    expect(mails[0]?.subject).toBe('Periodeklyngen Alfa har indsendt indberetningen for 2023');
    expect(mails[0]?.text).toContain('Bemærkning: Klar');
    expect(mails[0]?.text).toContain('/indberetninger/status?year=2023');
    expect(res.res.headers.get('location')).toBe(`/arbejdsrum/perioder?done=submit#p-${a.id}-2023`);
    const after = await staff.get('/arbejdsrum/perioder?done=submit');
    expect(text(after.html)).toContain('Året er indsendt til godkendelse.');
    expect(text(after.html)).toContain('Indberetningsår 2023 Indsendt');
    expect(after.html).not.toContain('>Indsend 2023</button>');
    expect(text(after.html)).toMatch(new RegExp(`Åben → Indsendt af ${staffA.email} – “?Klar`));
    const english = await staff.get('/en/workspace/periods');
    expect(text(english.html)).toContain('Reporting year 2023 Submitted');
  });

  it("refuses another cluster's staff, and cluster staff on the funders' page; visitors must log in", async () => {
    const other = await signedIn(staffB);
    await other.get('/arbejdsrum/perioder');
    const res = await other.post('/arbejdsrum/perioder', { clusterId: a.id, year: '2022', action: 'submit' });
    expect(res.res.status).toBe(403);
    expect((await other.get('/arbejdsrum/perioder')).html).not.toContain('Periodeklyngen Alfa');
    expect((await other.get('/indberetninger/status')).res.status).toBe(403);
    const visitor = new Client(t.app);
    expect((await visitor.get('/indberetninger/status')).res.status).toBe(303);
    expect((await visitor.get('/arbejdsrum/perioder')).res.status).toBe(303);
  });

  it('a funder sees only the clusters it funds, returns a year with a required comment, and the cluster sees it', async () => {
    const f = await signedIn(funder);
    const overview = await f.get('/indberetninger/status');
    expect(overview.res.status).toBe(200);
    expect(overview.html).toContain('Periodeklyngen Alfa');
    expect(overview.html).not.toContain('Periodeklyngen Beta');
    expect(text(overview.html)).toContain('2023 1 af 1 indsendt');
    // The summary's columns have one name each: "Indsendt" is the status column only.
    const headers = [...overview.html.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers.filter((h) => h === 'Indsendt')).toHaveLength(1);
    expect(headers).toContain('Indberettet i alt');
    const year = await f.get('/indberetninger/status?year=2023');
    expect(year.html).toContain('>Godkend</button>');
    expect(year.html).toContain('>Send retur</button>');
    const missing = await f.post('/indberetninger/status', {
      clusterId: a.id,
      year: '2023',
      action: 'return',
      comment: ' ',
    });
    expect(missing.res.status).toBe(422);
    expect(missing.html).toContain('Skriv en begrundelse.');
    expect(missing.html).toContain('aria-invalid="true"');
    const sent = t.deps.mailer.outbox.length;
    const ok = await f.post('/indberetninger/status', {
      clusterId: a.id,
      year: '2023',
      action: 'return',
      comment: 'Deltagerlisten mangler',
    });
    expect(ok.res.status).toBe(303);
    const mails = t.deps.mailer.outbox.slice(sent);
    expect(mails.map((m) => m.to)).toEqual([staffA.email]);
    expect(mails[0]?.subject).toBe('Indberetningen for 2023 er sendt retur');
    expect(mails[0]?.text).toContain('Bemærkning: Deltagerlisten mangler');
    expect(mails[0]?.text).toContain('/arbejdsrum/perioder');
    const staff = await signedIn(staffA);
    const page = text((await staff.get('/arbejdsrum/perioder')).html);
    expect(page).toContain(
      'Indberetningsår 2023 Sendt retur Bevillingsgiverens bemærkning Deltagerlisten mangler',
    );
    await staff.post('/arbejdsrum/perioder', { clusterId: a.id, year: '2023', action: 'submit' });
  });

  it('a funder that does not fund the cluster cannot decide; support staff see everything read-only', async () => {
    const other = await signedIn(otherFunder);
    expect((await other.get('/indberetninger/status')).html).not.toContain('Periodeklyngen Alfa');
    const res = await other.post('/indberetninger/status', {
      clusterId: a.id,
      year: '2023',
      action: 'approve',
    });
    expect(res.res.status).toBe(403);
    const s = await signedIn(support);
    const page = await s.get('/indberetninger/status?year=2023');
    expect(page.html).toContain('Periodeklyngen Alfa');
    expect(page.html).toContain('Periodeklyngen Beta');
    expect(page.html).toContain('Du kan se status, men ikke godkende eller låse.');
    expect(page.html).not.toContain('name="action"');
    expect(
      (await s.post('/indberetninger/status', { clusterId: a.id, year: '2023', action: 'approve' })).res
        .status,
    ).toBe(403);
  });

  it('refuses a locked year over the web upload with a clear message, and loads after reopening', async () => {
    const f = await signedIn(funder);
    await f.get('/indberetninger/status?year=2023');
    expect(
      (await f.post('/indberetninger/status', { clusterId: a.id, year: '2023', action: 'approve' })).res
        .status,
    ).toBe(303);
    // A second approve from a stale page: the status moved on.
    const stale = await f.post('/indberetninger/status', {
      clusterId: a.id,
      year: '2023',
      action: 'approve',
    });
    expect(stale.res.status).toBe(409);
    expect(stale.html).toContain('Perioden kan ikke ændres sådan i sin nuværende status.');
    expect(
      (await f.post('/indberetninger/status', { clusterId: a.id, year: '2023', action: 'lock' })).res.status,
    ).toBe(303);
    expect(text((await f.get('/indberetninger/status')).html)).toMatch(/Periodeklyngen Alfa .*Låst/);

    const staff = await signedIn(staffA);
    const rejected = text((await upload(staff, { 'activities.csv': ACTS(CVR_A, 'A2') })).html);
    expect(rejected).toContain('Indberetningen er afvist med 1 fejl.');
    expect(rejected).toContain(
      'Indberetningen indeholder aktiviteter i 2023, som er godkendt eller låst for klyngen.',
    );
    expect(rejected).toContain('aktivitetens indberetningsår er godkendt eller låst for denne klynge');
    expect(text((await staff.get('/en/workspace/deliveries')).html)).toContain('Rejected');

    await f.get('/indberetninger/status?year=2023');
    const noReason = await f.post('/indberetninger/status', {
      clusterId: a.id,
      year: '2023',
      action: 'reopen',
    });
    expect(noReason.res.status).toBe(422);
    expect(
      (
        await f.post('/indberetninger/status', {
          clusterId: a.id,
          year: '2023',
          action: 'reopen',
          comment: 'Revision',
        })
      ).res.status,
    ).toBe(303);
    expect((await upload(staff, { 'activities.csv': ACTS(CVR_A, 'A2') })).html).toContain(
      'Indberetningen er indlæst.',
    );
    const page = text((await staff.get('/arbejdsrum/perioder')).html);
    expect(page).toContain('Indberetningsår 2023 Åben Begrundelse for genåbning Revision Aktiviteter 2');
  });

  it('asks for a confirmation and a reason to submit a funded year without activities; the funder reads the reason', async () => {
    const staff = await signedIn(staffB);
    const page = await staff.get('/arbejdsrum/perioder');
    const shown = text(page.html);
    // Beta is funded in 2023 and has delivered nothing: the gap is listed, past its deadline.
    expect(shown).toContain(
      'Indberetningsår 2023 Åben Aktiviteter 0 Deltagelser 0 Frist 1. marts 2024 Fristen er overskredet',
    );
    expect(shown).toContain(
      'Året har ingen aktiviteter Jeg bekræfter, at klyngen ikke har haft aktiviteter i året',
    );
    const bare = await staff.post('/arbejdsrum/perioder', {
      clusterId: b.id,
      year: '2023',
      action: 'submit',
    });
    expect(bare.res.status).toBe(422);
    expect(bare.html).toContain('Bekræft, at året ikke har aktiviteter.');
    expect(bare.html).toContain('Skriv, hvorfor året ikke har aktiviteter.');
    const noReason = await staff.post('/arbejdsrum/perioder', {
      clusterId: b.id,
      year: '2023',
      action: 'submit',
      confirmNoActivities: '1',
    });
    expect(noReason.res.status).toBe(422);
    expect(noReason.html).not.toContain('Bekræft, at året ikke har aktiviteter.');
    expect(noReason.html).toContain('Skriv, hvorfor året ikke har aktiviteter.');
    const ok = await staff.post('/arbejdsrum/perioder', {
      clusterId: b.id,
      year: '2023',
      action: 'submit',
      confirmNoActivities: '1',
      noActivitiesReason: 'Bevillingen blev brugt på opstart',
    });
    expect(ok.res.status).toBe(303);
    const after = text((await staff.get('/arbejdsrum/perioder')).html);
    expect(after).toContain(
      'Indberetningsår 2023 Indsendt Aktiviteter 0 Deltagelser 0 Frist 1. marts 2024 Indsendt for sent',
    );

    const f = await signedIn(otherFunder);
    const status = text((await f.get('/indberetninger/status?year=2023')).html);
    expect(status).toContain(
      'Periodeklyngen Beta Indsendt Ingen aktiviteter. Klyngens begrundelse: Bevillingen blev brugt på opstart 0 0 1. marts 2024 Indsendt for sent',
    );
    // Timeliness: nationally Alfa (reopened above, so open past its deadline) and Beta (late);
    // for this funder Beta only. Columns: funded, on time, share, approved on time, late, overdue.
    expect(status).toContain('Andel af de finansierede klynger, der indsendte 2023 til tiden');
    expect(status).toContain('2023 Hele landet 2 0 0 % 0 1 1 2023 Test funder');
    expect(status).toMatch(/2023 Test funder \w+ 1 0 0 % 0 1 0 Klyngerne i 2023/);
    const english = text((await f.get('/en/reporting/status?year=2023')).html);
    expect(english).toContain('No activities. The cluster&#39;s reason: Bevillingen blev brugt på opstart');
  });

  it('shows the English locked-year message on the English result page', async () => {
    const f = await signedIn(funder);
    await f.get('/indberetninger/status?year=2023');
    // The year was reopened above: submit, approve and lock it again.
    const staff = await signedIn(staffA);
    await staff.get('/arbejdsrum/perioder');
    await staff.post('/arbejdsrum/perioder', { clusterId: a.id, year: '2023', action: 'submit' });
    await f.post('/indberetninger/status', { clusterId: a.id, year: '2023', action: 'approve' });
    const result = await uploadDelivery(
      t,
      staff,
      { 'activities.csv': ACTS(CVR_A, 'A3') },
      '/en/workspace/deliveries',
    );
    expect(result.location).toMatch(/^\/en\/workspace\/deliveries\//);
    const page = text(result.html);
    expect(page).toContain(
      'The delivery contains activities in 2023, which is approved or locked for the cluster.',
    );
    expect(page).toContain('approved or locked for this cluster; ask the cluster&#39;s funder to reopen it');
  });

  it('admins set a funder’s reporting deadline on its page; the cluster’s year follows it; others are refused', async () => {
    const admin = await signedIn(await createUser(database.db, 'admin'));
    const page = await admin.get('/indberetninger/frister');
    expect(page.res.status).toBe(200);
    const funderOrg = (await createOrganisation(database.db, { kind: 'funder', name: 'Fristfonden' })).id;
    const listed = text((await admin.get('/indberetninger/frister')).html);
    expect(listed).toContain('Fristfonden 1. marts (standard)');
    const wrong = await admin.post('/indberetninger/frister', { funderId: funderOrg, day: '30', month: '2' });
    expect(wrong.res.status).toBe(422);
    expect(wrong.html).toContain('Skriv en dato, der findes hvert år');
    const ok = await admin.post('/indberetninger/frister', { funderId: funderOrg, day: '15', month: '4' });
    expect(ok.res.status).toBe(303);
    expect(text((await admin.get('/en/reporting/deadlines')).html)).toContain('Fristfonden 15 April');
    expect(text((await admin.get('/indberetninger/status')).html)).toContain(
      'Indberetningsfrister pr. bevillingsgiver',
    );

    // A cluster funded by that funder alone in 2023 is due on 15 April 2024.
    const c = await cluster('10000009', 'Periodeklyngen Frist');
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(fundingGrants).values({ funderId: funderOrg, clusterId: c.id, year: 2023, amountDkk: 1 }),
    );
    const staff = await signedIn(await createUser(database.db, 'cluster_staff', { organisationId: c.id }));
    expect(text((await staff.get('/arbejdsrum/perioder')).html)).toContain(
      'Indberetningsår 2023 Åben Aktiviteter 0 Deltagelser 0 Frist 15. april 2024',
    );

    const f = await signedIn(funder);
    expect((await f.get('/indberetninger/frister')).res.status).toBe(403);
    expect(
      (await f.post('/indberetninger/frister', { funderId: funderOrg, day: '1', month: '1' })).res.status,
    ).toBe(403);
    expect(text((await admin.get('/indberetninger/frister')).html)).toContain('Fristfonden 15. april');
  });
});
