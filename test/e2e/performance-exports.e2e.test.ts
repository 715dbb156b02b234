import { describe, expect, it } from 'vitest';
import { axeViolations, newContext, useDemoSite } from './harness.ts';

const site = useDemoSite();

describe('performance-account downloads in a browser', () => {
  it('downloads the PDF and the workbook under their file names; a wrong address gets an accessible page', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      // A download address typed wrong (the point: what a person gets for a bad address).
      const res = await page.goto(`${site.server.url}/resultater/20x3/eksport.pdf`);
      expect(res?.status()).toBe(400);
      await expect(page.locator('h1').textContent()).resolves.toBe('Forkert adresse til download');
      expect(await axeViolations(page)).toEqual([]);

      // The results page's own download links: the browser saves each file under the server's name.
      await page.goto(site.server.url);
      await page.getByRole('link', { name: 'Se performanceregnskabet og pejlemærkerne' }).click();
      await page.waitForURL('**/resultater/2023');
      const downloads = page.getByRole('region', { name: 'Eksportér' });
      for (const [link, name] of [
        ['Udskriftsvenlig PDF', 'performanceregnskab-2023.pdf'],
        ['Regneark med alle klynger, et ark pr. klynge (XLSX)', 'performanceregnskab-2023-alle-klynger.xlsx'],
      ] as const) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          downloads.getByRole('link', { name: link }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(name);
        expect(await download.failure()).toBeNull();
      }
    } finally {
      await context.close();
    }
  });
});
