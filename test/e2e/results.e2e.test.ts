/// <reference lib="dom" />
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { axeViolations, newContext, signIn, useDemoSite } from './harness.ts';

const site = useDemoSite();
let robotics = '';

beforeAll(async () => {
  const [row] = await queryRows<{ cvr: string }>(
    site.database.db,
    sql`select cvr from organisations where slug = 'odense-robotics'`,
  );
  robotics = row?.cvr ?? '';
});

describe('performance-account pages with the demo data', () => {
  const paths = () => [
    '/resultater/2023',
    '/en/results/2023',
    `/resultater/2022/klynger/${robotics}`,
    '/resultater/sammenlign?fra=2021&til=2023',
  ];
  it('have no axe violations (national, cluster, comparison)', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      for (const path of paths()) {
        await page.goto(site.server.url + path);
        expect(await axeViolations(page), path).toEqual([]);
      }
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

      await page.goto(`${site.server.url}/resultater/pejlemaerker`);
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
      await page.goto(`${site.server.url}/en/results/targets`);
      expect(await axeViolations(page), 'list en').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
