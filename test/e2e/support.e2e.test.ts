import { describe, expect, it } from 'vitest';
import { asUser, axeViolations, useDemoSite, withPage } from './harness.ts';

const site = useDemoSite();
const SUPPORT = 'support@demo.klyngeportalen.dk';

describe("the support function's services (by clicking, axe-core WCAG 2.1 AA)", () => {
  it('a visitor finds the demo services from the menu, filters them and reads one, in Danish and English', async () => {
    await withPage(site, async (page) => {
      await page.goto(site.server.url);
      const clusters = page
        .locator('.navigation-menu details.nav-group-menu', { hasText: 'Klynger' })
        .first();
      await clusters.locator('summary').click();
      await clusters.getByRole('link', { name: 'Supportfunktionens ydelser' }).click();
      await page.waitForURL('**/ydelser');
      expect(await page.getByRole('status').filter({ hasText: 'ydelser' }).textContent()).toBe('12 ydelser');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Form', { exact: true }).selectOption('sparring');
      await page.getByRole('button', { name: 'Vis' }).click();
      await page.waitForURL('**/ydelser?*form=sparring*');
      expect(await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()).toEqual([
        'Forberedelse til klyngemærkning',
        'Internationaliseringssparring',
      ]);
      await page.getByRole('link', { name: 'Internationaliseringssparring' }).click();
      await page.waitForURL('**/ydelser/internationaliseringssparring');
      expect(await page.getByText('Dansk og engelsk').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL('**/en/services/internationaliseringssparring');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Sparring on internationalisation',
      );
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/services?group=boards`);
      expect(await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()).toEqual([
        "Benchmarking the cluster's results",
        'The board network',
      ]);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('support staff create, edit and retire a service from their landing page', async () => {
    await asUser(site, SUPPORT, async (page) => {
      await page.waitForURL('**/support');
      await page.getByRole('main').getByRole('link', { name: 'Ydelser', exact: true }).click();
      await page.waitForURL('**/support/ydelser');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Opret en ydelse' }).click();
      await page.getByRole('button', { name: 'Gem ydelsen' }).click();
      expect(await page.getByText('Vælg mindst én målgruppe.').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Titel på dansk').fill('Datadrevet klyngeledelse');
      await page.getByLabel('Titel på engelsk').fill('Data-driven cluster management');
      await page
        .getByLabel('Kort beskrivelse på dansk')
        .fill('Et kursus i at bruge portalens tal i klyngens styring.');
      await page
        .getByLabel('Kort beskrivelse på engelsk')
        .fill("A course in using the portal's figures to steer a cluster.");
      await page.getByLabel('Klyngeledere').check();
      await page.getByLabel('Form', { exact: true }).selectOption('course');
      await page.getByLabel('Betaling').selectOption('user_payment');
      await page.getByLabel('Pris pr. deltager').fill('2.500');
      await page.getByLabel('Pladser').fill('16');
      await page.getByLabel('Sprog', { exact: true }).selectOption('da');
      await page.getByRole('button', { name: 'Gem ydelsen' }).click();
      await page.waitForURL('**/ydelser/datadrevet-klyngeledelse?gemt=1');
      expect(await page.getByText('Egenbetaling: 2.500 kr.').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Redigér ydelsen' }).click();
      await page.getByLabel('Pladser').fill('20');
      await page.getByRole('button', { name: 'Gem ydelsen' }).click();
      await page.waitForURL('**/ydelser/datadrevet-klyngeledelse?gemt=1');
      await page.getByRole('button', { name: 'Udfas ydelsen' }).click();
      await page.waitForURL('**?udfaset=1');
      expect(await page.getByText('Ydelsen udbydes ikke længere.').count()).toBe(1);

      await page.goto(`${site.server.url}/en/support/services/new`);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/support/services`);
      expect(await page.getByRole('row', { name: /Data-driven cluster management/ }).textContent()).toContain(
        'Retired',
      );
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
