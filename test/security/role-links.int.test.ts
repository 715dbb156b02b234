import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { seedDemo } from '../../src/domain/demo/seed.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../src/domain/demo/users.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

/**
 * No link shown to a role answers an error: for the visitor and each demo role (signed in through
 * the login form), every same-site `<a href>` on the landing page and on the pages its menu links
 * to is followed (GET, with the session cookie, redirects followed), and the links on those pages
 * too: two levels below the landing page, each address once, at most PAGE_LIMIT pages per role.
 * Requests go through the app in process, as in the other HTTP tests. On PostgreSQL only: the
 * eight crawls open 1,200 pages, measured ~100 s on PostgreSQL and twice that on PGlite.
 */

// Seeding the demo data takes a few seconds on PGlite, several times that on a busy machine.
const SEED_TIMEOUT = 180_000;
/** A bound so a crawl cannot run away; the demo's roles reach fewer pages than this two levels down. */
const PAGE_LIMIT = 150;
const DEPTH = 2;
const CRAWL_TIMEOUT = 240_000;

const onPglite = testDriver() === 'pglite';
let database: Database;
let t: TestApp;

beforeAll(async () => {
  if (onPglite) return;
  database = await createTestDatabase();
  await seedDemo(database);
  t = createTestApp(database);
}, SEED_TIMEOUT);
afterAll(() => database?.close());

const HREF = /<a\b[^>]*?\bhref="([^"]*)"/g;
/** The menu of the page header (desktop and mobile): its links are the role's menu pages. */
const NAVIGATION = /<nav\b[^>]*class="[^"]*navigation-menu[^"]*"[\s\S]*?<\/nav>/g;

const decode = (href: string) =>
  href.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");

/** The same-site paths (with query, without fragment) that the links in `html` point to. */
function linksIn(html: string, from: string): string[] {
  const base = new URL(from, 'http://site.test');
  const paths: string[] = [];
  for (const [, href = ''] of html.matchAll(HREF)) {
    const url = new URL(decode(href), base);
    if (url.origin !== base.origin) continue;
    paths.push(url.pathname + url.search);
  }
  return paths;
}

/** GET with the client's cookies, following redirects; the final status and page. */
async function open(client: Client, path: string): Promise<{ status: number; html: string; at: string }> {
  let at = path;
  for (let hops = 0; hops < 5; hops++) {
    const res = await client.request(at);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      const next = new URL(location, `http://site.test${at}`);
      at = next.pathname + next.search;
      continue;
    }
    const html = res.headers.get('content-type')?.includes('text/html') ? await res.text() : '';
    if (!html) await res.body?.cancel();
    return { status: res.status, html, at };
  }
  return { status: 310, html: '', at };
}

/**
 * Crawls from the landing page; the links that answered 4xx/5xx (with the page they were on), and
 * how many pages were opened.
 */
async function crawl(client: Client, landing: string): Promise<{ broken: string[]; opened: number }> {
  const seen = new Set<string>([landing]);
  const broken: string[] = [];
  const first = await open(client, landing);
  if (first.status >= 400) return { broken: [`${landing}: ${first.status}`], opened: 1 };
  const menu = [...first.html.matchAll(NAVIGATION)].flatMap(([nav]) => linksIn(nav, first.at));
  // Level 0: the landing page and its menu pages; each level's links make the next level.
  let level: { path: string; from: string }[] = [{ path: landing, from: '(sign-in)' }];
  for (const path of menu)
    if (!seen.has(path)) {
      seen.add(path);
      level.push({ path, from: landing });
    }
  for (let depth = 0; depth <= DEPTH && level.length > 0; depth++) {
    const found: { path: string; from: string }[][] = [];
    for (const { path, from } of level) {
      const page = path === landing ? first : await open(client, path);
      if (page.status >= 400) broken.push(`${path} (linked from ${from}): ${page.status}`);
      else if (depth < DEPTH)
        found.push(linksIn(page.html, page.at).map((link) => ({ path: link, from: path })));
    }
    level = takeInTurns(found, seen);
  }
  return { broken, opened: seen.size };
}

/**
 * The next level: new links taken in turns from each page (its first new link, then every page's
 * second, ...) until PAGE_LIMIT, so a page with many links (the catalogue) does not crowd out the
 * role's other pages.
 */
function takeInTurns(found: { path: string; from: string }[][], seen: Set<string>) {
  const next: { path: string; from: string }[] = [];
  const longest = Math.max(0, ...found.map((links) => links.length));
  for (let i = 0; i < longest && seen.size < PAGE_LIMIT; i++)
    for (const links of found) {
      const link = links[i];
      if (link && !seen.has(link.path) && seen.size < PAGE_LIMIT) {
        seen.add(link.path);
        next.push(link);
      }
    }
  return next;
}

const PEOPLE = [
  { who: 'visitor', email: null },
  ...DEMO_LOGINS.map((d) => ({ who: d.role as string, email: d.email as string | null })),
];

describe.skipIf(onPglite)('no link shown to a role answers an error (a crawl per demo role)', () => {
  for (const { who, email } of PEOPLE)
    it(
      `${who}: every link two levels from the landing page and its menu answers`,
      async () => {
        const client = new Client(t.app);
        let landing = '/';
        if (email) {
          // The login form sends the person on to their landing page.
          const { res } = await client.login(email, DEMO_PASSWORD);
          expect(res.status, who).toBe(303);
          landing = new URL(res.headers.get('location') ?? '', 'http://site.test').pathname;
        }
        const { broken, opened } = await crawl(client, landing);
        expect(broken, `${who} from ${landing}`).toEqual([]);
        // The crawl did reach the role's pages, still signed in (no link signed the person out).
        expect(opened, `${who} from ${landing}`).toBe(PAGE_LIMIT);
        const after = await client.request(landing);
        expect(after.status, `${who} ${landing} after the crawl`).toBe(200);
      },
      CRAWL_TIMEOUT,
    );
});
