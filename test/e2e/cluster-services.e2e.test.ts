import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { asUser, axeViolations, useDemoSite, withPage } from './harness.ts';

const site = useDemoSite();
const CLUSTER = 'klynge@demo.klyngeportalen.dk';

/** Whether the page is wider than the window (a horizontal scrollbar). */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('cluster services for Virksomhedsguiden (by clicking, axe-core WCAG 2.1 AA)', () => {
  it("cluster staff add a service in the workspace; it shows on the cluster's page and in the export", async () => {
    await asUser(site, CLUSTER, async (page) => {
      await page.waitForURL('**/arbejdsrum');
      await page.goto(`${site.server.url}/arbejdsrum/ydelser`);
      expect(await page.getByRole('heading', { name: 'Ydelser til virksomheder', level: 1 }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Tilføj en ydelse' }).click();
      await page.getByRole('button', { name: 'Gem ydelsen' }).click();
      expect(await page.getByText('Vælg en målgruppe.').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Titel', { exact: true }).fill('Sparring om robotsikkerhed');
      await page
        .getByLabel('Hvad får virksomheden?')
        .fill('To timers sparring om risikovurdering af en robotcelle.');
      await page.getByLabel('Målgruppe').selectOption({ label: 'Små og mellemstore virksomheder' });
      await page.getByLabel('Pris', { exact: true }).selectOption({ label: 'Gratis' });
      await page.getByLabel('Kontaktperson', { exact: true }).fill('Sikker Søren');
      await page.getByLabel('Kontaktpersonens e-mail').fill('sikkerhed@example.dk');
      await page.getByRole('button', { name: 'Gem ydelsen' }).click();
      await page.waitForURL('**/arbejdsrum/ydelser?status=saved');
      expect(await page.getByText('Ydelsen er gemt.').count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Sparring om robotsikkerhed' }).count()).toBe(1);

      await page.goto(`${site.server.url}/en/workspace/services`);
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await overflows(page)).toBe(false);
    });

    const exported = await fetch(`${site.server.url}/api/v1/clusters/odense-robotics/services`);
    const body = (await exported.json()) as { data: { titel: string; pris: string }[] };
    // The demo's two services of Odense Robotics, then the new one.
    expect(body.data.map((s) => [s.titel, s.pris])).toEqual([
      ['Automatiseringstjek for produktionsvirksomheder (syntetisk)', 'Gratis'],
      ['Testforløb i robotlaboratoriet (syntetisk)', '4.000 kr. pr. dag, medlemmer 2.500 kr.'],
      ['Sparring om robotsikkerhed', 'Gratis'],
    ]);

    await withPage(site, async (page) => {
      for (const path of ['/klynger/odense-robotics', '/en/clusters/odense-robotics']) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${site.server.url}${path}`);
        expect(
          await page.getByRole('heading', { name: 'Sparring om robotsikkerhed', level: 3 }).count(),
        ).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        // The page's qualification table is wider than a phone; the services section itself fits.
        await page.setViewportSize({ width: 390, height: 844 });
        const section = await page.locator('section[aria-labelledby="cluster-services"]').boundingBox();
        expect((section?.x ?? 0) + (section?.width ?? Number.POSITIVE_INFINITY), path).toBeLessThanOrEqual(
          390,
        );
      }
    });
  });
});
