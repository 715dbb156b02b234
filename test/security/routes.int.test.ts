import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { seedDemo } from '../../src/domain/demo/seed.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../src/domain/demo/users.ts';
import { href, langOfPath, PAGES } from '../../src/http/paths.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';
import { type Expected, FOR_GET, FOR_POST, PRINCIPALS, type Principal } from './route-access.ts';
import { fill, type RouteFixtures, routeFixtures } from './route-fixtures.ts';

const SEED_TIMEOUT = 180_000;
/** Some 1,800 requests: about 15 s on PostgreSQL and 45 s on PGlite on two busy cores. */
const MATRIX_TIMEOUT = 240_000;

let database: Database;
let dataDir: string;
let t: TestApp;
let fixtures: RouteFixtures;
const clients = new Map<Principal, Client>();

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database);
  dataDir = await mkdtemp(join(tmpdir(), 'klynge-routes-'));
  t = createTestApp(database, { DATA_DIR: dataDir });
  fixtures = await routeFixtures(t, database);
  clients.set('anonymous', new Client(t.app));
  clients.set('token', new Client(t.app));
  for (const login of DEMO_LOGINS) {
    const client = new Client(t.app);
    expect((await client.login(login.email, DEMO_PASSWORD)).res.status, login.email).toBe(303);
    clients.set(login.role, client);
  }
}, SEED_TIMEOUT);
afterAll(async () => {
  await database?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Every route the app answers, as `METHOD path` (middleware, registered for ALL, left out). */
function registeredRoutes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  return t.app.routes.filter((r) => {
    const key = `${r.method} ${r.path}`;
    if (r.method === 'ALL' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Values no route expects: not a number, too large for any column, quoted, not ASCII. */
const ODD_VALUES = ['abc', '99999999999999999999', '-1', '2023.5', "x'y", '%C3%A6'];
/** The principals that reach the most pages behind the login. */
const ODD_VALUE_PRINCIPALS: Principal[] = ['anonymous', 'admin', 'funder', 'cluster_staff'];

/** English paths outside the page table (feeds, calendars, old addresses) and their Danish twins. */
const ENGLISH_TWINS: Record<string, string> = {
  '/en/news/rss.xml': '/nyheder/rss.xml',
  '/en/news/atom.xml': '/nyheder/atom.xml',
  '/en/stories/rss.xml': '/historier/rss.xml',
  '/en/stories/atom.xml': '/historier/atom.xml',
  '/en/events.ics': '/arrangementer.ics',
  '/en/events/:slug/ics': '/arrangementer/:slug/ics',
  '/en/business-hub/activities.ics': '/erhvervshus/aktiviteter.ics',
  '/en/business-hub/activities/rss.xml': '/erhvervshus/aktiviteter/rss.xml',
  '/en/funding/initiatives': '/finansiering/initiativer',
  '/en/funding/initiatives/*': '/finansiering/initiativer/*',
};

/** The table's key of a route: a Danish path, whatever the route's language. */
function entryOf(method: string, path: string): string {
  if (langOfPath(path) === 'da' || path.startsWith('/api/')) return `${method} ${path}`;
  const page = Object.values(PAGES).find((p) => p.en === path);
  return `${method} ${page?.da ?? ENGLISH_TWINS[path] ?? path}`;
}

/** What the answer was, in the table's terms: a 303 to the login page is `login`. */
function answerOf(res: Response, path: string): Expected {
  const location = res.headers.get('location') ?? '';
  const login = href('login', langOfPath(path));
  return res.status === 303 && (location === login || location.startsWith(`${login}?`))
    ? 'login'
    : res.status;
}

function request(principal: Principal, path: string, init: RequestInit = {}) {
  const client = clients.get(principal) as Client;
  const headers = new Headers(init.headers);
  if (principal === 'token') headers.set('authorization', `Bearer ${fixtures.apiToken}`);
  return client.request(path, { ...init, headers });
}

describe(`who may use every route (${testDriver()})`, () => {
  it('has an entry for every registered route, and a route for every entry', () => {
    const routes = registeredRoutes();
    const keys = new Set(routes.map((r) => entryOf(r.method, r.path)));
    const missing = [...keys].filter((k) => !(k in FOR_GET) && !(k in FOR_POST));
    expect(missing, 'routes without an entry in test/security/route-access.ts').toEqual([]);
    expect(Object.keys({ ...FOR_GET, ...FOR_POST }).filter((k) => !keys.has(k))).toEqual([]);
    expect(routes.every((r) => r.method === 'GET' || r.method === 'POST')).toBe(true);
  });

  it(
    'answers a GET of every route, Danish and English, as the table says for each principal',
    async () => {
      const wrong: string[] = [];
      for (const route of registeredRoutes().filter((r) => r.method === 'GET')) {
        const access = FOR_GET[entryOf('GET', route.path)];
        if (!access) continue;
        const path = fill(route.path, fixtures);
        // The principals at once: on PostgreSQL the server answers them in parallel.
        await Promise.all(
          PRINCIPALS.map(async (principal) => {
            const res = await request(principal, path);
            await res.arrayBuffer();
            const answer = answerOf(res, path);
            if (answer !== access[principal])
              wrong.push(`${principal} GET ${path}: ${answer}, expected ${access[principal]}`);
          }),
        );
      }
      expect(wrong).toEqual([]);
    },
    MATRIX_TIMEOUT,
  );

  it(
    'refuses a POST without a CSRF token on every form with 403, for everyone; the API wants a token',
    async () => {
      const wrong: string[] = [];
      for (const route of registeredRoutes().filter((r) => r.method === 'POST')) {
        const path = fill(route.path, fixtures);
        const expected = FOR_POST[entryOf('POST', route.path)] === 'token' ? 401 : 403;
        for (const principal of PRINCIPALS.filter((p) => p !== 'token')) {
          const res = await request(principal, path, {
            method: 'POST',
            body: new URLSearchParams({ x: '1' }),
          });
          await res.arrayBuffer();
          if (res.status !== expected)
            wrong.push(`${principal} POST ${path}: ${res.status}, expected ${expected}`);
        }
      }
      expect(wrong).toEqual([]);
    },
    MATRIX_TIMEOUT,
  );

  it(
    'sends a visitor with a valid CSRF token to log in on every form but the public ones; no 5xx for any role',
    async () => {
      const wrong: string[] = [];
      const posts = registeredRoutes().filter((r) => r.method === 'POST' && !r.path.startsWith('/api/'));
      for (const principal of PRINCIPALS.filter((p) => p !== 'token')) {
        const client = clients.get(principal) as Client;
        // A page with a form gives the token of this principal's session (or visitor cookie).
        await client.get(principal === 'anonymous' ? href('login', 'da') : href('account', 'da'));
        for (const route of posts) {
          const entry = FOR_POST[entryOf('POST', route.path)];
          // Signing out ends the principal's session (its own test is in test/http/auth.int.test.ts),
          // and a visitor's CSRF cookie: the visitor then gets a new one from the login page.
          const logout = route.path === PAGES.logout[langOfPath(route.path)];
          if (logout && principal !== 'anonymous') continue;
          const path = fill(route.path, fixtures);
          const { res } = await client.post(path, {});
          const answer = answerOf(res, path);
          if (res.status >= 500) wrong.push(`${principal} POST ${path}: ${res.status}`);
          if (principal === 'anonymous' && (entry === 'signed-in') !== (answer === 'login'))
            wrong.push(`anonymous POST ${path}: ${answer} for a ${entry} form`);
          if (logout) await client.get(href('login', 'da'));
        }
      }
      expect(wrong).toEqual([]);
    },
    MATRIX_TIMEOUT,
  );

  it(
    'answers odd values in every path parameter with a 4xx or a redirect, never a 5xx',
    async () => {
      const wrong: string[] = [];
      const routes = registeredRoutes().filter((r) => r.method === 'GET' && langOfPath(r.path) === 'da');
      for (const route of routes.filter((r) => /[:*]/.test(r.path))) {
        for (const odd of ODD_VALUES) {
          const path = route.path.replace(/:[a-zA-Z]+|\*/g, odd);
          await Promise.all(
            ODD_VALUE_PRINCIPALS.map(async (principal) => {
              const res = await request(principal, path);
              await res.arrayBuffer();
              if (res.status >= 500) wrong.push(`${principal} GET ${path}: ${res.status}`);
            }),
          );
        }
      }
      expect(wrong).toEqual([]);
    },
    MATRIX_TIMEOUT,
  );
});
