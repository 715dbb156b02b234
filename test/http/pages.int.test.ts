import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createUser } from '../support/factories.ts';
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
      expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/dkfds-virkdk\.min\.[0-9a-f]{12}\.css"\/>/);
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
    const html = await (await t.app.request('/')).text();
    const stylesheet = /href="(\/assets\/dkfds-virkdk[^"]+\.css)"/.exec(html)?.[1] ?? '';
    const css = await t.app.request(stylesheet);
    expect(css.status).toBe(200);
    const text = await css.text();
    const font = /url\((\/assets\/IBMPlexSans-Regular-Latin1\.[0-9a-f]{12}\.woff2)\)/.exec(text)?.[1] ?? '';
    expect((await t.app.request(font)).status).toBe(200);
    const sprite = /<use href="(\/assets\/all-svg-icons\.[0-9a-f]{12}\.svg)#/.exec(html)?.[1] ?? '';
    expect((await t.app.request(sprite)).status).toBe(200);
    expect((await t.app.request('/assets/../package.json')).status).toBe(404);
  });

  it('still serves the design system at the addresses pages linked before', async () => {
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

describe('what sending a page costs', () => {
  const sha1 = (bytes: ArrayBuffer) => createHash('sha1').update(Buffer.from(bytes)).digest('base64url');

  it('answers a repeat visit of an unchanged public page with a 304 without a body', async () => {
    const first = await t.app.request('/klynger');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = `W/"${sha1(await first.arrayBuffer())}"`;
    expect(first.headers.get('etag')).toBe(etag);
    const again = await t.app.request('/klynger', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('no-cache');
    expect(again.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
    // Another page, or this one changed, is sent whole.
    const changed = await t.app.request('/klynger', { headers: { 'if-none-match': 'W/"something-else"' } });
    expect(changed.status).toBe(200);
    expect(sha1(await changed.arrayBuffer())).toBe(etag.slice(3, -1));
  });

  it('keeps a page with a visitor’s form token out of shared caches', async () => {
    const login = await t.app.request('/log-ind');
    expect(login.headers.get('set-cookie')).toMatch(/^klynge_csrf=/);
    expect(login.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('lets the browser keep no copy of a signed-in page, so it has nothing to revalidate', async () => {
    const user = await createUser(database.db, 'cluster_staff');
    const client = new Client(t.app);
    await client.login(user.email, user.password);
    const page = await client.get('/konto');
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get('cache-control')).toBe('private, no-store');
    expect(page.res.headers.get('etag')).toBeNull();
  });

  it('compresses a page with brotli or gzip as the browser asks, and not otherwise', async () => {
    const plain = await t.app.request('/klynger');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    const html = Buffer.from(await plain.arrayBuffer());

    const br = await t.app.request('/klynger', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(brBytes.byteLength);
    expect(brBytes.byteLength).toBeLessThan(html.byteLength / 3);
    expect(brotliDecompressSync(brBytes).equals(html)).toBe(true);

    const gzip = await t.app.request('/klynger', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).equals(html)).toBe(true);
  });

  it('leaves an already compressed download as it is', async () => {
    const xlsx = await t.app.request('/resultater/2023/eksport.xlsx', {
      headers: { 'accept-encoding': 'br' },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-encoding')).toBeNull();
    // An XLSX file is a ZIP archive: it starts with PK.
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });
});
