import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { auditLog, sessions } from '../../src/db/schema/index.ts';
import { createTestDatabase } from '../support/database.ts';
import { createUser, TEST_PASSWORD } from '../support/factories.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
});
afterAll(() => database?.close());

describe('login and logout', () => {
  it('signs in with the right password, shows the account, and signs out', async () => {
    const user = await createUser(database.db, 'cluster_staff');
    const client = new Client(t.app);
    const { res } = await client.login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(res.status).toBe(303);
    // Cluster staff land on their workspace: what waits for them.
    expect(res.headers.get('location')).toBe('/arbejdsrum');
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/klynge_session=[^;]+;.*HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);

    const account = await client.get('/konto');
    expect(account.res.status).toBe(200);
    expect(account.html).toContain(user.email);
    expect(account.res.headers.get('cache-control')).toBe('private, no-store');

    const out = await client.post('/log-ud', {});
    expect(out.res.status).toBe(303);
    const after = await client.get('/konto');
    expect(after.res.status).toBe(303);
    expect(after.res.headers.get('location')).toBe('/log-ind?next=%2Fkonto');
    const rows = await database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(0);
    const events = await database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['login', 'logout']));
  });

  it('refuses a wrong password with a message and no session', async () => {
    const user = await createUser(database.db, 'funder');
    const client = new Client(t.app);
    const { res, html } = await client.login(user.email, 'wrong password!!');
    expect(res.status).toBe(422);
    expect(html).toContain('E-mail eller adgangskode er forkert.');
    expect(client.hasCookie('klynge_session')).toBe(false);
  });

  it('shows field errors for an empty form, in English on the English page', async () => {
    const client = new Client(t.app);
    await client.get('/en/log-in');
    const { res, html } = await client.post('/en/log-in', { email: '', password: '' });
    expect(res.status).toBe(422);
    expect(html).toContain('There are errors in the form');
    expect(html).toMatch(/id="email-error"[^>]*>Enter e-mail\./);
  });

  it('follows a local next= after login but never another site', async () => {
    const user = await createUser(database.db, 'admin');
    const local = new Client(t.app);
    await local.get('/log-ind?next=%2Fadmin');
    const ok = await local.post('/log-ind?next=%2Fadmin', { email: user.email, password: TEST_PASSWORD });
    expect(ok.res.headers.get('location')).toBe('/admin');
    const evil = new Client(t.app);
    await evil.get('/log-ind');
    const res = await evil.post('/log-ind?next=%2F%2Fevil.example', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(res.res.headers.get('location')).toBe('/admin');
  });

  it('lands each role on its own landing page, which opens for it', async () => {
    const landings = {
      cluster_staff: '/arbejdsrum',
      funder: '/finansiering',
      assessor: '/bedoemmelser',
      support_staff: '/support',
      admin: '/admin',
      business_service_staff: '/erhvervshus',
    } as const;
    for (const [role, landing] of Object.entries(landings)) {
      const user = await createUser(database.db, role as keyof typeof landings);
      const client = new Client(t.app);
      const { res } = await client.login(user.email, TEST_PASSWORD);
      expect(res.headers.get('location'), role).toBe(landing);
      expect((await client.get(landing)).res.status, role).toBe(200);
    }
  });

  it('gives a new session token at each login (no fixation)', async () => {
    const user = await createUser(database.db, 'support_staff');
    const client = new Client(t.app);
    const first = await client.login(user.email, TEST_PASSWORD);
    const second = await client.login(user.email, TEST_PASSWORD);
    const token = (r: Response) => /klynge_session=([^;]+)/.exec(r.headers.getSetCookie().join(';'))?.[1];
    expect(token(first.res)).toBeTruthy();
    expect(token(second.res)).not.toBe(token(first.res));
    const rows = await database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
  });
});

describe('CSRF protection', () => {
  it('refuses a POST without a token with 403, and with a token from another browser', async () => {
    const user = await createUser(database.db, 'cluster_staff');
    const client = new Client(t.app);
    await client.get('/log-ind');
    const missing = await client.post(
      '/log-ind',
      { email: user.email, password: TEST_PASSWORD },
      { csrf: false },
    );
    expect(missing.res.status).toBe(403);
    expect(missing.html).toContain('Formularen er udløbet');

    const other = new Client(t.app);
    await other.get('/log-ind');
    client.csrfToken = other.csrfToken;
    const foreign = await client.post('/log-ind', { email: user.email, password: TEST_PASSWORD });
    expect(foreign.res.status).toBe(403);
    expect(client.hasCookie('klynge_session')).toBe(false);
  });

  it('puts a token in every form on the page', async () => {
    const user = await createUser(database.db, 'admin');
    const client = new Client(t.app);
    await client.login(user.email, TEST_PASSWORD);
    for (const path of ['/konto', '/admin/brugere', '/log-ind', '/glemt-adgangskode']) {
      const { html } = await client.get(path);
      const forms = html.match(/<form method="post"[\s\S]*?<\/form>/g) ?? [];
      expect(forms.length, path).toBeGreaterThan(0);
      for (const form of forms) expect(form, path).toContain('name="_csrf"');
    }
  });
});

