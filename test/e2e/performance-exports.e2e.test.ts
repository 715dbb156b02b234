/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { axeViolations, newContext, useDemoSite } from './harness.ts';

const site = useDemoSite();

describe('performance-account downloads in a site.browser', () => {
  it('downloads the PDF and the workbook under their file names; a wrong address gets an accessible page', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      const res = await page.goto(`${site.server.url}/resultater/20x3/eksport.pdf`);
      expect(res?.status()).toBe(400);
      await expect(page.locator('h1').textContent()).resolves.toBe('Forkert adresse til download');
      expect(await axeViolations(page)).toEqual([]);

      // A link as the results pages will have: the site.browser saves the file under the server's name.
      for (const [path, name] of [
        ['/resultater/2023/eksport.pdf', 'resultatregnskab-2023.pdf'],
        ['/resultater/2023/eksport.xlsx?cluster=all', 'resultatregnskab-2023-alle-klynger.xlsx'],
      ] as const) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.evaluate((href) => {
            const a = document.createElement('a');
            a.href = href;
            a.textContent = 'Hent';
            document.body.append(a);
            a.click();
          }, path),
        ]);
        expect(download.suggestedFilename()).toBe(name);
        expect(await download.failure()).toBeNull();
      }
    } finally {
      await context.close();
    }
  });
});
