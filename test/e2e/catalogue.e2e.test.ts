import { describe, expect, it } from 'vitest';
import { axeViolations, signIn, useDemoSite, withPage } from './harness.ts';

const site = useDemoSite();

describe('catalogue and cluster pages', () => {
  it('have no axe violations: catalogue (filtered too), cluster page, English pages', async () => {
    await withPage(site, async (page) => {
      for (const path of [
        '/klynger',
        '/klynger?tema=energy&region=1083',
        '/klynger/odense-robotics',
        '/en/clusters',
        '/en/clusters/clean',
        '/klynger/fynsk-dronenetvaerk',
      ]) {
        const res = await page.goto(site.server.url + path);
        expect(res?.status(), path).toBe(200);
        expect(await axeViolations(page), path).toEqual([]);
      }
    });
  });

  it('lists national clusters as significant and a network missing criteria as emerging', async () => {
    await withPage(site, async (page) => {
      await page.goto(`${site.server.url}/klynger`);
      const significant = await page.locator('section[aria-labelledby="significant-heading"]').textContent();
      const emerging = await page.locator('section[aria-labelledby="emerging-heading"]').textContent();
      expect(significant).toContain('Odense Robotics');
      expect(emerging).toContain('Fynsk Dronenetværk');
      await page.goto(`${site.server.url}/klynger/fynsk-dronenetvaerk`);
      expect(await page.locator('.qualification-table').textContent()).toContain(
        '14 dedikerede private virksomheder; kravet er mindst 20.',
      );
    });
  });

  it('filters without JavaScript and keeps the filter in the URL', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/klynger`);
      await page.getByLabel('Tema').selectOption('robotics');
      await page.getByRole('button', { name: 'Vis klynger' }).click();
      await page.waitForURL(/tema=robotics/);
      expect(await page.locator('main').textContent()).toContain('Odense Robotics');
      expect(await page.locator('main').textContent()).not.toContain('Danish Sound Cluster');
    } finally {
      await context.close();
    }
  });

  it('cluster staff edit, preview and publish their profile; the pages are axe clean', async () => {
    await withPage(site, async (page) => {
      await signIn(page, site, 'klynge@demo.klyngeportalen.dk');
      await page.goto(`${site.server.url}/klynger/odense-robotics`);
      const publishedLead = await page.locator('.font-lead').textContent();
      await page.goto(`${site.server.url}/arbejdsrum`);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Redigér profil' }).first().click();
      await page.waitForURL('**/klynger/odense-robotics/rediger');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Kort beskrivelse (dansk)').fill('Robotklyngen i Odense, nu med ny tekst.');
      await page.getByRole('button', { name: 'Forhåndsvis' }).click();
      await page.waitForURL('**/forhaandsvisning');
      expect(await page.locator('main').textContent()).toContain('nu med ny tekst');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Tilbage til redigering' }).click();
      // Enter in a field saves the draft and publishes nothing: the public page keeps its text.
      await page.getByLabel('Antal dedikerede private virksomheder').press('Enter');
      await page.waitForURL(/status=saved/);
      expect(await page.getByText('Kladden er gemt.').count()).toBe(1);
      const editUrl = page.url();
      await page.goto(`${site.server.url}/klynger/odense-robotics`);
      expect(await page.locator('.font-lead').textContent()).toBe(publishedLead);
      await page.goto(editUrl);
      await page.getByLabel('Antal dedikerede private virksomheder').fill('ti');
      await page.getByRole('button', { name: 'Udgiv' }).click();
      expect(await page.locator('.alert-error').textContent()).toContain(
        'Antal dedikerede private virksomheder skal være et tal',
      );
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Antal dedikerede private virksomheder').fill('210');
      await page.getByRole('button', { name: 'Udgiv' }).click();
      await page.waitForURL(/status=published/);
      await page.goto(`${site.server.url}/klynger/odense-robotics`);
      expect(await page.locator('.font-lead').textContent()).toBe('Robotklyngen i Odense, nu med ny tekst.');
    });
  });
});
