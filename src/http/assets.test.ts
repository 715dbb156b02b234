import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type AssetName, assetUrl, DKFDS_DIST, preloadedFontUrls, registerAssets } from './assets.ts';
import type { AppEnv } from './context.ts';

const app = new Hono<AppEnv>();
registerAssets(app);

const get = (url: string, acceptEncoding?: string) =>
  app.request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);

const NAMES: AssetName[] = ['dkfds.css', 'icons.svg', 'app.css', 'favicon.svg', 'delivery-progress.js'];
const stylesheet = async () => (await get(assetUrl('dkfds.css'))).text();

describe('static files at addresses that name their content', () => {
  it('serves each linked file for a year, at an address with the hash of what it sends', async () => {
    for (const name of NAMES) {
      const url = assetUrl(name);
      expect(url, name).toMatch(/^\/assets\/[\w.-]+\.[0-9a-f]{12}\.(css|svg|js)$/);
      const res = await get(url);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(url).toContain(`.${hashOf(await bytesOf(res))}.`);
    }
    expect((await get(assetUrl('app.css'))).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get(assetUrl('delivery-progress.js'))).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
  });

  it('serves our own files unchanged', async () => {
    const own = readFileSync(new URL('./static/app.css', import.meta.url));
    expect((await bytesOf(await get(assetUrl('app.css')))).equals(own)).toBe(true);
  });

  it('sends text compressed with brotli or gzip as asked, the same bytes once decompressed', async () => {
    for (const name of NAMES) {
      const plain = await bytesOf(await get(assetUrl(name)));
      const br = await get(assetUrl(name), 'gzip, deflate, br');
      expect(br.headers.get('content-encoding'), name).toBe('br');
      expect(br.headers.get('vary')).toBe('Accept-Encoding');
      expect(brotliDecompressSync(await bytesOf(br)).equals(plain), name).toBe(true);
      const gzip = await get(assetUrl(name), 'gzip');
      expect(gzip.headers.get('content-encoding'), name).toBe('gzip');
      expect(gunzipSync(await bytesOf(gzip)).equals(plain), name).toBe(true);
    }
    // The DKFDS stylesheet, 215 KB as DKFDS ships it, goes over the wire in about a tenth.
    expect((await bytesOf(await get(assetUrl('dkfds.css'), 'br'))).byteLength).toBeLessThan(25_000);
  });

  it('answers an address it does not know with 404', async () => {
    expect((await get('/assets/dkfds-virkdk.min.000000000000.css')).status).toBe(404);
    expect((await get(assetUrl('app.css').replace('.css', '.js'))).status).toBe(404);
  });
});

describe('the DKFDS stylesheet as served', () => {
  it('points every image and font at a served, hashed address', async () => {
    const css = await stylesheet();
    const urls = [...css.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1] as string);
    expect(urls.length).toBeGreaterThan(150);
    for (const url of new Set(urls)) {
      expect(url).toMatch(/^\/assets\/[\w.-]+\.[0-9a-f]{12}\.(svg|png|woff2)$/);
      expect((await get(url)).status, url).toBe(200);
    }
    expect(css).not.toContain('sourceMappingURL');
  });

  it('keeps every rule of DKFDS but its fonts, which come from the subset files', async () => {
    const original = readFileSync(join(DKFDS_DIST, 'css/dkfds-virkdk.min.css'), 'utf8');
    const rules = (css: string) => css.split('{').length - 1;
    const plexFaces = (css: string) => css.match(/@font-face\{[^}]*font-family:IBM Plex Sans/g) ?? [];
    expect(plexFaces(original)).toHaveLength(8);
    const css = await stylesheet();
    // 8 faces (400 to 700, upright and italic) in 6 subset files each, and the complete font
    // for the few characters no subset holds.
    expect(plexFaces(css)).toHaveLength(8 * 7);
    expect(rules(css)).toBe(rules(original) - 8 + 8 * 7);
    expect(css).not.toMatch(/\.(eot|ttf|woff)\b/);
    for (const face of css.match(/@font-face\{[^}]*IBM Plex Sans[^}]*\}/g) ?? []) {
      expect(face).toContain('font-display:swap');
      expect(face).toMatch(/unicode-range:U\+[0-9A-F]{4}/);
    }
  });

  it('preloads the Latin-1 subsets of regular, semibold and bold, the faces every page uses', async () => {
    const css = await stylesheet();
    const fonts = preloadedFontUrls();
    expect(fonts.map((url) => url.replace(/\.[0-9a-f]{12}\./, '.'))).toEqual([
      '/assets/IBMPlexSans-Regular-Latin1.woff2',
      '/assets/IBMPlexSans-SemiBold-Latin1.woff2',
      '/assets/IBMPlexSans-Bold-Latin1.woff2',
    ]);
    for (const url of fonts) {
      expect(css).toContain(`url(${url})`);
      const res = await get(url, 'br');
      expect(res.headers.get('content-type')).toBe('font/woff2');
      // woff2 is compressed already.
      expect(res.headers.get('content-encoding')).toBeNull();
      const file = url.replace(/^\/assets\//, '').replace(/\.[0-9a-f]{12}\./, '.');
      const shipped = readFileSync(join(DKFDS_DIST, 'fonts/IBMPlexSans/split/woff2', file));
      expect((await bytesOf(res)).equals(shipped)).toBe(true);
    }
  });
});
