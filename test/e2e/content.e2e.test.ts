import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, newContext, signIn, useDemoSite } from './harness.ts';

const site = useDemoSite();

const SUPPORT_EMAIL = 'support@demo.klyngeportalen.dk';

describe('news, stories, events and calls: accessibility (axe-core, WCAG 2.1 AA)', () => {
  const pages = [
    '/nyheder',
    '/nyheder/ny-runde-af-kompetenceforloeb-for-klyngeledere',
    '/historier',
    '/historier/lille-metalvirksomhed-fik-sin-foerste-samarbejdende-robot',
    '/arrangementer',
    '/arrangementer?when=past',
    '/arrangementer/klyngeledernetvaerk-foraarsmoede-2027',
    '/opslag',
    '/opslag/internationaliseringspulje-for-klyngeorganisationer-2027',
    '/opslag/faelles-annoncering-af-midler-til-klyngeorganisationer-2021-2024',
    '/en/news',
    '/en/events',
    '/en/calls',
  ];
  for (const path of pages) {
    it(`${path} has no violations`, async () => {
      const context = await newContext(site.browser);
      try {
        const page = await context.newPage();
        const res = await page.goto(site.server.url + path);
        expect(res?.status()).toBe(200);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('the publishing forms, with and without errors, and a draft have no violations', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      await signIn(page, site, SUPPORT_EMAIL);
      for (const path of [
        '/nyheder/ny',
        '/arrangementer/ny',
        '/nyheder',
        '/nyheder/nyhedsbrev-for-december',
      ]) {
        await page.goto(site.server.url + path);
        expect(await axeViolations(page), path).toEqual([]);
      }
      await page.goto(`${site.server.url}/arrangementer/ny`);
      await page.getByRole('button', { name: 'Udgiv' }).click();
      await expect.poll(() => page.locator('.form-error-message').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the call form of a funder has no violations', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      await signIn(page, site, 'funder@demo.klyngeportalen.dk');
      await page.goto(`${site.server.url}/opslag/ny`);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('publishing as the support function', () => {
  it('writes, publishes and shows a news item with safe Markdown, without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, locale: 'da-DK' });
    try {
      const page = await context.newPage();
      await signIn(page, site, SUPPORT_EMAIL);
      await page.goto(`${site.server.url}/nyheder`);
      await page.getByRole('link', { name: 'Skriv en nyhed' }).click();
      await page.getByLabel('Titel').fill('Årets klyngekonference er på plads');
      await page.getByLabel('Resumé').fill('Program og tilmelding.');
      await page
        .getByLabel('Tekst')
        .fill('## Program\n\n[Tilmelding](https://example.com)\n\n<script>alert(1)</script>');
      await page.getByRole('button', { name: 'Udgiv' }).click();
      await page.waitForURL('**/nyheder/aarets-klyngekonference-er-paa-plads?saved=1');
      const article = page.locator('article');
      // Headings move one level down below the page's h1.
      expect(await article.locator('h3').textContent()).toBe('Program');
      expect(await article.getByRole('link', { name: 'Tilmelding' }).getAttribute('rel')).toBe(
        'nofollow noopener',
      );
      expect(await article.locator('script').count()).toBe(0);
      expect(await article.textContent()).toContain('<script>alert(1)</script>');
    } finally {
      await context.close();
    }
  });
});

describe('feeds and calendars', () => {
  /** Follows a link of the page as a person would, and gives the document the browser was sent. */
  async function follow(page: Page, link: Locator): Promise<string> {
    const target = new URL((await link.getAttribute('href')) ?? '', page.url()).href;
    const responded = page.waitForResponse((r) => r.url() === target);
    await link.click();
    const response = await responded;
    return response.text();
  }

  it('are offered by the list pages and parsed by the browser as XML and iCalendar text', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      for (const [list, feeds] of [
        ['/nyheder', ['RSS-feed', 'Atom-feed']],
        ['/historier', ['RSS-feed']],
        ['/en/stories', ['Atom feed']],
      ] as const) {
        for (const name of feeds) {
          await page.goto(site.server.url + list);
          const text = await follow(page, page.getByRole('link', { name, exact: true }));
          const result = await page.evaluate((xml) => {
            const doc = new DOMParser().parseFromString(xml, 'application/xml');
            return {
              error: doc.getElementsByTagName('parsererror').length,
              root: doc.documentElement.nodeName,
              items: doc.querySelectorAll('item, entry').length,
            };
          }, text);
          expect(result.error, `${list} ${name}`).toBe(0);
          expect(['rss', 'feed'], `${list} ${name}`).toContain(result.root);
          expect(result.items, `${list} ${name}`).toBeGreaterThan(0);
        }
      }
      await page.goto(`${site.server.url}/arrangementer`);
      // The browser cannot show a calendar: it saves it, for a calendar program to open.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Abonnér på alle kommende arrangementer (iCal)' }).click(),
      ]);
      const ics = await readFile(await download.path(), 'utf8');
      expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(ics).toContain('SUMMARY;LANGUAGE=da:Klyngeledernetværk: Forårsmøde 2027');
      // 12:00 on 29 March 2027 is summer time: 10:00 UTC.
      expect(ics).toContain('DTSTART:20270329T100000Z');
    } finally {
      await context.close();
    }
  });
});
