import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { seedDemo } from '../../src/domain/demo/seed.ts';
import { createLogger } from '../../src/logger.ts';
import { type RunningServer, startServer } from '../../src/main.ts';
import { createTestDatabase } from '../support/database.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The real server on a free loopback port, over a database with the demo data loaded. */
export async function startDemoServer(): Promise<{ server: RunningServer; database: Database }> {
  const database = await createTestDatabase();
  await seedDemo(database);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
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
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
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
