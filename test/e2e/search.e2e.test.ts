/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { axeViolations, newContext, useDemoSite } from './harness.ts';

const site = useDemoSite();

describe('search and API pages (axe-core, WCAG 2.1 AA)', () => {
  for (const path of [
    '/soeg?q=energi',
    '/en/search?q=robot',
    '/api',
    '/en/api',
    '/soeg',
    '/soeg?q=xyzzyqwv',
  ]) {
    it(`${path} has no violations`, async () => {
      const context = await newContext(site.browser);
      try {
        const page = await context.newPage();
        const res = await page.goto(site.server.url + path);
        expect(res?.status()).toBe(200);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('searching without JavaScript', () => {
  it('finds a cluster typed without ø, then narrows by region, with the search in the address', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/soeg`);
      const box = page.getByRole('searchbox', { name: 'Søgeord' });
      await box.fill('fodevarer');
      await page.getByRole('button', { name: 'Søg', exact: true }).click();
      await page.waitForURL('**/soeg?q=fodevarer*');
      const first = page.locator('.search-result h3').first();
      expect(await first.textContent()).toBe('Food & Bio Cluster Denmark');
      expect(await page.getByRole('status').textContent()).toMatch(/resultater for »fodevarer«/);

      await page.getByLabel('Region').selectOption('1082');
      await page.getByRole('button', { name: 'Opdatér resultater' }).click();
      await page.waitForURL(/region=1082/);
      expect(await box.inputValue()).toBe('fodevarer');
      expect(await page.locator('.search-result h3').first().textContent()).toBe(
        'Food & Bio Cluster Denmark',
      );
      const titles = await page.locator('.search-result h3').allTextContents();
      expect(titles).not.toContain('Sjællandsk Fødevareklynge');

      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(/\/en\/search\?q=fodevarer.*region=1082/);
      expect(await page.locator('.search-result h3').first().textContent()).toBe(
        'Food & Bio Cluster Denmark',
      );
    } finally {
      await context.close();
    }
  });

  it('links from the API page to the OpenAPI document', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/api`);
      expect(await page.locator('h1').textContent()).toBe('Åbne data: API');
      const responded = page.waitForResponse((r) => r.url() === `${site.server.url}/api/openapi.json`);
      await page.getByRole('link', { name: 'Hele beskrivelsen i OpenAPI 3.1-format' }).click();
      const res = await responded;
      expect(res.status()).toBe(200);
      expect(((await res.json()) as { openapi: string }).openapi).toBe('3.1.0');
    } finally {
      await context.close();
    }
  });
});
