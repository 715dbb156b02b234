import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/domain/demo/users.ts';
import { countJobs } from '../../src/domain/jobs/overview.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { asUser, axeViolations, useDemoSite, withPage } from './harness.ts';

/*
 * The job queue as an admin meets it: a password-reset mail the mail server refuses fails (no
 * retries here), shows on /admin/jobber with its error, and goes out when the admin retries it.
 */

const refuse = new Set<string>();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer({ refuse });
});
afterAll(() => smtp?.close());
const site = useDemoSite(() => ({
  SMTP_URL: smtp.url,
  JOB_POLL_SECONDS: '0.5',
  JOB_RETRY_LIMIT: '0',
}));

const admin = DEMO_LOGINS.find((d) => d.role === 'admin')?.email ?? '';
const staff = DEMO_LOGINS.find((d) => d.role === 'cluster_staff')?.email ?? '';

async function resetMails(state: 'failed' | 'completed'): Promise<number> {
  const kinds = await countJobs(site.database.db);
  return kinds.find((k) => k.kind === 'password-reset-mail')?.counts[state] ?? 0;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  await expect.poll(check, { timeout: 15_000, interval: 100 }).toBe(true);
}

describe('the job queue page', () => {
  it('lists a failed mail with its error, passes axe in Danish and English, and retries it', async () => {
    refuse.add(staff.toLowerCase());
    await withPage(site, async (page) => {
      await page.goto(`${site.server.url}/glemt-adgangskode`);
      await page.getByLabel('E-mail').fill(staff);
      await page.getByRole('button', { name: 'Send link' }).click();
      await page.getByText('Hvis der findes en konto').waitFor();
    });
    await until(async () => (await resetMails('failed')) === 1);

    await asUser(site, admin, async (page) => {
      await page.goto(`${site.server.url}/admin`);
      await page.getByRole('link', { name: 'Jobkø' }).first().click();
      await page.waitForURL('**/admin/jobber');
      const failedRow = page.locator('tr[data-job]');
      await expect.poll(() => failedRow.count()).toBe(1);
      expect(await failedRow.textContent()).toContain('550');
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/admin/jobs`);
      expect(await page.locator('tr[data-job]').textContent()).toContain('Password reset e-mail');
      expect(await axeViolations(page)).toEqual([]);

      refuse.clear();
      await page.getByRole('button', { name: /^Retry/ }).click();
      await page.getByText('The job is queued again.').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });
    await until(async () => (await resetMails('completed')) === 1);
    expect(smtp.received.map((m) => m.to[0])).toEqual([staff]);
  });
});
