import { sql } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { countJobs } from '../../src/domain/jobs/overview.ts';
import { createApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import type { AppEnv } from '../../src/http/context.ts';
import { createJobQueue } from '../../src/jobs/queue.ts';
import { createLogger } from '../../src/logger.ts';
import { callerWith } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation, createUser, TEST_PASSWORD } from '../support/factories.ts';
import { Client } from '../support/http.ts';
import { type Instance, startInstance, stopInstance, until } from '../support/instances.ts';
import { startSmtpServer } from '../support/smtp.ts';

type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

/*
 * Two real app processes (`klynge serve`, as in production) on one PostgreSQL database, as behind
 * a load balancer: what one instance knows of a visitor, the other knows too.
 */

const LOGIN_RATE_LIMIT = 3;

/**
 * The test client's requests sent over HTTP to whichever instance `at` names, as a browser whose
 * requests the load balancer spreads; redirects are not followed, and a form post carries the
 * Origin a browser would send.
 */
function balancedClient(instances: () => Record<'a' | 'b', Instance>) {
  const target = { at: 'a' as 'a' | 'b' };
  const transport = {
    request: (path: string, init: RequestInit = {}) => {
      const base = instances()[target.at].url;
      const headers = new Headers(init.headers);
      if (init.method === 'POST') headers.set('origin', base);
      return fetch(new URL(path, base), { ...init, headers, redirect: 'manual' });
    },
  };
  return { client: new Client(transport as unknown as Hono<AppEnv>), target };
}

let database: Database;
let a: Instance | undefined;
let b: Instance | undefined;
const both = () => ({ a: a as Instance, b: b as Instance });
/** Each instance mails through its own SMTP server (slow to accept), so a mail tells who sent it. */
const SMTP_DELAY_MS = 1500;
let smtpA: SmtpServer;
let smtpB: SmtpServer;

/** Jobs of the password-reset kind not yet done (queued, retrying or running), on either instance. */
async function unfinishedResets(): Promise<number> {
  const counts = (await countJobs(database.db)).find((k) => k.kind === 'password-reset-mail')?.counts;
  return counts ? counts.created + counts.retry + counts.active : 0;
}

