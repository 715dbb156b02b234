import { describe, expect, it } from 'vitest';
import { axeViolations, signIn, useDemoSite, withPage } from './harness.ts';

const site = useDemoSite();

describe('API tokens page (axe-core, WCAG 2.1 AA)', () => {
  it('the list, a new token shown once, a field error and a revoked token have no violations', () =>
    withPage(site, async (page) => {
      await signIn(page, site, 'klynge@demo.klyngeportalen.dk');

      await page.goto(`${site.server.url}/arbejdsrum`);
      await page.getByRole('link', { name: 'API-nøgler' }).click();
      await page.waitForURL('**/arbejdsrum/api-noegler');
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Opret nøgle' }).click();
      await page.waitForSelector('.form-error-message');
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('Navn på nøglen').fill('Økonomisystem');
      await page.getByLabel('Gyldig i').selectOption('30');
      await page.getByRole('button', { name: 'Opret nøgle' }).click();
      await page.waitForSelector('h2:has-text("Ny API-nøgle oprettet")');
      await expect(page.getByText(/^Nøglen virker til /).count()).resolves.toBe(1);
      const token = await page.getByLabel(/API-nøgle \(Økonomisystem\)/).inputValue();
      expect(token).toMatch(/^klynge_[A-Za-z0-9_-]{43}$/);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Tilbagekald nøglen Økonomisystem' }).click();
      await page.waitForSelector('text=Nøglen er tilbagekaldt.');
      expect(await page.content()).not.toContain(token);
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${site.server.url}/en/workspace/api-tokens`);
      expect(await axeViolations(page)).toEqual([]);
    }));

  it('the API documentation with the reporting endpoints has no violations', () =>
    withPage(site, async (page) => {
      await page.goto(`${site.server.url}/api`);
      await expect(page.locator('code', { hasText: 'POST /api/v1/deliveries' }).count()).resolves.toBe(2);
      expect(await axeViolations(page)).toEqual([]);
    }));
});
