/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import type { RunningServer } from '../../src/main.ts';
import { axeViolations, launchBrowser, newContext, startDemoServer } from './harness.ts';

let server: RunningServer;
let database: Database;
let browser: Browser;

beforeAll(async () => {
  ({ server, database } = await startDemoServer());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

describe('performance-account downloads in a browser', () => {
  it('downloads the PDF and the workbook under their file names; a wrong address gets an accessible page', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const res = await page.goto(`${server.url}/resultater/20x3/eksport.pdf`);
      expect(res?.status()).toBe(400);
      await expect(page.locator('h1').textContent()).resolves.toBe('Forkert adresse til download');
      expect(await axeViolations(page)).toEqual([]);

      // A link as the results pages will have: the browser saves the file under the server's name.
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
