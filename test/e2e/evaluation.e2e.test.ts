/// <reference lib="dom" />
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/domain/demo/users.ts';
import { axeViolations, newContext, useDemoSite } from './harness.ts';

const site = useDemoSite();

async function signedIn(email: string): Promise<BrowserContext> {
  const context = await newContext(site.browser);
  const page = await context.newPage();
  await page.goto(`${site.server.url}/log-ind`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/log-ind'));
  await page.close();
  return context;
}

const PAGES: { who: string; path: string; heading: string }[] = [
  { who: 'klynge', path: '/arbejdsrum/benchmarking', heading: 'Benchmarking' },
  {
    who: 'support',
    path: '/support/benchmarking?liga=world_class&klynge=odense-robotics',
    heading: 'Benchmarking',
  },
  { who: 'klynge', path: '/arbejdsrum/datakvalitet', heading: 'Datakvalitet' },
  { who: 'funder', path: '/finansiering/datakvalitet', heading: 'Datakvalitet' },
  { who: 'funder', path: '/finansiering/evalueringer', heading: 'Midtvejsevaluering' },
  {
    who: 'funder',
    path: '/finansiering/evalueringer/danish-sound-cluster',
    heading: 'Midtvejsevaluering: Danish Sound Cluster',
  },
  {
    who: 'funder',
    path: '/en/funding/evaluations/danish-sound-cluster',
    heading: 'Mid-term evaluation: Danish Sound Cluster',
  },
  { who: 'funder', path: '/finansiering/evalueringer/regler', heading: 'Regler for markeringer' },
  { who: 'funder', path: '/en/funding/evaluations/rules', heading: 'Rules for flags' },
];

describe('benchmarking, evaluation and data-quality pages with the demo data', () => {
  for (const p of PAGES) {
    it(`${p.path} (${p.who}) has no axe violations`, async () => {
      const context = await signedIn(`${p.who}@demo.klyngeportalen.dk`);
      try {
        const page = await context.newPage();
        const res = await page.goto(site.server.url + p.path);
        expect(res?.status()).toBe(200);
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(p.heading);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('draws a box plot per key with the own cluster marked, and records a conclusion without JavaScript', async () => {
    const context = await signedIn('klynge@demo.klyngeportalen.dk');
    try {
      const page = await context.newPage();
      // Benchmarks count official figures: the demo cluster's 2023 period was returned, so 2022.
      await page.goto(`${site.server.url}/arbejdsrum/benchmarking?aar=2022`);
      const plots = page.locator('svg.benchmark-plot[role="img"]');
      expect(await plots.count()).toBe(14);
      const box = await plots.first().boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(200);
      expect(await page.locator('svg.benchmark-plot path').count()).toBe(14);
      await expect
        .poll(() => page.locator('p.benchmark-own', { hasText: 'Odense Robotics: 76 (3. kvartil).' }).count())
        .toBe(1);
    } finally {
      await context.close();
    }
    const funder = await site.browser.newContext({ locale: 'da-DK', javaScriptEnabled: false });
    try {
      const page = await funder.newPage();
      await page.goto(`${site.server.url}/log-ind`);
      await page.getByLabel('E-mail').fill('funder@demo.klyngeportalen.dk');
      await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/log-ind'));
      await page.goto(`${site.server.url}/finansiering/evalueringer/danish-sound-cluster`);
      await page.getByLabel('Fortsæt bevillingen').check();
      await page.getByLabel('Begrundelse').fill('Samarbejdsprojekterne i 2025 er kommet godt i gang.');
      await page.getByRole('button', { name: 'Gem konklusion' }).click();
      await expect.poll(() => page.getByText('Konklusionen er gemt.').count()).toBe(1);
      const history = await page.locator('section[aria-labelledby="history-heading"] tbody tr').count();
      expect(history).toBe(3);
    } finally {
      await funder.close();
    }
  });
});
