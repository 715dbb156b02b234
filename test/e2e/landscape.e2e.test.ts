/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/domain/demo/users.ts';
import { axeViolations, newContext, signIn, useDemoSite } from './harness.ts';

const site = useDemoSite();

describe('landscape page with the demo data', () => {
  for (const path of ['/landskab', '/en/landscape', '/landskab?liga=world_class']) {
    it(`${path} has no axe violations`, async () => {
      const context = await newContext(site.browser);
      try {
        const page = await context.newPage();
        await page.goto(site.server.url + path);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('draws all 5 regions with a visible number, and a seat dot per cluster in the table', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/landskab`);
      const map = page.getByRole('img', { name: 'Kort over Danmark med klyngernes hjemsted' });
      await expect.poll(() => map.count()).toBe(1);
      // Five region fills, each actually painted with a size on screen.
      const regions = await page.$$eval('svg[role="img"] > path[fill]:not([fill="none"])', (paths) =>
        paths.map((p) => {
          const box = (p as SVGGraphicsElement).getBBox();
          return box.width * box.height;
        }),
      );
      expect(regions).toHaveLength(5);
      for (const area of regions) expect(area).toBeGreaterThan(100);
      const labels = await page.locator('.landscape-region-count').allTextContents();
      expect(labels).toHaveLength(5);
      const perRegion = await page.locator('.landscape-seats tbody td.landscape-count').allTextContents();
      expect(labels).toEqual(perRegion);
      const dots = await page.locator('.landscape-seat').count();
      const listed = await page.locator('.landscape-seat-list a').count();
      expect(dots).toBe(listed);
      // Each dot is a link named by its title, reachable from the keyboard.
      const clean = page.getByRole('link', { name: 'CLEAN, Sønderborg' });
      expect(await clean.count()).toBe(1);
      await clean.focus();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('class'))).toBe('landscape-seat');
      // The demo data seats clusters on Bornholm and has ended MARLOG, which is not shown.
      expect(dots).toBeGreaterThan(15);
      await expect(page.locator('.landscape-seats').textContent()).resolves.toContain('Bornholm');
      await expect(page.locator('.landscape-seats').textContent()).resolves.not.toContain('MARLOG');
      await expect(page.locator('.landscape-attribution').textContent()).resolves.toContain('DAGI 1:500.000');
    } finally {
      await context.close();
    }
  });

  it('filters by league without JavaScript and follows a matrix cell to the catalogue', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/landskab`);
      const allDots = await page.locator('.landscape-seat').count();
      await page.getByLabel('Liga').selectOption('emerging');
      await page.getByRole('button', { name: 'Vis', exact: true }).click();
      await page.waitForURL('**/landskab?liga=emerging');
      const emergingDots = await page.locator('.landscape-seat').count();
      expect(emergingDots).toBeGreaterThan(0);
      expect(emergingDots).toBeLessThan(allDots);
      const cell = page.locator('.landscape-matrix tbody td a').first();
      expect(await cell.getAttribute('href')).toMatch(/^\/klynger\?tema=\w+&region=108\d&liga=emerging$/);
    } finally {
      await context.close();
    }
  });

  it('lists overlapping clusters by name for a signed-in funder, with no axe violations', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      const funder = DEMO_LOGINS.find((d) => d.role === 'funder');
      await signIn(page, site, funder?.email ?? '');
      await page.goto(`${site.server.url}/landskab`);
      const marks = await page.locator('.landscape-overlap-marker').count();
      expect(marks).toBeGreaterThan(0);
      expect(await page.locator('.landscape-overlaps > li').count()).toBe(marks);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
