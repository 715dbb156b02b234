import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomCvr } from '../support/factories.ts';
import { type ReceivedMail, startSmtpServer } from '../support/smtp.ts';
import { asUser, axeViolations, useDemoSite, withPage } from './harness.ts';

let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
});
// Registered after the SMTP server's hooks: the site starts once the server runs, sending through it.
const site = useDemoSite(() => ({ SMTP_URL: smtp?.url ?? '' }));

const PASSWORD = 'et langt og godt kodeord';
const OWNER = 'ejer@e2e-firma.example';
const BUYER = 'koeber@e2e-firma.example';
const TITLE = 'Kalibrering af kraftsensorer til cobots';

const bodyOf = (mail: ReceivedMail | undefined) =>
  decodeURIComponent((mail?.data ?? '').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, '%$1'));

/** The newest mail to `email` once it has arrived. */
async function mailTo(email: string, containing: string): Promise<string> {
  const find = () => bodyOf(smtp?.received.findLast((m) => m.to.includes(email)));
  await expect.poll(find, { timeout: 10_000 }).toContain(containing);
  return find();
}

async function expectAxeClean(page: Page, path: string) {
  await page.goto(`${site.server.url}${path}`);
  expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
}

/** Signs a Danish company up through the form, opens the mailed link, confirms and logs in. */
async function signUp(page: Page, company: string, email: string, axe: boolean) {
  await page.goto(`${site.server.url}/virksomhed/opret`);
  if (axe) expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Virksomhedens eller organisationens navn').fill(company);
  await page.getByLabel('CVR-nummer').fill(randomCvr());
  await page.getByLabel('Kommune').selectOption({ label: 'Odense' });
  await page.getByLabel('Dit navn').fill('Test Person');
  await page.getByLabel('Din e-mail').fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Gentag adgangskoden').fill(PASSWORD);
  await page.getByRole('button', { name: 'Opret konto' }).click();
  await page.getByText('Vi har sendt en e-mail med et link').waitFor();
  const link = /https?:\/\/[^/\s]+(\/virksomhed\/bekraeft\?token=[\w-]+)/.exec(
    await mailTo(email, '/virksomhed/bekraeft?token='),
  )?.[1];
  await page.goto(`${site.server.url}${link}`);
  if (axe) expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Bekræft og opret konto' }).click();
  await page.waitForURL('**/log-ind?status=account-created');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  // A company's people land on their company's page.
  await page.waitForURL((url) => url.pathname === '/virksomhed');
}

const dateParts = (day: Date) => [
  String(day.getUTCDate()),
  String(day.getUTCMonth() + 1),
  String(day.getUTCFullYear()),
];

describe('company accounts and the marketplace (by clicking, axe-core WCAG 2.1 AA)', () => {
  it('two companies sign up and verify; one publishes an offer; the other finds it and expresses interest; the owner gets the e-mail', async () => {
    let itemPath = '';
    await withPage(site, async (page) => {
      await signUp(page, 'E2E Sensorik ApS', OWNER, true);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Hvad virksomheden laver').fill('Kalibrerer sensorer.');
      await page.getByLabel('Teknologier (valgfri)', { exact: true }).fill('sensorer, kalibrering');
      await page.getByRole('button', { name: 'Gem profil' }).click();
      await page.getByText('Profilen er gemt.').waitFor();
      await page.getByRole('link', { name: 'Opret et opslag' }).first().click();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Tilbud eller efterspørgsel').selectOption('offer');
      await page.getByLabel('Type', { exact: true }).selectOption('expertise');
      await page.getByLabel('Overskrift').fill(TITLE);
      await page
        .getByLabel('Beskrivelse', { exact: true })
        .fill('Vi kalibrerer kraftsensorer på kollaborative robotter.');
      await page.getByLabel('Robotter, automation og droner').check();
      await page.getByLabel('Teknologier (valgfri)', { exact: true }).fill('kraftsensorer');
      const [d1, m1, y1] = dateParts(new Date());
      const [d2, m2, y2] = dateParts(new Date(Date.now() + 200 * 86_400_000));
      await page.locator('#validFrom').fill(d1 ?? '');
      await page.locator('#validFromMonth').fill(m1 ?? '');
      await page.locator('#validFromYear').fill(y1 ?? '');
      await page.locator('#validUntil').fill(d2 ?? '');
      await page.locator('#validUntilMonth').fill(m2 ?? '');
      await page.locator('#validUntilYear').fill(y2 ?? '');
      await page.getByRole('button', { name: 'Offentliggør' }).click();
      await page.getByText('Opslaget er offentliggjort.').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      itemPath = new URL(page.url()).pathname;
      await expectAxeClean(page, '/en/company');
      await expectAxeClean(page, '/en/marketplace/new');
    });

    await withPage(site, async (page) => {
      await signUp(page, 'E2E Robotkøber ApS', BUYER, false);
      await page.goto(`${site.server.url}/markedsplads`);
      await page.getByLabel('Søg', { exact: true }).fill('kraftsensor kalibrering');
      await page.getByRole('button', { name: 'Søg' }).click();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: TITLE }).click();
      expect(new URL(page.url()).pathname).toBe(itemPath);
      await page.getByLabel('Besked').fill('Kan I kalibrere 12 sensorer i februar?');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('Tak. Udbyderen har fået din besked.').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await expectAxeClean(page, itemPath.replace('/markedsplads/', '/en/marketplace/'));
    });

    const mail = await mailTo(OWNER, 'Kan I kalibrere 12 sensorer i februar?');
    expect(mail).toContain(BUYER);
    expect(mail).toContain(TITLE);

    // The owner withdraws the offer: it leaves the marketplace and its page at once.
    await withPage(site, async (page) => {
      await page.goto(`${site.server.url}/log-ind`);
      await page.getByLabel('E-mail').fill(OWNER);
      await page.getByLabel('Adgangskode').fill(PASSWORD);
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.waitForURL((url) => url.pathname === '/virksomhed');
      await page.goto(`${site.server.url}${itemPath}`);
      await page.getByRole('button', { name: 'Træk opslaget tilbage' }).click();
      await page.getByText('Opslaget er trukket tilbage.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/markedsplads');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Søg', { exact: true }).fill('kraftsensor kalibrering');
      await page.getByRole('button', { name: 'Søg' }).click();
      expect(await page.getByRole('link', { name: TITLE }).count()).toBe(0);
      expect((await page.goto(`${site.server.url}${itemPath}`))?.status()).toBe(404);
    });
  });

  it('a cluster’s invitation page is axe-clean in Danish and English', async () => {
    await asUser(site, 'klynge@demo.klyngeportalen.dk', async (page) => {
      await expectAxeClean(page, '/arbejdsrum/virksomhedsinvitationer');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      // The refused form shows its errors, still axe-clean.
      expect(await page.getByText('Skriv et gyldigt CVR-nummer (8 cifre).').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await expectAxeClean(page, '/en/workspace/company-invitations');
    });
  });

  it('the public partner search, marketplace and sign-up pages are axe-clean in Danish and English', async () => {
    await withPage(site, async (page) => {
      for (const path of [
        '/partnere?country=DE',
        '/en/partners?q=robot',
        '/markedsplads?type=partnership',
        '/en/marketplace',
        '/en/company/sign-up',
      ]) {
        await expectAxeClean(page, path);
      }
      // The foreign demo partners are found by country.
      await page.goto(`${site.server.url}/partnere?country=SE`);
      expect(await page.getByRole('heading', { name: 'Malmö Vätgas AB (synthetic)' }).count()).toBe(1);
    });
  });
});
