/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/domain/demo/users.ts';
import { newContext, signIn, useDemoSite } from './harness.ts';

const site = useDemoSite();

/** What a visitor may download on a first visit (empty cache) and on a repeat visit. */
const FIRST_VISIT_BUDGET = 200_000;
const REPEAT_VISIT_BUDGET = 20_000;

/** One page of each type, public ones as a visitor, the workspace as cluster staff. */
const PAGE_TYPES = [
  { type: 'home', path: '/' },
  { type: 'catalogue', path: '/klynger' },
  { type: 'cluster page', path: '/klynger/odense-robotics' },
  { type: 'search', path: '/soeg?q=energi' },
  { type: 'results', path: '/resultater/2023' },
  { type: 'landscape', path: '/landskab' },
  { type: 'workspace', path: '/arbejdsrum/aktiviteter', signedInAs: 'cluster_staff' },
] as const;

interface Visit {
  bytes: number;
  requests: number;
}

/**
 * Counts the bytes a page load takes from the network, as Chromium's DevTools shows them
 * ("transferred": headers and encoded body of every response; nothing for what came from the
 * cache), and waits until nothing is in flight any more: fonts are asked for only once the
 * styles are applied, after the HTML.
 */
async function measure(context: BrowserContext, page: Page, url: string): Promise<Visit> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const pending = new Set<string>();
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.requestWillBeSent', (e) => pending.add(e.requestId));
  cdp.on('Network.loadingFinished', (e) => {
    pending.delete(e.requestId);
    bytes += e.encodedDataLength;
    if (e.encodedDataLength > 0) requests++;
  });
  cdp.on('Network.loadingFailed', (e) => pending.delete(e.requestId));
  const response = await page.goto(url);
  expect([200, 304], url).toContain(response?.status());
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await expect.poll(() => pending.size, { timeout: 10_000 }).toBe(0);
  await cdp.detach();
  return { bytes, requests };
}

/** The session cookie of a demo user, signed in in a context of its own (so its cache stays there). */
async function sessionCookies(role: string) {
  const login = DEMO_LOGINS.find((d) => d.role === role);
  const context = await newContext(site.browser);
  try {
    await signIn(await context.newPage(), site, login?.email ?? '');
    return await context.cookies();
  } finally {
    await context.close();
  }
}

const rows: { type: string; path: string; first: Visit; repeat: Visit }[] = [];

afterAll(() => {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`.padStart(9);
  const lines = rows.map(
    (r) =>
      `${r.type.padEnd(13)} ${r.path.padEnd(24)} ${kb(r.first.bytes)} ${String(r.first.requests).padStart(3)}   ${kb(r.repeat.bytes)} ${String(r.repeat.requests).padStart(3)}`,
  );
  console.log(
    [
      'page weight (transferred; first visit with an empty cache, then a repeat visit)',
      `${'page type'.padEnd(13)} ${'path'.padEnd(24)} ${'first'.padStart(9)} req   ${'repeat'.padStart(9)} req`,
      ...lines,
    ].join('\n'),
  );
});

describe('page weight', () => {
  for (const { type, path, ...rest } of PAGE_TYPES) {
    const role = 'signedInAs' in rest ? rest.signedInAs : null;
    it(`${type} (${path}) stays within ${FIRST_VISIT_BUDGET / 1000} KB first and ${REPEAT_VISIT_BUDGET / 1000} KB again`, async () => {
      const cookies = role ? await sessionCookies(role) : [];
      const context = await newContext(site.browser);
      try {
        await context.addCookies(cookies);
        const page = await context.newPage();
        const url = site.server.url + path;
        const first = await measure(context, page, url);
        const repeat = await measure(context, page, url);
        rows.push({ type, path, first, repeat });
        expect(first.bytes, `${path} first visit`).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
        expect(repeat.bytes, `${path} repeat visit`).toBeLessThanOrEqual(REPEAT_VISIT_BUDGET);
      } finally {
        await context.close();
      }
    });
  }
});
