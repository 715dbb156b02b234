import { describe, expect, it } from 'vitest';
import { asUser, axeViolations, useDemoSite } from './harness.ts';

const site = useDemoSite();

describe('reporting periods (axe-core, WCAG 2.1 AA)', () => {
  it('the cluster workspace periods page, before and after submitting the returned year, has no violations', () =>
    asUser(site, 'klynge@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/arbejdsrum`);
      await page.getByRole('link', { name: /Indberetningsperioder/ }).click();
      await page.waitForURL('**/arbejdsrum/perioder');
      await expect(
        page.getByRole('heading', { name: 'Indberetningsår 2023 Sendt retur' }).count(),
      ).resolves.toBe(1);
      await page.getByText('Historik').first().click();
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('Bemærkning til bevillingsgiveren (valgfri)').first().fill('Rettet');
      await page.getByRole('button', { name: 'Indsend 2023' }).click();
      await page.waitForURL('**/arbejdsrum/perioder?done=submit*');
      await expect(
        page.getByRole('heading', { name: 'Indberetningsår 2023 Indsendt' }).count(),
      ).resolves.toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/workspace/periods`);
      expect(await axeViolations(page)).toEqual([]);
    }));

  it('the funders’ status page, its year view and a refused return have no violations', () =>
    asUser(site, 'funder@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/indberetninger/status`);
      await expect(page.getByRole('heading', { name: 'Overblik pr. år' }).count()).resolves.toBe(1);
      expect(await page.getByRole('row', { name: /^2021 \d+ af \d+ indsendt/ }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('År').selectOption('2023');
      await page.getByRole('button', { name: 'Vis' }).click();
      await page.waitForURL('**/indberetninger/status?year=2023');
      expect(await page.getByRole('button', { name: 'Godkend' }).count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);

      // Return without a reason: the page comes back with the error at the field.
      await page.getByRole('button', { name: 'Send retur' }).first().click();
      await expect(page.getByText('Skriv en begrundelse.').count()).resolves.toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/reporting/status?year=2023`);
      expect(await axeViolations(page)).toEqual([]);
    }));

  it('support staff see the status read-only, without violations', () =>
    asUser(site, 'support@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/indberetninger/status`);
      await expect(page.getByText('Du kan se status, men ikke godkende eller låse.').count()).resolves.toBe(
        1,
      );
      expect(await page.getByRole('button', { name: 'Godkend' }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    }));
});
