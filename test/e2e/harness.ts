import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { DEMO_PASSWORD } from '../../src/domain/demo/users.ts';
import { createLogger } from '../../src/logger.ts';
import { type RunningServer, startServer } from '../../src/main.ts';
import { createTestDatabase } from '../support/database.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The real server on a free loopback port, over the file's own copy of the demo data (seeded
 * once per run by test/support/global-setup-e2e.ts).
 */
export async function startDemoServer(
  env: Record<string, string> = {},
): Promise<{ server: RunningServer; database: Database }> {
  const database = await createTestDatabase();
  // Two-step login is off unless a test asks for it (see test/support/http.ts).
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    TWO_STEP_LOGIN: 'off',
    ...env,
  });
  const server = await startServer(config, database, createLogger(config));
  return { server, database };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // No background traffic: this machine has no network besides loopback.
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** axe-core violations of WCAG 2.0/2.1 A and AA on the page as it is now. */
export async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    // Legacy mode runs axe in the page itself. The default mode opens a blank page to combine the
    // results of cross-origin frames, which the site has none of (its CSP allows no other origin):
    // measured 0.72–0.79 s per check instead of 2.28–2.41 s, with the same violations.
    .setLegacyMode(true)
    // One options object: AxeBuilder.options() replaces what withTags() set. Only violations are
    // read, so axe need not collect the passing and inapplicable nodes.
    .options({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
    .analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'da-DK', javaScriptEnabled: true });
}

export interface DemoSite {
  readonly server: RunningServer;
  readonly database: Database;
  readonly browser: Browser;
}

/**
 * The demo server, its database and a browser for the calling test file: started before its
 * tests and closed after them; `env` adds configuration, read when the server starts.
 */
export function useDemoSite(env: () => Record<string, string> = () => ({})): DemoSite {
  let started: { server: RunningServer; database: Database } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    started = await startDemoServer(env());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await started?.server.close();
    await started?.database.close();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the demo site starts in beforeAll: use it inside tests');
    return value;
  };
  return {
    get server() {
      return need(started).server;
    },
    get database() {
      return need(started).database;
    },
    get browser() {
      return need(browser);
    },
  };
}

/** Signs in through the login form, as a person would, and waits for the landing page. */
export async function signIn(page: Page, site: DemoSite, email: string): Promise<void> {
  await page.goto(`${site.server.url}/log-ind`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(
    (url) => !url.pathname.startsWith('/log-ind') || url.pathname === '/log-ind/engangskode',
  );
  if (new URL(page.url()).pathname === '/log-ind/engangskode') {
    await proveDemoCode(page);
    await page.waitForURL((url) => !url.pathname.startsWith('/log-ind'));
  }
}

/**
 * The one-time code of a demo admin or funder (when the site requires two-step login), as the
 * demo's code page shows it. A code is accepted once: one such login per 30 seconds and user.
 */
export async function proveDemoCode(page: Page): Promise<void> {
  const hint = await page.getByText(/Demo: demobrugernes kode er lige nu \d{6}/).textContent();
  await page.getByLabel('Engangskode eller reservekode').fill(/\d{6}/.exec(hint ?? '')?.[0] ?? '');
  await page.getByRole('button', { name: 'Bekræft' }).click();
}

/** `work` on a page of its own browser context (own cookies), closed afterwards. */
export async function withPage(site: DemoSite, work: (page: Page) => Promise<void>): Promise<void> {
  const context = await newContext(site.browser);
  try {
    await work(await context.newPage());
  } finally {
    await context.close();
  }
}

/** `work` on a page of its own context, signed in as the demo user with this e-mail address. */
export function asUser(site: DemoSite, email: string, work: (page: Page) => Promise<void>): Promise<void> {
  return withPage(site, async (page) => {
    await signIn(page, site, email);
    await work(page);
  });
}

/** Presses Tab until the element with this id has focus, as a keyboard user would. */
export async function tabTo(page: Page, id: string, maxPresses = 120): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`#${id} was never reached with Tab`);
}
