/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, newContext, signIn, tabTo, useDemoSite } from './harness.ts';

const site = useDemoSite();

async function withPage(work: (page: Page) => Promise<void>, opts: { javaScript?: boolean } = {}) {
  const context =
    opts.javaScript === false
      ? await site.browser.newContext({ javaScriptEnabled: false })
      : await newContext(site.browser);
  try {
    await work(await context.newPage());
  } finally {
    await context.close();
  }
}

describe('label self-assessment (axe-core, WCAG 2.1 AA)', () => {
  it('cluster staff change a score by keyboard and save; Danish and English; support staff read it', async () => {
    await withPage(async (page) => {
      await signIn(page, site, 'klynge@demo.klyngeportalen.dk');
      await page.goto(`${site.server.url}/arbejdsrum/handlingsplaner/odense-robotics/2024`);
      await page.getByRole('link', { name: 'Selvevaluering til klyngemærket' }).click();
      await page.waitForURL('**/arbejdsrum/maerkning/odense-robotics');
      // The demo's scores point to Silver.
      expect(await page.getByText('Selvevalueringen peger mod niveauet Sølv.').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      // Keyboard only: move "internationalisation" from partly to met, then save.
      await tabTo(page, 'internationalisation-1');
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#internationalisation-2').isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Gem selvevalueringen' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL('**/odense-robotics?done=saved');
      expect(await page.getByText('Selvevalueringen er gemt.').count()).toBe(1);
      expect(await page.locator('#internationalisation-2').isChecked()).toBe(true);
      await page.goto(`${site.server.url}/en/workspace/labelling/odense-robotics`);
      expect(await axeViolations(page)).toEqual([]);
    });
    await withPage(async (page) => {
      await signIn(page, site, 'support@demo.klyngeportalen.dk');
      for (const path of [
        '/arbejdsrum/maerkning/odense-robotics',
        '/en/workspace/labelling/odense-robotics',
      ]) {
        await page.goto(site.server.url + path);
        expect(await page.locator('input[type="radio"]').count()).toBe(0);
        expect(await axeViolations(page)).toEqual([]);
      }
    });
  }, 120_000);
});

describe('label register (axe-core, WCAG 2.1 AA)', () => {
  for (const path of ['/maerker', '/en/labels', '/maerker?level=gold&status=expired&region=1084']) {
    it(`${path} has no violations`, () =>
      withPage(async (page) => {
        const res = await page.goto(site.server.url + path);
        expect(res?.status()).toBe(200);
        expect(await axeViolations(page)).toEqual([]);
      }));
  }

  it('signed in as support staff: the register with flags, the import form and its error page have no violations', () =>
    withPage(async (page) => {
      await signIn(page, site, 'support@demo.klyngeportalen.dk');
      await page.goto(`${site.server.url}/maerker`);
      await expect(page.getByRole('heading', { name: 'Udløber inden for 6 måneder' }).count()).resolves.toBe(
        1,
      );
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Importér mærker fra en CSV-fil' }).click();
      await page.waitForURL('**/maerker/import');
      expect(await axeViolations(page)).toEqual([]);

      const bad = await readFile(new URL('../fixtures/labels/bad-rows.csv', import.meta.url));
      await page
        .getByLabel('CSV-fil med mærker')
        .setInputFiles({ name: 'maerker.csv', mimeType: 'text/csv', buffer: bad });
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Importér' }).click(),
      ]);
      expect(response.status()).toBe(422);
      await page.waitForSelector('h1:has-text("Filen blev ikke importeret")');
      // The demo has no clusters with the fixture's CVRs, so more rows are refused than in the HTTP test.
      expect(await page.locator('table tbody tr').count()).toBeGreaterThanOrEqual(8);
      expect(await axeViolations(page)).toEqual([]);
    }));
});

describe('filtering the register without JavaScript', () => {
  it('submits the filter form as a GET and shows the choice in the address', () =>
    withPage(
      async (page) => {
        await page.goto(`${site.server.url}/maerker`);
        await page.getByLabel('Niveau', { exact: true }).selectOption('gold');
        await page.getByRole('button', { name: 'Vis', exact: true }).click();
        await page.waitForURL('**/maerker?level=gold&status=&region=');
        const levels = await page.locator('table tbody tr td:nth-child(2)').allTextContents();
        expect(levels.length).toBeGreaterThan(0);
        expect(new Set(levels)).toEqual(new Set(['Guld']));
      },
      { javaScript: false },
    ));
});