describe('login rate limiting', () => {
  it('refuses the sixth wrong password within a minute with 429, even with the right password', async () => {
    const user = await createUser(database.db, 'funder');
    const client = new Client(t.app);
    await client.get('/log-ind');
    for (let i = 1; i <= 5; i++) {
      const { res } = await client.post('/log-ind', { email: user.email, password: `wrong-${i}-password` });
      expect(res.status, `attempt ${i}`).toBe(422);
    }
    const sixth = await client.post('/log-ind', { email: user.email, password: TEST_PASSWORD });
    expect(sixth.res.status).toBe(429);
    expect(Number(sixth.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sixth.html).toContain('For mange forsøg');
    expect(client.hasCookie('klynge_session')).toBe(false);
  });

  it('resets the count after a successful login', async () => {
    const user = await createUser(database.db, 'assessor');
    const client = new Client(t.app);
    await client.get('/log-ind');
    for (let i = 0; i < 4; i++)
      await client.post('/log-ind', { email: user.email, password: 'wrong password 1' });
    expect((await client.post('/log-ind', { email: user.email, password: TEST_PASSWORD })).res.status).toBe(
      303,
    );
    await client.get('/log-ind');
    for (let i = 0; i < 4; i++) {
      expect(
        (await client.post('/log-ind', { email: user.email, password: 'wrong password 2' })).res.status,
      ).toBe(422);
    }
  });
});

describe('password reset by e-mail', () => {
  it('mails a one-time link that sets a new password and ends old sessions', async () => {
    const user = await createUser(database.db, 'cluster_staff');
    const oldSession = new Client(t.app);
    await oldSession.login(user.email, TEST_PASSWORD);

    const client = new Client(t.app);
    await client.get('/glemt-adgangskode');
    const sent = await client.post('/glemt-adgangskode', { email: user.email });
    expect(sent.res.status).toBe(200);
    expect(sent.html).toContain('Hvis der findes en konto');
    await t.deps.jobs.idle();
    const mail = t.deps.mailer.outbox.at(-1);
    expect(mail?.to).toBe(user.email);
    const link = /http:\/\/localhost:\d+(\/nulstil-adgangskode\?token=[A-Za-z0-9_-]+)/.exec(
      mail?.text ?? '',
    )?.[1];
    expect(link).toBeTruthy();

    await client.get(link as string);
    const token = new URL(`http://x${link}`).searchParams.get('token') as string;
    const mismatch = await client.post('/nulstil-adgangskode', {
      token,
      password: 'a-new-long-password',
      confirm: 'other',
    });
    expect(mismatch.res.status).toBe(422);
    expect(mismatch.html).toContain('De to adgangskoder er ikke ens.');

    const done = await client.post('/nulstil-adgangskode', {
      token,
      password: 'a-new-long-password',
      confirm: 'a-new-long-password',
    });
    expect(done.res.status).toBe(303);
    expect((await oldSession.get('/konto')).res.status).toBe(303);
    expect((await new Client(t.app).login(user.email, TEST_PASSWORD)).res.status).toBe(422);
    expect((await new Client(t.app).login(user.email, 'a-new-long-password')).res.status).toBe(303);

    const again = await client.post('/nulstil-adgangskode', {
      token,
      password: 'third-long-password',
      confirm: 'third-long-password',
    });
    expect(again.res.status).toBe(422);
    expect(again.html).toContain('Linket er ugyldigt eller udløbet');

    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit).toBeDefined();
    const changes = await database.db.select().from(auditLog).where(eq(auditLog.entity, 'users'));
    const change = changes.find((a) => a.entityId === user.id && a.action === 'update');
    expect(change?.after).toMatchObject({ password_changed: true });
    expect(JSON.stringify(change)).not.toContain('argon2');
  });

  it('answers the same for an unknown e-mail and sends nothing', async () => {
    const before = t.deps.mailer.outbox.length;
    const client = new Client(t.app);
    await client.get('/glemt-adgangskode');
    const { res, html } = await client.post('/glemt-adgangskode', { email: 'nobody@example.dk' });
    expect(res.status).toBe(200);
    expect(html).toContain('Hvis der findes en konto');
    await t.deps.jobs.idle();
    expect(t.deps.mailer.outbox.length).toBe(before);
  });

  it('refuses an expired link', async () => {
    const user = await createUser(database.db, 'funder');
    const client = new Client(t.app);
    await client.get('/glemt-adgangskode');
    await client.post('/glemt-adgangskode', { email: user.email });
    await t.deps.jobs.idle();
    const link = /(\/nulstil-adgangskode\?token=[A-Za-z0-9_-]+)/.exec(
      t.deps.mailer.outbox.at(-1)?.text ?? '',
    )?.[1] as string;
    t.advanceClock(61 * 60_000);
    const { html } = await client.get(link);
    expect(html).toContain('Linket er ugyldigt eller udløbet');
    t.advanceClock(-61 * 60_000);
  });
});

describe('account page', () => {
  it('changes the password after checking the current one', async () => {
    const user = await createUser(database.db, 'business_service_staff');
    const client = new Client(t.app);
    await client.login(user.email, TEST_PASSWORD);
    await client.get('/konto');
    const wrong = await client.post('/konto', {
      current: 'not it at all',
      password: 'brand-new-password',
      confirm: 'brand-new-password',
    });
    expect(wrong.res.status).toBe(422);
    expect(wrong.html).toContain('Den nuværende adgangskode er forkert.');
    const short = await client.post('/konto', {
      current: TEST_PASSWORD,
      password: 'short',
      confirm: 'short',
    });
    expect(short.html).toContain('Ny adgangskode skal være mindst 12 tegn.');
    const ok = await client.post('/konto', {
      current: TEST_PASSWORD,
      password: 'brand-new-password',
      confirm: 'brand-new-password',
    });
    expect(ok.res.status).toBe(303);
    expect((await client.get('/konto')).res.status).toBe(200);
    expect((await new Client(t.app).login(user.email, 'brand-new-password')).res.status).toBe(303);
  });
});
