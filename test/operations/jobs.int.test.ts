import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { jobsOverview } from '../../src/domain/jobs/overview.ts';
import { retryFailedJob } from '../../src/domain/jobs/retry.ts';
import { createCaller, expectAppError } from '../support/callers.ts';
import { createTestDatabase } from '../support/database.ts';
import { createUser, TEST_PASSWORD } from '../support/factories.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';
import { startSmtpServer } from '../support/smtp.ts';

/*
 * The durable job queue (pg-boss) on this test's database: a password-reset mail is a job that
 * reaches a real SMTP server once; a job whose mail is refused is retried, then ends failed and
 * shows on the admin page, where an admin sends it back to the queue.
 */

let database: Database;
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const refuse = new Set<string>();
let admin: Client;

/** The admin page's row of a kind: queued, retrying, running, failed, done. */
async function countsOf(kind: string): Promise<number[]> {
  const { html } = await admin.get('/admin/jobber');
  const row = new RegExp(`<tr data-kind="${kind}">(.*?)</tr>`, 's').exec(html)?.[1] ?? '';
  return [...row.matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
}

async function requestReset(email: string): Promise<void> {
  const visitor = new Client(t.app);
  await visitor.get('/glemt-adgangskode');
  const { res } = await visitor.post('/glemt-adgangskode', { email });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer({ refuse });
  // One retry a second after the first failure: the failing job ends within a few seconds.
  t = createTestApp(
    database,
    { JOB_RETRY_LIMIT: '1', JOB_RETRY_DELAY_SECONDS: '1' },
    { mailer: smtp.mailer },
  );
  const user = await createUser(database.db, 'admin');
  admin = new Client(t.app);
  expect((await admin.login(user.email, TEST_PASSWORD)).res.status).toBe(303);
});
afterAll(async () => {
  await database?.close();
  await smtp?.close();
});

describe('the job queue', () => {
  it('runs a queued password-reset mail once: it reaches the SMTP server and counts as done', async () => {
    const user = await createUser(database.db, 'cluster_staff');
    await requestReset(user.email);
    await t.deps.jobs.idle();
    const mails = smtp.received.filter((m) => m.to.includes(user.email));
    expect(mails).toHaveLength(1);
    // The body is quoted-printable: soft line breaks (=CRLF) removed, '=' is '=3D'.
    expect(mails[0]?.data.replace(/=\r?\n/g, '')).toMatch(/\/nulstil-adgangskode\?token=3D[A-Za-z0-9_-]{43}/);
    expect(await countsOf('password-reset-mail')).toEqual([0, 0, 0, 0, 1]);
  });

  it('retries a failing job, then marks it failed with its error on the admin page', async () => {
    const user = await createUser(database.db, 'cluster_staff');
    refuse.add(user.email.toLowerCase());
    await requestReset(user.email);
    await t.deps.jobs.idle();
    expect(smtp.received.filter((m) => m.to.includes(user.email))).toHaveLength(0);
    expect(await countsOf('password-reset-mail')).toEqual([0, 0, 0, 1, 1]);
    const page = await admin.get('/admin/jobber');
    const failed = /<tr data-job="([0-9a-f-]{36})">(.*?)<\/tr>/s.exec(page.html);
    expect(failed?.[2]).toContain('Mail om ny adgangskode');
    // Two attempts (the first and one retry), and the SMTP server's refusal as the error.
    expect(failed?.[2]).toMatch(/<td>2<\/td>/);
    expect(failed?.[2]).toContain('550');
    expect(failed?.[2]).toContain('Prøv igen');
  });

  it('sends a failed job back to the queue when an admin retries it, recorded in the audit log', async () => {
    const page = await admin.get('/en/admin/jobs');
    const id = /<tr data-job="([0-9a-f-]{36})">/.exec(page.html)?.[1] ?? '';
    expect(page.html).toContain('Password reset e-mail');
    const before = smtp.received.length;
    refuse.clear();
    const retried = await admin.post(`/en/admin/jobs/${id}/retry`, { kind: 'password-reset-mail' });
    expect(retried.res.status).toBe(303);
    expect(retried.res.headers.get('location')).toBe('/en/admin/jobs?besked=retried');
    await t.deps.jobs.idle();
    expect(smtp.received.length - before).toBe(1);
    expect(await countsOf('password-reset-mail')).toEqual([0, 0, 0, 0, 2]);
    const audit = await database.db.query.auditLog.findFirst({
      where: (a, { and, eq }) => and(eq(a.entity, 'jobs'), eq(a.entityId, id)),
    });
    expect(audit?.action).toBe('retry');

    // The same job again: it is no longer failed, which the page says.
    await admin.get('/admin/jobber');
    const again = await admin.post(`/admin/jobber/${id}/proev-igen`, { kind: 'password-reset-mail' });
    expect(again.res.status).toBe(200);
    expect(again.html).toContain('Jobbet er ikke fejlet');
  });

  it('tells Prometheus the queue depth and failures per kind', async () => {
    const text = await t.deps.metrics.registry.metrics();
    expect(text).toContain('klynge_job_queue_depth{kind="password-reset-mail"} 0');
    // The refused mail's two attempts (the first and its retry).
    expect(text).toContain('klynge_job_failures_total{kind="password-reset-mail"} 2');
    expect(text).toContain('klynge_jobs_failed{kind="password-reset-mail"} 0');
    expect(text).toContain('klynge_job_queue_depth{kind="survey-mails"} 0');
  });

  it('refuses the job queue to everyone but admins', async () => {
    const funder = await createCaller(database.db, 'funder');
    const support = await createCaller(database.db, 'support_staff');
    await expectAppError(jobsOverview(database.db, funder), 'forbidden');
    await expectAppError(
      retryFailedJob(database.db, t.deps.jobs, support, {
        kind: 'password-reset-mail',
        id: '00000000-0000-4000-8000-000000000000',
      }),
      'forbidden',
    );
    const user = await createUser(database.db, 'funder');
    const client = new Client(t.app);
    await client.login(user.email, TEST_PASSWORD);
    expect((await client.get('/admin/jobber')).res.status).toBe(403);
  });

  it('refuses a retry of an unknown kind or a malformed id as invalid input', async () => {
    const owner = await createCaller(database.db, 'admin');
    await expectAppError(
      retryFailedJob(database.db, t.deps.jobs, owner, { kind: 'nonsense', id: 'x' }),
      'validation',
    );
  });
});
