/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { asUser, axeViolations, useDemoSite } from './harness.ts';

const site = useDemoSite();

const file = (rows: string[]) => ({
  name: 'bevillinger.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(['cluster,year,amount_dkk,source,responsible,override_reason', ...rows].join('\n')),
});

describe('grants import (axe-core, WCAG 2.1 AA)', () => {
  it('a funder uploads a portfolio, checks the preview and imports it; errors by line; Danish and English', async () => {
    await asUser(site, 'funder@demo.klyngeportalen.dk', async (page) => {
      const portfolio = `${site.server.url}/finansiering/bevillinger/uddannelses-og-forskningsministeriet`;
      await page.goto(portfolio);
      await page.getByRole('link', { name: 'Indlæs bevillinger fra en fil' }).click();
      expect(await axeViolations(page)).toEqual([]);

      // A file with two wrong rows: nothing is saved and each error names its line and column.
      await page
        .getByLabel('Fil', { exact: true })
        .setInputFiles(
          file(['odense-robotics,2031,-1,finance_act,no,', 'ingen-klynge,2031,5,finance_act,no,']),
        );
      await page.getByRole('button', { name: 'Se ændringerne' }).click();
      expect(await page.getByText('Filen har 2 fejl. Intet er gemt.').count()).toBe(1);
      const errors = await page.locator('table tbody tr').allInnerTexts();
      expect(errors.map((r) => r.split('\t').slice(0, 2))).toEqual([
        ['2', 'amount_dkk'],
        ['3', 'cluster'],
      ]);
      expect(await axeViolations(page)).toEqual([]);

      await page
        .getByLabel('Fil', { exact: true })
        .setInputFiles(file(['odense-robotics,2031,250.000,other,no,']));
      await page.getByRole('button', { name: 'Se ændringerne' }).click();
      expect(await page.getByText('Filen giver 1 nye, 0 ændrede og 0 uændrede bevillinger.').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Indlæs bevillingerne' }).click();
      await page.waitForURL('**/uddannelses-og-forskningsministeriet?saved=imported');
      expect(await page.getByText('Bevillingerne fra filen er indlæst.').count()).toBe(1);
      // The grant's row and its year's total (the funder's only grant in 2031).
      expect(await page.getByRole('cell', { name: '250.000 kr.' }).count()).toBe(2);

      await page.goto(`${site.server.url}/en/funding/grants/uddannelses-og-forskningsministeriet/import`);
      expect(await axeViolations(page)).toEqual([]);
      await page
        .getByLabel('File', { exact: true })
        .setInputFiles(file(['odense-robotics,2031,300000,other,no,']));
      await page.getByRole('button', { name: 'See the changes' }).click();
      expect(await page.getByText('The file gives 0 new, 1 changed and 0 unchanged grants.').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
