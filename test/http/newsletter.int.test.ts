import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';
import { readableMail, startSmtpServer } from '../support/smtp.ts';

let database: Database;
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let staff: Client;
let clusterUser: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
  t = createTestApp(database, { PUBLIC_URL: 'https://klynge.test' }, { mailer: smtp.mailer });
  const supportFunction = await createOrganisation(database.db, { kind: 'support_function' });
  const user = await createUser(database.db, 'support_staff', { organisationId: supportFunction.id });
  staff = await signedInClient(t.app, user.email);
  clusterUser = await signedInClient(t.app, (await createUser(database.db, 'cluster_staff')).email);
});
afterAll(async () => {
  await database?.close();
  await smtp?.close();
});

/** The mail last received for an address, as a person reads it. */
const mailTo = (address: string) =>
  readableMail(smtp.received.filter((m) => m.to.includes(address)).at(-1)?.data ?? '');

describe(`the newsletter pages (${testDriver()})`, () => {
  it('refuses a bad address at its field, and only the support function writes issues', async () => {
    const visitor = new Client(t.app);
    await visitor.get('/nyhedsbrev');
    const refused = await visitor.post('/nyhedsbrev', { email: 'ikke en adresse', name: '' });
    expect(refused.res.status).toBe(422);
    expect(refused.html).toContain('href="#email"');
    expect((await clusterUser.get('/support/nyhedsbrev')).res.status).toBe(403);
    const posted = await clusterUser.post('/support/nyhedsbrev', {
      subject: 'Hej',
      body: 'En tekst på mere end ti tegn.',
      segment: 'all',
    });
    expect(posted.res.status).toBe(403);
  });

  it('a visitor signs up, confirms by the mailed link, receives an issue and unsubscribes in one click', async () => {
    const visitor = new Client(t.app);
    await visitor.get('/en/newsletter');
    const signed = await visitor.post('/en/newsletter', {
      email: 'Reader@Example.dk',
      name: 'Rita',
      interests: 'energy',
    });
    expect(signed.res.status).toBe(200);
    expect(signed.html).toContain('within 48 hours');
    await t.deps.jobs.idle();
    const [, confirmPath] =
      /https:\/\/klynge\.test(\/en\/newsletter\/confirm\/\S+)/.exec(mailTo('reader@example.dk')) ?? [];
    expect(confirmPath).toBeDefined();
    // Opening the link asks; a tampered link is refused; the press confirms.
    const asked = await visitor.get(confirmPath ?? '');
    expect(asked.res.status).toBe(200);
    expect((await visitor.post(`${confirmPath}x`, {})).res.status).toBe(404);
    const confirmed = await visitor.post(confirmPath ?? '', {});
    expect(confirmed.res.status).toBe(200);
    expect(confirmed.html).toContain('Your sign-up is confirmed');

    // The support function writes an issue (Markdown, unsafe HTML left out of the preview) for a theme.
    await staff.get('/support/nyhedsbrev');
    const created = await staff.post('/support/nyhedsbrev', {
      subject: 'Energi i maj',
      body: '# Kurser\n\nTilmeld dig **nu**. <script>alert(1)</script>',
      segment: 'theme:energy',
    });
    expect(created.res.status).toBe(303);
    const issuePath = (created.res.headers.get('location') ?? '').replace(/\?.*$/, '');
    const draft = await staff.get(issuePath);
    expect(draft.html).toContain('<strong>nu</strong>');
    expect(draft.html).not.toContain('<script>alert(1)</script>');
    expect(draft.html).toContain('Modtagerne er 1 bekræftede abonnenter lige nu.');
    const wrongSegment = await staff.post(issuePath, {
      subject: 'Energi i maj',
      body: 'Tekst til alle.',
      segment: 'role:pope',
    });
    expect(wrongSegment.res.status).toBe(422);
    expect(wrongSegment.html).toContain('Vælg modtagere fra listen.');

    await staff.get(issuePath);
    const sent = await staff.post(`${issuePath}/send`, {});
    expect(sent.res.status).toBe(303);
    await t.deps.jobs.idle();
    const progress = await staff.get(issuePath);
    expect(progress.html).toContain('Sendt til 1 af 1 modtagere; 0 kunne ikke sendes.');
    const mail = mailTo('reader@example.dk');
    expect(mail).toMatch(/^Subject: Energi i maj/m);
    expect(mail).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    const [, unsubscribePath] =
      /^List-Unsubscribe:\s+<https:\/\/klynge\.test(\/en\/newsletter\/unsubscribe\/[^>]+)>/m.exec(mail) ?? [];
    expect(unsubscribePath).toBeDefined();

    // The archive shows the sent issue to anyone.
    const archived = await new Client(t.app).get('/nyhedsbrev/arkiv');
    expect(archived.html).toContain('Energi i maj');
    expect(
      (await new Client(t.app).get(issuePath.replace('/support/nyhedsbrev', '/nyhedsbrev/arkiv'))).res.status,
    ).toBe(200);

    // A mail client's one-click POST: no session, no form token. Without One-Click a token is needed.
    const client = new Client(t.app);
    expect((await client.post(unsubscribePath ?? '', {}, { csrf: false })).res.status).toBe(403);
    const clicked = await client.post(
      unsubscribePath ?? '',
      { 'List-Unsubscribe': 'One-Click' },
      { csrf: false },
    );
    expect(clicked.res.status).toBe(200);
    expect((await client.get(unsubscribePath ?? '')).html).toContain('You are unsubscribed');
    const after = await staff.post('/support/nyhedsbrev', {
      subject: 'Energi i juni',
      body: 'Mere om energi.',
      segment: 'theme:energy',
    });
    expect((await staff.get(after.res.headers.get('location') ?? '')).html).toContain(
      'Modtagerne er 0 bekræftede',
    );
  });

  it('a signed-in user subscribes from the account and unsubscribes again', async () => {
    await clusterUser.get('/konto/nyhedsbrev');
    const on = await clusterUser.post('/konto/nyhedsbrev', { action: 'subscribe', interests: 'water' });
    expect(on.res.status).toBe(200);
    expect(on.html).toContain('Du får nyhedsbrevet.');
    const off = await clusterUser.post('/konto/nyhedsbrev', { action: 'unsubscribe' });
    expect(off.html).toContain('Du får ikke nyhedsbrevet.');
  });
});
