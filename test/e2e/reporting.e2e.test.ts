/// <reference lib="dom" />
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations } from '../../src/db/schema/index.ts';
import { testDriver } from '../support/database.ts';
import { asUser, axeViolations, newContext, signIn, tabTo, useDemoSite } from './harness.ts';

const site = useDemoSite();
/** A delivery's result page (its progress page is …/indlaesning/<id>). */
const RESULT = /\/arbejdsrum\/indberetninger\/[0-9a-f-]{36}$/;

async function demoClusterCvr() {
  const [org] = await site.database.db
    .select({ cvr: organisations.cvr })
    .from(organisations)
    .where(eq(organisations.name, 'Odense Robotics'));
  const cvr = org?.cvr ?? '';
  expect(cvr).toMatch(/^\d{8}$/);
  return cvr;
}

describe('file delivery in the cluster workspace (axe-core, WCAG 2.1 AA)', () => {
  it('uploads a delivery through the browser form to the running server; both pages have no violations', () =>
    asUser(site, 'klynge@demo.klyngeportalen.dk', async (page) => {
      const cvr = await demoClusterCvr();
      await page.goto(`${site.server.url}/arbejdsrum/indberetninger`);
      expect(await axeViolations(page)).toEqual([]);
      const csv = `cluster_cvr,activity_ref,title,category,start_date\n${cvr},E2E-1,Robotdag,networking,2026-03-02\n`;
      await page
        .getByLabel(/^Filer/)
        .setInputFiles({ name: 'activities.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Indberet' }).click();
      // Through the progress page, whose script moves on to the result when loading is done.
      await page.waitForURL(RESULT);
      await expect(page.getByText('Indberetningen er indlæst.').count()).resolves.toBe(1);
      expect(await page.getByRole('cell', { name: 'activities.csv' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    }));

  // PGlite runs one transaction at a time: there the progress page cannot be read while loading.
  it.skipIf(testDriver() === 'pglite')(
    'without the progress script, a large delivery shows its progress page, refreshed by keyboard until the result',
    async () => {
      // The page as it is without JavaScript (axe itself needs JavaScript, so the script is blocked instead).
      const context = await newContext(site.browser);
      await context.route('**/assets/delivery-progress.*.js', (route) => route.abort());
      try {
        const page = await context.newPage();
        await signIn(page, site, 'klynge@demo.klyngeportalen.dk');
        const cvr = await demoClusterCvr();
        const rows = Array.from(
          { length: 30_000 },
          (_, i) => `${cvr},E2E-L${i},Workshop ${i},networking,2026-04-01`,
        );
        const csv = `cluster_cvr,activity_ref,title,category,start_date\n${rows.join('\n')}\n`;
        await page.goto(`${site.server.url}/arbejdsrum/indberetninger`);
        await page
          .getByLabel(/^Filer/)
          .setInputFiles({ name: 'activities.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        await page.getByRole('button', { name: 'Indberet' }).click();
        await page.waitForURL('**/arbejdsrum/indberetninger/indlaesning/*');
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          'Indberetningen indlæses',
        );
        expect(await page.locator('progress#delivery-progress').count()).toBe(1);
        expect(await page.getByRole('status').textContent()).toMatch(
          /^(Læser activities\.csv|Alle filer|Indberetningen er godkendt)/,
        );
        expect(await axeViolations(page)).toEqual([]);
        for (let i = 0; i < 120 && !RESULT.test(page.url()); i++) {
          await page.waitForTimeout(500);
          await tabTo(page, 'delivery-refresh');
          await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
        }
        expect(page.url()).toMatch(RESULT);
        await expect(page.getByText('Indberetningen er indlæst.').count()).resolves.toBe(1);
        await expect(page.getByText('30000 aktiviteter, 0 deltagere').count()).resolves.toBe(1);
      } finally {
        await context.close();
      }
    },
  );
});
