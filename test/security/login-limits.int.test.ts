import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createUser, TEST_PASSWORD } from '../support/factories.ts';
import { Client, createTestApp } from '../support/http.ts';
import { startSmtpServer } from '../support/smtp.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

/** Clients told apart by X-Forwarded-For, as behind the site's own proxy. */
const fromClient = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

describe(`password spraying (${testDriver()})`, () => {
  it('limits one client trying wrong passwords on 30 accounts after 20 failures, and no other client', async () => {
    const t = createTestApp(database, { TRUST_PROXY: 'true' });
    const accounts = await Promise.all(
      Array.from({ length: 30 }, () => createUser(database.db, 'cluster_staff')),
    );
    const sprayer = new Client(t.app);
    await sprayer.get('/log-ind');
    const statuses: number[] = [];
    for (const [i, account] of accounts.entries()) {
      const { res } = await sprayer.post(
        '/log-ind',
        { email: account.email, password: `Sommer2026-${i}` },
        fromClient('192.0.2.7'),
      );
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(500);
    }
    expect(statuses).toEqual([...Array(20).fill(422), ...Array(10).fill(429)]);
    // The right password from that client is refused too, without being tried.
    const right = await sprayer.post(
      '/log-ind',
      { email: accounts[0]?.email ?? '', password: TEST_PASSWORD },
      fromClient('192.0.2.7'),
    );
    expect(right.res.status).toBe(429);
    expect(sprayer.hasCookie('klynge_session')).toBe(false);

    const other = new Client(t.app);
    await other.get('/log-ind');
    const ok = await other.post(
      '/log-ind',
      { email: accounts[1]?.email ?? '', password: TEST_PASSWORD },
      fromClient('192.0.2.8'),
    );
    expect(ok.res.status).toBe(303);
  });

  it('takes the limit from LOGIN_CLIENT_RATE_LIMIT, and a successful login does not reset it', async () => {
    const t = createTestApp(database, { TRUST_PROXY: 'true', LOGIN_CLIENT_RATE_LIMIT: '3' });
    const user = await createUser(database.db, 'funder');
    const others = await Promise.all([1, 2, 3].map(() => createUser(database.db, 'funder')));
    const client = new Client(t.app);
    await client.get('/log-ind');
    const post = (email: string, password: string) =>
      client.post('/log-ind', { email, password }, fromClient('192.0.2.9')).then((r) => r.res.status);
    expect(await post(others[0]?.email ?? '', 'wrong password 1')).toBe(422);
    expect(await post(others[1]?.email ?? '', 'wrong password 2')).toBe(422);
    expect(await post(user.email, TEST_PASSWORD)).toBe(303);
    await client.get('/log-ind');
    expect(await post(others[2]?.email ?? '', 'wrong password 3')).toBe(422);
    expect(await post(user.email, TEST_PASSWORD)).toBe(429);
  });
});

describe(`what timing tells (${testDriver()})`, () => {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

  it('takes as long to refuse an unknown e-mail as a wrong password of a real account', async () => {
    const t = createTestApp(database, { LOGIN_RATE_LIMIT: '1000', LOGIN_CLIENT_RATE_LIMIT: '1000' });
    const user = await createUser(database.db, 'support_staff');
    const client = new Client(t.app);
    await client.get('/log-ind');
    const time = async (email: string) => {
      const started = performance.now();
      const { res } = await client.post('/log-ind', { email, password: 'wrong password here' });
      expect(res.status).toBe(422);
      return performance.now() - started;
    };
    const real: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so that load on the machine falls on both alike; the first unknown e-mail too.
    for (let i = 0; i < 7; i++) {
      unknown.push(await time(`nobody-${i}@example.dk`));
      real.push(await time(user.email));
    }
    const [r, u] = [median(real), median(unknown)];
    // An argon2id verification is tens of milliseconds; a lookup alone is a few. Within a third.
    expect(Math.abs(r - u), `real ${r.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`).toBeLessThan(
      Math.max(r, u) / 3,
    );
  });
});

describe(`password reset with a slow mail server (${testDriver()})`, () => {
  it('answers before the mail server has accepted the mail, and the mail arrives after', async () => {
    const smtp = await startSmtpServer({ acceptAfterMs: 1500 });
    try {
      const t = createTestApp(database, {}, { mailer: smtp.mailer });
      // As the server does when it starts: the queue's first start (its tables) is not a request's.
      await t.deps.jobs.start();
      const user = await createUser(database.db, 'assessor');
      const client = new Client(t.app);
      await client.get('/glemt-adgangskode');
      const started = performance.now();
      const sent = await client.post('/glemt-adgangskode', { email: user.email });
      const unknown = await client.post('/glemt-adgangskode', { email: 'nobody@example.dk' });
      const answered = performance.now() - started;
      expect(sent.res.status).toBe(200);
      expect(unknown.res.status).toBe(200);
      expect(unknown.html).toContain('Hvis der findes en konto');
      expect(sent.html.replace(/name="_csrf" value="[^"]+"/, '')).toBe(
        unknown.html.replace(/name="_csrf" value="[^"]+"/, ''),
      );
      expect(answered).toBeLessThan(1500);
      expect(smtp.received).toHaveLength(0);

      await t.deps.jobs.idle();
      expect(smtp.received.map((m) => m.to)).toEqual([[user.email]]);
      // The body is quoted-printable: soft line breaks (=CRLF) removed, '=' is '=3D'.
      expect(smtp.received[0]?.data.replace(/=\r?\n/g, '')).toMatch(/nulstil-adgangskode\?token=3D/);
    } finally {
      await smtp.close();
    }
  });
});
