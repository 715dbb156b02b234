/// <reference lib="dom" />
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations } from '../../src/db/schema/index.ts';
import { asUser, axeViolations, useDemoSite } from './harness.ts';

const site = useDemoSite();

describe('file delivery in the cluster workspace (axe-core, WCAG 2.1 AA)', () => {
  it('uploads a delivery through the browser form to the running server; both pages have no violations', () =>
    asUser(site, 'klynge@demo.klyngeportalen.dk', async (page) => {
      const [org] = await site.database.db
        .select({ cvr: organisations.cvr })
        .from(organisations)
        .where(eq(organisations.name, 'Odense Robotics'));
      const cvr = org?.cvr ?? '';
      expect(cvr).toMatch(/^\d{8}$/);
      await page.goto(`${site.server.url}/arbejdsrum/indberetninger`);
      expect(await axeViolations(page)).toEqual([]);
      const csv = `cluster_cvr,activity_ref,title,category,start_date\n${cvr},E2E-1,Robotdag,networking,2026-03-02\n`;
      await page
        .getByLabel(/^Filer/)
        .setInputFiles({ name: 'activities.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Indberet' }).click();
      await page.waitForURL('**/arbejdsrum/indberetninger/**');
      await expect(page.getByText('Indberetningen er indlæst.').count()).resolves.toBe(1);
      expect(await page.getByRole('cell', { name: 'activities.csv' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    }));
});
