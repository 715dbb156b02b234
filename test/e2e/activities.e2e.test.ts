import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { asUser, axeViolations, tabTo, useDemoSite } from './harness.ts';

const site = useDemoSite();

describe('activities in the cluster workspace (axe-core, WCAG 2.1 AA)', () => {
  it('the list, a filtered list, the detail page with participants and the English list have no violations', () =>
    asUser(site, 'klynge@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/arbejdsrum`);
      // The workspace lists its tools; activities are one of them.
      await page.getByRole('main').getByRole('link', { name: 'Aktiviteter', exact: true }).click();
      await page.waitForURL('**/arbejdsrum/aktiviteter');
      expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('Kategori').selectOption('networking');
      await page.getByRole('button', { name: 'Vis', exact: true }).click();
      await page.waitForURL('**/arbejdsrum/aktiviteter?*category=networking*');
      expect(await axeViolations(page)).toEqual([]);

      await page.locator('table tbody tr a').first().click();
      await page.waitForURL(/\/arbejdsrum\/aktiviteter\/\d+$/);
      await page.getByRole('heading', { name: 'Tilføj deltager' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${site.server.url}/en/workspace/activities`);
      expect(await axeViolations(page)).toEqual([]);
    }));

  it('the form, and the form with errors shown, have no violations; the summary links to the fields', () =>
    asUser(site, 'klynge@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/arbejdsrum/aktiviteter/ny`);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Titel', { exact: true }).fill('Halvfærdig aktivitet');
      // 30 February: each part is a number, the date does not exist.
      const start = page.getByRole('group', { name: 'Startdato', exact: true });
      await start.getByLabel('Dag').fill('30');
      await start.getByLabel('Måned').fill('2');
      await start.getByLabel('År').fill('2025');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Gem aktivitet' }).click(),
      ]);
      expect(response.status()).toBe(422);
      await page.getByRole('heading', { name: 'Der er fejl i formularen' }).waitFor();
      expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe('Halvfærdig aktivitet');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: /^Startdato skal være en rigtig dato/ }).click();
      expect(page.url()).toMatch(/#start_date$/);
    }));
  it('the edit form, the participant form and both confirmations have no violations', () =>
    asUser(site, 'klynge@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/arbejdsrum/aktiviteter`);
      // An activity that has participants: the last column counts them.
      const withParticipants = page
        .locator('table tbody tr')
        .filter({ has: page.locator('td:last-child:not(:text-is("0"))') });
      await withParticipants.first().locator('a').click();
      await page.waitForURL(/\/arbejdsrum\/aktiviteter\/\d+$/);
      await page.getByRole('link', { name: 'Ret aktiviteten' }).click();
      await page.waitForURL('**/rediger');
      expect(await axeViolations(page)).toEqual([]);
      await page.goBack();
      await page.getByRole('link', { name: 'Slet aktiviteten' }).click();
      await page.waitForURL('**/slet');
      expect(await axeViolations(page)).toEqual([]);
      await page.goBack();
      await page.locator('a[href*="/deltagere/"]').first().click();
      await page.waitForURL(/deltagere\/\d+$/);
      await page.getByRole('button', { name: 'Gem deltager' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.goBack();
      await page
        .getByRole('link', { name: /^Fjern / })
        .first()
        .click();
      await page.waitForURL(/deltagere\/\d+\/fjern$/);
      await page.getByRole('button', { name: 'Ja, fjern deltageren' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    }));
});

/** Whether the page is wider than the window: something would need sideways scrolling. */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('format 1.1 fields and the activity rule (390 px wide)', () => {
  it('the new fields take values, show errors in the summary, and the rule filter keeps tagged rows; Danish and English', () =>
    asUser(site, 'klynge@demo.klyngeportalen.dk', async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${site.server.url}/arbejdsrum/aktiviteter/ny`);
      expect(await overflows(page)).toBe(false);
      await page.getByLabel('Titel', { exact: true }).fill('EU-værksted');
      await page.getByLabel('Reference', { exact: true }).fill('EU-E2E');
      await page.getByLabel('Kategori', { exact: true }).selectOption('internationalisation');
      const start = page.getByRole('group', { name: 'Startdato', exact: true });
      await start.getByLabel('Dag').fill('2');
      await start.getByLabel('Måned').fill('3');
      await start.getByLabel('År').fill('2026');
      await page.getByLabel('Deltager- og medlemsgebyrer (kr.)').fill('-1');
      await page.getByLabel('Aktiviteten bidrog til en ansøgning til et EU-program').check();
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Gem aktivitet' }).click(),
      ]);
      expect(refused.status()).toBe(422);
      await page
        .getByRole('link', { name: /^Deltager- og medlemsgebyrer \(kr\.\) skal være et helt tal/ })
        .waitFor();
      expect(await page.getByLabel('Aktiviteten bidrog til en ansøgning til et EU-program').isChecked()).toBe(
        true,
      );
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflows(page)).toBe(false);
      await page.getByLabel('Deltager- og medlemsgebyrer (kr.)').fill('12.500');
      await page.getByRole('button', { name: 'Gem aktivitet' }).click();
      await page.waitForURL(/\/arbejdsrum\/aktiviteter\/\d+\?status=created$/);
      const facts = await page.locator('dl').textContent();
      expect(facts).toContain('Deltager- og medlemsgebyrer (kr.)12.500');
      expect(facts).toContain('EU-ansøgningJa');

      // A knowledge institution with its kind; the activity still breaks the rule (no company).
      await page.getByLabel('Deltagertype', { exact: true }).selectOption('knowledge_institution');
      await page.getByLabel('CVR-nummer').fill('10000009');
      await page.getByLabel('Navn', { exact: true }).fill('Erhvervsakademiet E2E');
      await page.getByLabel('Type af videninstitution').selectOption('business_academy');
      await page.getByRole('button', { name: 'Tilføj deltager' }).click();
      await page.waitForURL(/status=participantAdded$/);
      expect(await page.getByRole('row', { name: /Erhvervsakademiet E2E/ }).textContent()).toContain(
        'Videninstitution (Erhvervsakademi)',
      );
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflows(page)).toBe(false);

      await page.goto(`${site.server.url}/arbejdsrum/aktiviteter`);
      await page.getByLabel('Vis kun aktiviteter, der bryder aktivitetsreglen').check();
      await page.getByRole('button', { name: 'Vis', exact: true }).click();
      await page.waitForURL('**/arbejdsrum/aktiviteter?*rule=broken*');
      const rows = page.locator('table tbody tr');
      const count = await rows.count();
      expect(count).toBeGreaterThan(0);
      expect(await rows.filter({ hasText: 'Bryder aktivitetsreglen' }).count()).toBe(count);
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflows(page)).toBe(false);
      await page.goto(`${site.server.url}/arbejdsrum/aktiviteter?rule=broken&q=EU-E2E`);
      expect(await page.locator('table tbody tr').filter({ hasText: 'EU-værksted' }).count()).toBe(1);

      await page.goto(`${site.server.url}/en/workspace/activities?rule=broken`);
      expect(await page.getByLabel('Show only activities that break the activity rule').isChecked()).toBe(
        true,
      );
      expect(
        await page.locator('table tbody tr').filter({ hasText: 'Breaks the activity rule' }).count(),
      ).toBe(count);
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflows(page)).toBe(false);
      await page.goto(`${site.server.url}/en/workspace/activities/new`);
      await page.getByLabel('Participation and member fees (DKK)').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflows(page)).toBe(false);
    }));
});

describe('keyboard only', () => {
  it('a new activity can be completed and saved with the keyboard alone', () =>
    asUser(site, 'klynge@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/arbejdsrum/aktiviteter/ny`);
      await tabTo(page, 'title', 80);
      await page.keyboard.type('Tastaturworkshop');
      await page.keyboard.press('Tab');
      await page.keyboard.type('KB-1');
      await page.keyboard.press('Tab'); // category: the first real choice below the placeholder
      await page.keyboard.press('ArrowDown');
      // Start and end date: day, month and year each in a field of its own.
      for (const part of ['2', '3', '2026', '3', '3', '2026']) {
        await page.keyboard.press('Tab');
        await page.keyboard.type(part);
      }
      await tabTo(page, 'grant_dkk', 80);
      await page.keyboard.type('4000');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/arbejdsrum\/aktiviteter\/\d+\?status=created$/);
      await page.getByRole('heading', { name: 'Tastaturworkshop', level: 1 }).waitFor();
      expect(await page.getByText('Aktiviteten er oprettet.').count()).toBe(1);
      expect(await page.locator('dl').textContent()).toContain('Innovationssamarbejde');

      // The participant form on the same page, too.
      await tabTo(page, 'participant_type', 80);
      await page.keyboard.press('ArrowDown'); // Virksomhed
      await page.keyboard.press('Tab');
      await page.keyboard.type('10000009');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Tastatur ApS');
      await tabTo(page, 'new_product', 80);
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      await page.waitForURL(/status=participantAdded$/);
      expect(await page.getByRole('rowheader', { name: 'Tastatur ApS' }).count()).toBe(1);
    }));
});
