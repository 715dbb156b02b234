import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
});
afterAll(() => database?.close());

describe('public pages', () => {
  const pages: [string, string, string][] = [
    ['/', 'da', 'Klyngeportalen'],
    ['/en', 'en', 'Klyngeportalen'],
    ['/log-ind', 'da', 'Log ind'],
    ['/en/log-in', 'en', 'Log in'],
    ['/tilgaengelighed', 'da', 'Tilgængelighedserklæring'],
    ['/en/accessibility', 'en', 'Accessibility statement'],
    ['/privatliv', 'da', 'Privatlivspolitik'],
    ['/om', 'da', 'Om Klyngeportalen'],
    ['/glemt-adgangskode', 'da', 'Glemt adgangskode'],
  ];
  for (const [path, lang, h1] of pages) {
    it(`${path} is a ${lang} page with its heading, DKFDS styles, skip link and footer links`, async () => {
      const { res, html } = await new Client(t.app).get(path);
      expect(res.status).toBe(200);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<h1>${h1}</h1>`);
      expect(html).toContain('href="/dkfds/css/dkfds-virkdk.min.css"');
      expect(html).toMatch(/<a class="skipnav" href="#main-content">/);
      expect(html).toContain('id="main-content"');
      expect(html).toContain(lang === 'da' ? 'href="/tilgaengelighed"' : 'href="/en/accessibility"');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    });
  }

  it('links each page to the same page in the other language', async () => {
    expect((await new Client(t.app).get('/log-ind')).html).toContain('href="/en/log-in" lang="en"');
    expect((await new Client(t.app).get('/en/log-in')).html).toContain('href="/log-ind" lang="da"');
    expect((await new Client(t.app).get('/tilgaengelighed')).html).toContain('href="/en/accessibility"');
  });

  it('answers unknown pages with a 404 page in the right language', async () => {
    const da = await new Client(t.app).get('/findes-ikke');
    expect(da.res.status).toBe(404);
    expect(da.html).toContain('Siden findes ikke');
    const en = await new Client(t.app).get('/en/nothing-here');
    expect(en.res.status).toBe(404);
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('Page not found');
  });

  it('sends strict security headers', async () => {
    const { res } = await new Client(t.app).get('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // Error pages carry them too.
    const missing = await new Client(t.app).get('/findes-ikke');
    expect(missing.res.headers.get('content-security-policy')).toBe(csp);
    expect(missing.res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('sets the CSRF cookie only on pages with a form, so public pages are the same for every visitor', async () => {
    const search = await t.app.request('/soeg?q=energi');
    expect(search.status).toBe(200);
    expect(search.headers.get('set-cookie')).toBeNull();
    const login = await t.app.request('/log-ind');
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^klynge_csrf=[A-Za-z0-9_-]{43};/);
    const token = /name="_csrf" value="([^"]+)"/.exec(await login.text())?.[1];
    expect(token).toBeTruthy();
    // The token on the page belongs to the cookie just set: a login with both passes the CSRF check.
    const attempt = await t.app.request('/log-ind', {
      method: 'POST',
      headers: {
        cookie: cookie.split(';')[0] as string,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        _csrf: token as string,
        email: 'nobody@example.dk',
        password: 'x',
      }).toString(),
    });
    // Past the CSRF check (403), the login itself refuses the unknown account with 422.
    expect(attempt.status).toBe(422);
  });

  it('serves the design system and its fonts locally', async () => {
    const css = await t.app.request('/dkfds/css/dkfds-virkdk.min.css');
    expect(css.status).toBe(200);
    const text = await css.text();
    const font = /url\((?:"|')?\.\.\/(fonts\/[^)"']+\.woff2)/.exec(text)?.[1];
    expect(font).toBeTruthy();
    expect((await t.app.request(`/dkfds/${font}`)).status).toBe(200);
    expect((await t.app.request('/dkfds/img/all-svg-icons.svg')).status).toBe(200);
    expect((await t.app.request('/dkfds/../package.json')).status).toBe(404);
  });

  it('reports health with the database driver', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: testDriver() });
  });

  it('answers a failing database with 503 on /healthz and a 500 page with an error id', async () => {
    const own = await createTestDatabase();
    const broken = createTestApp(own);
    await own.close();
    const health = await broken.app.request('/healthz');
    expect(health.status).toBe(503);
    const page = await broken.app.request('/');
    expect(page.status).toBe(500);
    const body = await page.text();
    expect(body).toContain(page.headers.get('x-request-id') as string);
    expect(body).not.toMatch(/at .*\.ts:\d+/);
  });
});
