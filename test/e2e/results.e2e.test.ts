/// <reference lib="dom" />
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import type { RunningServer } from '../../src/main.ts';
import { axeViolations, launchBrowser, newContext, startDemoServer } from './harness.ts';

let server: RunningServer;
let database: Database;
let browser: Browser;
let robotics = '';

beforeAll(async () => {
  ({ server, database } = await startDemoServer());
  browser = await launchBrowser();
  const [row] = await queryRows<{ cvr: string }>(
    database.db,
    sql`select cvr from organisations where slug = 'odense-robotics'`,
  );
  robotics = row?.cvr ?? '';
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

describe('performance-account pages with the demo data', () => {
  const paths = () => [
    '/resultater/2023',
    '/en/results/2023',
    `/resultater/2022/klynger/${robotics}`,
    '/resultater/sammenlign?fra=2021&til=2023',
  ];
  it('have no axe violations (national, cluster, comparison)', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      for (const path of paths()) {
        await page.goto(server.url + path);
        expect(await axeViolations(page), path).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });

  it('draws the charts and the regional map as named images beside their tables', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/resultater/2023`);
      const map = page.getByRole('img', {
        name: /Kort over Danmark: innovative virksomheder pr. region 2023/,
      });
      await expect.poll(() => map.count()).toBe(1);
      expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('figure.chart svg[role="img"]').count()).toBe(
        await page.locator('figure.chart table').count(),
      );
      await expect(page.locator('.results-targets').textContent()).resolves.toMatch(/Nået|På vej|Ikke nået/);
    } finally {
      await context.close();
    }
  });
});
