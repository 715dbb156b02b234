/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/domain/demo/users.ts';
import { axeViolations, CHROMIUM, type DemoSite, signIn, useDemoSite } from './harness.ts';

const site = useDemoSite();

/** Screenshots of each role's key pages, kept by CI as artefacts (git-ignored). */
const SHOTS = 'test-results/journeys';
mkdirSync(SHOTS, { recursive: true });

const DESKTOP = { width: 1280, height: 900 };
const MOBILE = { width: 390, height: 844 };
/** Enough for every link a landing page and its header show; a bound so a crawl cannot run away. */
const CRAWL_LIMIT = 120;

/** Every role's journey starts at the login page, or at the home page for a visitor. */
const PEOPLE = [
  { who: 'visitor', email: null },
  ...DEMO_LOGINS.map((d) => ({ who: d.role as string, email: d.email as string | null })),
];

async function start(page: Page, email: string | null): Promise<void> {
  if (email) await signIn(page, site, email);
  else await page.goto(site.server.url);
}

/** Whether the page is wider than the window (a horizontal scrollbar). */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** The right edge of the desktop menu's last item, to compare with the window's width. */
const menuRightEdge = (page: Page) =>
  page.evaluate(() => {
    const items = Array.from(document.querySelectorAll('.navigation-menu ul.mainmenu > li'));
    return Math.max(0, ...items.map((li) => li.getBoundingClientRect().right));
  });

/**
 * Every same-origin link shown on the page, fetched (GET) from the page itself with its cookies;
 * the links that answer 403 or 404, with their status.
 */
async function brokenLinks(page: Page): Promise<string[]> {
  return page.evaluate(async (limit) => {
    const urls = Array.from(document.querySelectorAll('a[href]'))
      .map((a) => new URL((a as HTMLAnchorElement).href, location.href))
      .filter((u) => u.origin === location.origin)
      .map((u) => u.pathname + u.search);
    const unique = [...new Set(urls)].slice(0, limit);
    const answers = await Promise.all(
      unique.map(async (url) => ({ url, status: (await fetch(url, { redirect: 'follow' })).status })),
    );
    return answers.filter((a) => a.status === 403 || a.status === 404).map((a) => `${a.url}: ${a.status}`);
  }, CRAWL_LIMIT);
}

/**
 * A screenshot of the whole page, or of the window only: a full-page screenshot resizes the window,
 * and a resize may close DKFDS's mobile drawer.
 */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

/** The person's landing page in both languages at 1280 px: fits, no broken links, axe clean. */
async function desktopJourney(s: DemoSite, who: string, email: string | null): Promise<void> {
  const context = await s.browser.newContext({ locale: 'da-DK', viewport: DESKTOP });
  try {
    const page = await context.newPage();
    await start(page, email);
    for (const lang of ['da', 'en'] as const) {
      expect(await overflows(page), `${who} ${lang} ${page.url()}`).toBe(false);
      expect(await menuRightEdge(page), `${who} ${lang}: menu within 1280 px`).toBeLessThanOrEqual(
        DESKTOP.width,
      );
      expect(await axeViolations(page), `${who} ${lang} ${page.url()}`).toEqual([]);
      expect(await brokenLinks(page), `${who} ${lang} ${page.url()}`).toEqual([]);
      await shoot(page, `${who}-landing-1280-${lang}`);
      // A group's menu opens and its pages answer (every page of the navigation, by clicking one).
      const group = page.locator('.navigation-menu details.nav-group-menu').first();
      if ((await group.count()) > 0) {
        await group.locator('summary').click();
        const first = group.locator('.nav-group-list a').first();
        await expect.poll(() => first.isVisible()).toBe(true);
        await shoot(page, `${who}-menu-1280-${lang}`);
        await first.click();
        await page.waitForLoadState();
        expect(await overflows(page), `${who} ${lang} ${page.url()}`).toBe(false);
        expect(await brokenLinks(page), `${who} ${lang} ${page.url()}`).toEqual([]);
        await page.goBack();
      }
      if (lang === 'da') await page.getByRole('link', { name: 'English' }).click();
    }
  } finally {
    await context.close();
  }
}

/** At 390 px: the "Menu" button opens the menu (with and without JavaScript) and its links work. */
async function mobileJourney(s: DemoSite, who: string, email: string | null, js: boolean): Promise<void> {
  const context = await s.browser.newContext({ locale: 'da-DK', viewport: MOBILE, javaScriptEnabled: js });
  try {
    const page = await context.newPage();
    await start(page, email);
    const landing = page.url();
    expect(await overflows(page), `${who} ${landing}`).toBe(false);
    expect(await page.locator('.navigation-menu .mainmenu').isVisible()).toBe(false);
    if (js) await shoot(page, `${who}-landing-390`);
    await page.locator('.mobile-menu > summary').click();
    const drawer = page.locator('.mobile-drawer');
    await expect.poll(() => drawer.isVisible()).toBe(true);
    // The person's own links are in the menu too (log in, or account and log out).
    const own = email ? /Min konto/ : /Log ind/;
    await expect.poll(() => drawer.getByRole('link', { name: own }).first().isVisible()).toBe(true);
    expect(await overflows(page), `${who} menu`).toBe(false);
    if (js) expect(await axeViolations(page), `${who} mobile menu`).toEqual([]);
    await shoot(page, `${who}-menu-390-${js ? 'js' : 'nojs'}`, false);
    const links = drawer.locator('.navigation-menu-mobile a');
    const last = links.last();
    const target = await last.getAttribute('href');
    await last.click();
    await page.waitForURL((url) => url.pathname === target);
    expect(await overflows(page), `${who} ${page.url()}`).toBe(false);
    expect(await brokenLinks(page), `${who} ${page.url()}`).toEqual([]);
  } finally {
    await context.close();
  }
}

describe(`every role's landing page and navigation (${CHROMIUM})`, () => {
  for (const { who, email } of PEOPLE) {
    it(`${who}: lands on their page; the menu fits at 1280 px, links answer, Danish and English`, async () => {
      await desktopJourney(site, who, email);
    });
    it(`${who}: the menu at 390 px works with and without JavaScript`, async () => {
      await mobileJourney(site, who, email, true);
      await mobileJourney(site, who, email, false);
    });
  }

  it('each role lands on the page of its own work after signing in', async () => {
    const expected: Record<string, string> = {
      admin: '/admin',
      funder: '/finansiering',
      assessor: '/bedoemmelser',
      cluster_staff: '/arbejdsrum',
      support_staff: '/support',
      business_service_staff: '/erhvervshus',
      company_user: '/virksomhed',
    };
    for (const login of DEMO_LOGINS) {
      const context = await site.browser.newContext({ locale: 'da-DK' });
      try {
        const page = await context.newPage();
        await signIn(page, site, login.email);
        expect(new URL(page.url()).pathname, login.role).toBe(expected[login.role] ?? '/konto');
      } finally {
        await context.close();
      }
    }
  });
});
