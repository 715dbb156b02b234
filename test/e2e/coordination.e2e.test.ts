import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { asUser, axeViolations, useDemoSite } from './harness.ts';

const site = useDemoSite();
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

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

  it('an open decision on the landing page is marked done at its meeting; the meeting pages have no violations', () =>
    asUser(site, 'funder@demo.klyngeportalen.dk', async (page) => {
      await page.waitForURL('**/finansiering');
      await page.getByRole('link', { name: /1 åben beslutning fra finansiørernes møder/ }).click();
      await page.waitForURL('**/finansiering/koordinering/moeder#decisions-heading');
      expect(await page.getByRole('heading', { level: 1, name: 'Koordineringsmøder' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Opfølgning på robotindsatsen på Fyn' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await overflows(page)).toBe(false);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page
        .getByRole('button', { name: 'Markér som udført: Ministeriet sender et udkast til opslagstekst' })
        .click();
      await page.waitForURL('**/finansiering/koordinering/moeder/*?udfoert=1');
      expect(await page.getByText('Beslutningen er markeret som udført.').count()).toBe(1);
      expect(await page.getByRole('heading', { level: 2, name: 'Referat' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Registrér beslutning' }).click();
      expect(await page.getByText('Vælg en af mødets deltagere som ansvarlig.').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      const meeting = new URL(page.url()).pathname.split('/').at(-2);
      await page.goto(`${site.server.url}/en/funding/coordination/meetings/${meeting}`);
      expect(await page.getByRole('heading', { level: 2, name: 'Decisions' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await overflows(page)).toBe(false);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${site.server.url}/en/funding/coordination/meetings/new`);
      await page.getByRole('button', { name: 'Convene and tell the participants' }).click();
      expect(
        await page.getByText('Write between 1 and 30 agenda items, one per line.').count(),
      ).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/finansiering/koordinering/moeder/ny`);
      await page.getByLabel('Mødets titel').fill('Forberedelse af brintopslag');
      await page.getByLabel('Dag', { exact: true }).fill('15');
      await page.getByLabel('Måned', { exact: true }).fill('3');
      await page.getByLabel('År', { exact: true }).fill('2027');
      await page.getByRole('checkbox', { name: 'Region Midtjylland' }).check();
      await page.getByLabel('Dagsorden').fill('Velkomst\nArbejdsdeling');
      await page.getByRole('button', { name: 'Indkald og giv deltagerne besked' }).click();
      await page.waitForURL('**/finansiering/koordinering/moeder/*?ny=1');
      expect(await page.getByText('Mødet er oprettet, og 1 finansiør har fået besked.').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    }));
});
