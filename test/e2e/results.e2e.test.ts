/// <reference lib="dom" />
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { axeViolations, newContext, signIn, useDemoSite } from './harness.ts';

const site = useDemoSite();
/** A cluster whose 2023 figures are official (period approved or locked) and that reported in 2022. */
let official = { cvr: '', name: '' };

beforeAll(async () => {
  const [row] = await queryRows<{ cvr: string; name: string }>(
    site.database.db,
    sql`select o.cvr, o.name from organisations o
        join reporting_periods p on p.cluster_id = o.id and p.year = 2023 and p.status in ('approved', 'locked')
        where exists (select 1 from activities a where a.cluster_id = o.id and a.year = 2022)
        order by o.name limit 1`,
  );
  official = row ?? official;
});

describe('performance-account pages with the demo data', () => {
  it('are reached by their own links from the front page and have no axe violations', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      await page.goto(site.server.url);
      await page.getByRole('link', { name: 'Se performanceregnskabet og pejlemærkerne' }).click();
      await page.waitForURL('**/resultater/2023');
      expect(await axeViolations(page), 'national').toEqual([]);

      // A cluster of the year's list, then its account of another year by the year links.
      await page
        .locator('table.results-clusters')
        .getByRole('link', { name: official.name, exact: true })
        .click();
      await page.waitForURL(`**/resultater/2023/klynger/${official.cvr}`);
      await page
        .getByRole('navigation', { name: 'År med regnskab' })
        .getByRole('link', { name: '2022' })
        .click();
      await page.waitForURL(`**/resultater/2022/klynger/${official.cvr}`);
      expect(await axeViolations(page), 'cluster').toEqual([]);

      // Two years chosen in the comparison form.
      await page.getByRole('link', { name: 'Sammenlign to år' }).click();
      await page.waitForURL('**/resultater/sammenlign');
      await page.getByLabel('Fra år').selectOption('2021');
      await page.getByLabel('Til år').selectOption('2023');
      await page.getByRole('button', { name: 'Sammenlign', exact: true }).click();
      await page.waitForURL('**/resultater/sammenlign?fra=2021&til=2023');
      expect(await axeViolations(page), 'comparison').toEqual([]);

      // Back to the national account, then the same page in English.
      await page.getByRole('link', { name: 'Det nationale regnskab' }).click();
      await page.waitForURL('**/resultater/2023');
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL('**/en/results/2023');
      expect(await page.locator('h1').textContent()).toBe('Performance account 2023');
      expect(await axeViolations(page), 'English').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('draws the charts and the regional map as named images beside their tables', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/resultater/2023`);
      const map = page.getByRole('img', {
        name: /Kort over Danmark: innovative virksomheder pr. region 2023/,
      });
      await expect.poll(() => map.count()).toBe(1);
      expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('figure.chart svg[role="img"]').count()).toBe(
        await page.locator('figure.chart table').count(),
      );
      await expect(page.locator('.results-targets').textContent()).resolves.toMatch(/Nået|På vej|Ikke nået/);
    } finally {
      await context.close();
    }
  });

  it('let the owning funder edit a target by keyboard, with field errors, and have no axe violations', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      await signIn(page, site, 'funder@demo.klyngeportalen.dk');

      // The results page offers the owning funder the way to the targets.
      const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
      await menu.locator('summary', { hasText: 'Resultater' }).click();
      await menu.getByRole('link', { name: 'Performanceregnskab' }).click();
      await page.waitForURL('**/resultater/2023');
      await page.getByRole('link', { name: 'Redigér pejlemærker' }).click();
      await page.waitForURL('**/resultater/pejlemaerker');
      expect(await axeViolations(page), 'list').toEqual([]);
      await page.locator('table a[href^="/resultater/pejlemaerker/"]').first().click();
      await page.waitForURL(/\/resultater\/pejlemaerker\/[^/]+$/);
      expect(await axeViolations(page), 'set').toEqual([]);
      await page
        .locator('a[href*="/resultater/pejlemaerker/"][href$="/1"], ul.nobullet-list a')
        .first()
        .click();
      await page.waitForURL(/\/resultater\/pejlemaerker\/[^/]+\/[^/]+$/);
      expect(await axeViolations(page), 'edit').toEqual([]);

      // A bad target value comes back at its field; then a good one by keyboard makes a new version.
      const target = page.getByLabel('Mål', { exact: true });
      await target.fill('mange');
      await target.press('Enter');
      await expect.poll(() => page.locator('.form-error-message').count()).toBeGreaterThan(0);
      expect(await axeViolations(page), 'edit with errors').toEqual([]);
      await page.getByLabel('Mål', { exact: true }).fill('1234');
      await page.getByLabel('Mål', { exact: true }).press('Enter');
      await expect.poll(() => page.locator('.results-history').textContent()).toContain('1.234');
      // The English list, the same way: language link, results, the targets link.
      await page.getByRole('link', { name: 'English' }).click();
      const menuEn = page.getByRole('navigation', { name: 'Main menu' });
      await menuEn.locator('summary', { hasText: 'Results' }).click();
      await menuEn.getByRole('link', { name: 'Performance account' }).click();
      await page.waitForURL('**/en/results/2023');
      await page.getByRole('link', { name: 'Edit targets' }).click();
      await page.waitForURL('**/en/results/targets');
      expect(await axeViolations(page), 'list en').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
