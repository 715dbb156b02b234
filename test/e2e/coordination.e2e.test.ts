import { describe, expect, it } from 'vitest';
import { asUser, axeViolations, useDemoSite } from './harness.ts';

const site = useDemoSite();

describe('funding coordination (axe-core, WCAG 2.1 AA)', () => {
  it('the coordination overview and a portfolio, in Danish and English, have no violations', () =>
    asUser(site, 'funder@demo.klyngeportalen.dk', async (page) => {
      await page.getByRole('link', { name: 'Koordinering' }).click();
      await page.waitForURL('**/finansiering/koordinering');
      expect(await page.getByRole('heading', { name: 'Mulige overlap' }).count()).toBe(1);
      expect(await page.getByRole('figure', { name: /Bevillinger pr. finansiør i \d{4}/ }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Se portefølje: Uddannelses- og Forskningsministeriet' }).click();
      await page.waitForURL('**/finansiering/koordinering/finansiorer/*');
      expect(await page.getByRole('row', { name: /^I alt/ }).count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/funding/coordination`);
      expect(await page.getByRole('heading', { name: 'Possible overlaps' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    }));

  it('a notification leads to an open funding plan; a comment with an error, then sent, has no violations', () =>
    asUser(site, 'funder@demo.klyngeportalen.dk', async (page) => {
      await page.getByRole('link', { name: /Notifikationer \(\d+ ulæste\)/ }).click();
      await page.waitForURL('**/konto/notifikationer');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: /Region Midtjylland planlægger »Brint/ }).click();
      await page.waitForURL('**/finansiering/planer/*');
      expect(await page.getByText('Planlagt, åben for kommentarer').count()).toBe(1);
      await page.getByRole('button', { name: 'Send kommentar' }).click();
      expect(await page.getByText('Teksten er for kort.').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page
        .getByLabel('Din kommentar')
        .fill('Ministeriet planlægger ikke noget tilsvarende i regionen.');
      await page.getByRole('button', { name: 'Send kommentar' }).click();
      await page.waitForURL('**?kommenteret=1');
      expect(await page.getByText('Ministeriet planlægger ikke noget tilsvarende').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/account/notifications`);
      expect(await axeViolations(page)).toEqual([]);
    }));

  it('the funding plan list and the new-plan form with field errors have no violations (da + en)', () =>
    asUser(site, 'funder@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/finansiering/planer`);
      expect(await page.getByRole('heading', { level: 1, name: 'Finansieringsplaner' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Testcenter for velfærdsteknologi' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/funding/plans/new`);
      await page.getByRole('button', { name: 'Record and tell the other funders' }).click();
      expect(await page.getByText('Choose at least one region.').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/finansiering/planer/ny`);
      expect(await axeViolations(page)).toEqual([]);
    }));
});