describe.runIf(testDriver() === 'postgres')('two app instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    if (database.raw.driver !== 'postgres') throw new Error('PostgreSQL only');
    const url = String(database.raw.pool.options.connectionString);
    [smtpA, smtpB] = await Promise.all([
      startSmtpServer({ acceptAfterMs: SMTP_DELAY_MS }),
      startSmtpServer({ acceptAfterMs: SMTP_DELAY_MS }),
    ]);
    const env = (smtp: SmtpServer) => ({ LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT), SMTP_URL: smtp.url });
    [a, b] = await Promise.all([startInstance(url, env(smtpA)), startInstance(url, env(smtpB))]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([stopInstance(a), stopInstance(b)]);
    await database?.close();
    await Promise.all([smtpA?.close(), smtpB?.close()]);
  });

  it('signs in on one instance, is signed in on the other, and signs out there for both', async () => {
    const user = await createUser(database.db, 'cluster_staff');
    const { client, target } = balancedClient(both);
    const login = await client.login(user.email, TEST_PASSWORD);
    expect(login.res.status).toBe(303);

    target.at = 'b';
    const account = await client.get('/konto');
    expect(account.res.status).toBe(200);
    expect(account.html).toContain(user.email);
    // The CSRF token of B's page, bound to the session, signs a form B accepts.
    const logout = await client.post('/log-ud', {});
    expect(logout.res.status).toBe(303);

    target.at = 'a';
    const after = await client.get('/konto');
    expect(after.res.status).toBe(303);
    expect(after.res.headers.get('location')).toBe('/log-ind?next=%2Fkonto');
  });

  it('counts failed logins on both instances against one limit', async () => {
    const user = await createUser(database.db, 'funder');
    const { client, target } = balancedClient(both);
    const statuses: number[] = [];
    for (const at of ['a', 'b', 'a', 'b'] as const) {
      target.at = at;
      await client.get('/log-ind');
      const { res } = await client.post('/log-ind', { email: user.email, password: `wrong ${at}` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(LOGIN_RATE_LIMIT).fill(422), 429]);
    // The right password is refused on the first instance too, without being tried.
    target.at = 'a';
    await client.get('/log-ind');
    const right = await client.post('/log-ind', { email: user.email, password: TEST_PASSWORD });
    expect(right.res.status).toBe(429);
    expect(Number(right.res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
  it('runs each queued job exactly once across both instances', async () => {
    const users = await Promise.all(
      Array.from({ length: 6 }, () => createUser(database.db, 'cluster_staff')),
    );
    const emails = users.map((u) => u.email);
    // Queued by a third process with no workers, as a request on either instance queues them.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const producer = createJobQueue(database, createLogger(config), config.jobs);
    for (const email of emails) await producer.enqueue('password-reset-mail', { email, lang: 'da' });
    await producer.stop();
    // And one through a page of instance A.
    const { client } = balancedClient(both);
    const extra = await createUser(database.db, 'cluster_staff');
    await client.get('/glemt-adgangskode');
    expect((await client.post('/glemt-adgangskode', { email: extra.email })).res.status).toBe(200);
    emails.push(extra.email);

    await until(async () => (await unfinishedResets()) === 0);
    const mailed = [...smtpA.received, ...smtpB.received].flatMap((m) => m.to);
    expect(mailed.sort()).toEqual([...emails].sort());
    smtpA.received.length = 0;
    smtpB.received.length = 0;
  }, 60_000);

  it('shares one schedule per recurring kind, and runs a scheduled job once across both instances', async () => {
    // Both instances wrote the schedules at start: one row per kind all the same.
    const schedules = await queryRows<{ name: string; rows: number }>(
      database.db,
      sql`select name, count(*)::int as rows from pgboss.schedule group by name order by name`,
    );
    expect(schedules).toEqual(
      [
        'call-deadline-reminders',
        'company-effect-survey',
        'course-reminders',
        'deadline-reminders',
        'label-reminders',
        'matchmaking-follow-ups',
        'referral-reminders',
        'retention',
        'token-reminders',
      ].map((name) => ({ name, rows: 1 })),
    );
    // A token expiring within 14 days, and one token-reminders run queued as its schedule queues it.
    const org = await createOrganisation(database.db);
    const creator = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const staff = callerWith(creator, [{ organisationId: org.id, role: 'cluster_staff' }]);
    await createApiToken(database.db, staff, {
      organisationId: org.id,
      name: 'ERP',
      now: new Date(Date.now() - 20 * 86_400_000),
      lifetime: 30,
    });
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const producer = createJobQueue(database, createLogger(config), config.jobs);
    await producer.enqueue('token-reminders', {});
    await producer.stop();

    const done = async () =>
      (await countJobs(database.db)).find((k) => k.kind === 'token-reminders')?.counts.completed === 1;
    await until(done);
    await until(() => [...smtpA.received, ...smtpB.received].some((m) => m.to.includes(creator.email)));
    const mailed = [...smtpA.received, ...smtpB.received].filter((m) => m.to.includes(creator.email));
    expect(mailed).toHaveLength(1);
    smtpA.received.length = 0;
    smtpB.received.length = 0;
  }, 60_000);

  it('drains a running job on SIGTERM while the other instance carries on', async () => {
    const [slow, next] = await Promise.all([
      createUser(database.db, 'cluster_staff'),
      createUser(database.db, 'cluster_staff'),
    ]);
    const { client, target } = balancedClient(both);
    await client.get('/glemt-adgangskode');
    expect((await client.post('/glemt-adgangskode', { email: slow.email })).res.status).toBe(200);
    // The instance whose SMTP server sees the recipient runs the job (its mail is accepted 1.5 s later).
    await until(() => [...smtpA.arriving, ...smtpB.arriving].includes(slow.email));
    const runningOn = smtpA.arriving.includes(slow.email) ? 'a' : 'b';
    const other = runningOn === 'a' ? 'b' : 'a';
    const [stopping, carrying] = runningOn === 'a' ? [a, b] : [b, a];
    const [stoppingSmtp, carryingSmtp] = runningOn === 'a' ? [smtpA, smtpB] : [smtpB, smtpA];

    const exited = new Promise<number | null>((resolve) => stopping?.process.once('exit', resolve));
    stopping?.process.kill('SIGTERM');
    // The other instance answers and takes new jobs meanwhile.
    target.at = other;
    expect((await fetch(new URL('/healthz', carrying?.url))).status).toBe(200);
    await client.get('/glemt-adgangskode');
    expect((await client.post('/glemt-adgangskode', { email: next.email })).res.status).toBe(200);

    // The stopping instance finished its mail before it exited, cleanly; nothing was sent twice.
    expect(await exited).toBe(0);
    expect(stoppingSmtp.received.flatMap((m) => m.to)).toEqual([slow.email]);
    await until(async () => (await unfinishedResets()) === 0);
    expect(carryingSmtp.received.flatMap((m) => m.to)).toEqual([next.email]);
  }, 60_000);
});
