/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, type DemoSite, signIn } from './harness.ts';

/**
 * The steps of the role walks (role-journeys.e2e): check and keep each page, follow the menu or
 * a link in the page, fill a DKFDS date input, sign in in the walk's language.
 */

/** Full-page screenshots of every step, kept by CI as artefacts (git-ignored). */
const SHOTS = 'test-results/journeys';
mkdirSync(SHOTS, { recursive: true });

export const WIDTHS = [1280, 390] as const;
export type Width = (typeof WIDTHS)[number];

export type Lang = 'da' | 'en';

export interface Walk {
  readonly site: DemoSite;
  readonly page: Page;
  readonly who: string;
  readonly width: Width;
  /** The walk's language: an English walk switches with the header's language link after signing in. */
  readonly lang: Lang;
}

/** The page as it is now: fits the window, axe-clean, and (in Danish) kept as `<who>-<step>-<width>.png`. */
export async function step(walk: Walk, name: string): Promise<void> {
  const { page, who, width, lang } = walk;
  await page.waitForLoadState();
  const what = `${who} ${name} at ${width} px: ${page.url()}`;
  expect(new URL(page.url()).pathname.startsWith('/en'), what).toBe(lang === 'en');
  expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(width);
  expect(await axeViolations(page), what).toEqual([]);
  // An English walk has the layout of the Danish one at its width: its pictures would add time, not news.
  if (lang === 'da') await page.screenshot({ path: `${SHOTS}/${who}-${name}-${width}.png`, fullPage: true });
}

/**
 * Follows a link of the site's menu: on a desktop the header's own (opening its group when the
 * link is in one), on a phone the drawer behind the header's menu button.
 */
export async function viaMenu(walk: Walk, name: string): Promise<void> {
  const { page, width } = walk;
  if (width === 390) {
    await page.locator('.mobile-menu > summary').click();
    await page.locator('.mobile-drawer').getByRole('link', { name, exact: true }).first().click();
  } else {
    // A closed group's links are hidden, so the group is found with the hidden ones.
    const link = page.getByRole('link', { name, exact: true, includeHidden: true });
    const group = page.locator('.navigation-menu details.nav-group-menu').filter({ has: link }).first();
    if ((await group.count()) > 0) {
      await group.locator('summary').click();
      await group.getByRole('link', { name, exact: true }).click();
    } else
      await page
        .locator('.navigation-menu .mainmenu')
        .locator(link)
        .filter({ visible: true })
        .first()
        .click();
  }
  await page.waitForLoadState();
}

/** Follows a link in the page's main content. */
export async function follow(page: Page, name: string | RegExp): Promise<void> {
  await page
    .getByRole('main')
    .getByRole('link', { name, exact: typeof name === 'string' })
    .first()
    .click();
  await page.waitForLoadState();
}

const DATE_FIELDS = {
  da: { day: 'Dag', month: 'Måned', year: 'År' },
  en: { day: 'Day', month: 'Month', year: 'Year' },
};

/** Fills a DKFDS date input (day, month, year fields) inside the group with this name. */
export async function fillDate(walk: Walk, group: string | RegExp, day: number, month: number, year: number) {
  const fields = walk.page.getByRole('group', { name: group });
  const label = DATE_FIELDS[walk.lang];
  await fields.getByLabel(label.day).fill(String(day));
  await fields.getByLabel(label.month).fill(String(month));
  await fields.getByLabel(label.year).fill(String(year));
}

/** Signs in as the demo user and, for an English walk, switches to English on the landing page. */
export async function signInFor(walk: Walk, email: string): Promise<void> {
  await signIn(walk.page, walk.site, email);
  await switchLanguage(walk);
}

/** For an English walk, follows the header's language link, as a person would. */
export async function switchLanguage(walk: Walk): Promise<void> {
  if (walk.lang === 'en') {
    await walk.page.getByRole('link', { name: 'English', exact: true }).click();
    await walk.page.waitForURL((url) => url.pathname.startsWith('/en'));
  }
}
