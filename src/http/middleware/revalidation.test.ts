import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { pageRevalidation } from './revalidation.ts';

const page = '<!DOCTYPE html><html><body><h1>Klynger</h1></body></html>';
const etagOf = (text: string) => `W/"${createHash('sha1').update(text).digest('base64url')}"`;

function app() {
  const app = new Hono();
  app.use('*', pageRevalidation);
  app.get('/page', (c) => c.html(page));
  app.post('/page', (c) => c.html(page));
  app.get('/personal', (c) => c.html(page, 200, { 'Cache-Control': 'private, no-store' }));
  app.get('/feed', (c) => c.html(page, 200, { 'Cache-Control': 'public, max-age=300' }));
  app.get('/form', (c) => {
    setCookie(c, 'klynge_csrf', 'secret');
    return c.html(page);
  });
  app.get('/data', (c) => c.json({ page }));
  app.get('/missing', (c) => c.html(page, 404));
  return app;
}

const get = (path: string, ifNoneMatch?: string) =>
  app().request(path, { headers: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {} });

describe('revalidation of pages', () => {
  it('tags a page with the hash of its bytes and asks browsers to revalidate it', async () => {
    const res = await get('/page');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(etagOf(page));
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(page);
  });

  it('answers an unchanged page with a 304 that keeps the validators and drops the body', async () => {
    for (const tags of [etagOf(page), etagOf(page).slice(2), `"other", ${etagOf(page)}`, '*']) {
      const res = await get('/page', tags);
      expect(res.status, tags).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(etagOf(page));
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-type')).toBeNull();
    }
  });

  it('sends a changed page whole', async () => {
    const res = await get('/page', etagOf('<p>an older page</p>'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(page);
  });

  it('marks a page that sets a cookie private, and keeps a 304 setting it too', async () => {
    const res = await get('/form');
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const again = await get('/form', etagOf(page));
    expect(again.status).toBe(304);
    expect(again.headers.get('set-cookie')).toMatch(/^klynge_csrf=secret/);
    expect(again.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('keeps what a handler said about caching, and leaves no-store pages untagged', async () => {
    expect((await get('/feed')).headers.get('cache-control')).toBe('public, max-age=300');
    const personal = await get('/personal', etagOf(page));
    expect(personal.status).toBe(200);
    expect(personal.headers.get('etag')).toBeNull();
    expect(personal.headers.get('cache-control')).toBe('private, no-store');
  });

  it('leaves other answers alone: JSON, error pages and form posts', async () => {
    const data = await get('/data', '*');
    expect(data.status).toBe(200);
    expect(data.headers.get('etag')).toBeNull();
    const missing = await get('/missing', '*');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();
    const posted = await app().request('/page', { method: 'POST', headers: { 'if-none-match': '*' } });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('etag')).toBeNull();
  });
});
