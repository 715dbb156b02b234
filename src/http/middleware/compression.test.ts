import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { compression, preferredEncoding } from './compression.ts';

const page = `<!DOCTYPE html><html><body>${'<p>Klyngeportalen, klynger og resultater.</p>'.repeat(200)}</body></html>`;
const bytes = (text: string) => Buffer.from(text, 'utf8');

function app() {
  const app = new Hono();
  app.use('*', compression);
  app.get('/page', (c) => c.html(page));
  app.get('/small', (c) => c.json({ state: 'running', percent: 40 }));
  app.get('/pdf', (c) => c.body(new Uint8Array(bytes(page)), 200, { 'Content-Type': 'application/pdf' }));
  app.get('/no-transform', (c) => c.html(page, 200, { 'Cache-Control': 'no-transform' }));
  app.get('/tagged', (c) => c.html(page, 200, { ETag: '"v1"', Vary: 'Cookie' }));
  app.get('/encoded', (c) => c.body(page, 200, { 'Content-Type': 'text/css', 'Content-Encoding': 'gzip' }));
  return app;
}

const get = (path: string, acceptEncoding?: string, method = 'GET') =>
  app().request(path, { method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('choosing an encoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['deflate', undefined],
    ['identity', undefined],
    ['', undefined],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['br;q=0, gzip;q=0, *', undefined],
  ])('%j gives %s', (header, encoding) => {
    expect(preferredEncoding(header)).toBe(encoding);
  });
});

describe('compression of responses', () => {
  it('compresses a page whole with brotli, with its length', async () => {
    const res = await get('/page', 'gzip, deflate, br');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(body.byteLength));
    expect(body.byteLength).toBeLessThan(bytes(page).byteLength / 10);
    expect(brotliDecompressSync(body).toString('utf8')).toBe(page);
  });

  it('compresses with gzip for a browser that takes only gzip', async () => {
    const res = await get('/page', 'gzip');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(page);
  });

  it('sends the page as it is to a client that accepts no encoding, saying it could vary', async () => {
    const res = await get('/page');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(await res.text()).toBe(page);
  });

  it('leaves small answers, PDF, no-transform, HEAD and encoded bodies as they are', async () => {
    const small = await get('/small', 'br');
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ state: 'running', percent: 40 });
    const pdf = await get('/pdf', 'br');
    expect(pdf.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await pdf.arrayBuffer()).equals(bytes(page))).toBe(true);
    const noTransform = await get('/no-transform', 'br');
    expect(noTransform.headers.get('content-encoding')).toBeNull();
    expect(await noTransform.text()).toBe(page);
    const head = await get('/page', 'br', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-encoding')).toBeNull();
    const encoded = await get('/encoded', 'br');
    expect(encoded.headers.get('content-encoding')).toBe('gzip');
    expect(await encoded.text()).toBe(page);
  });

  it('weakens a strong ETag of a compressed body and adds to an existing Vary', async () => {
    const res = await get('/tagged', 'br');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('etag')).toBe('W/"v1"');
    expect(res.headers.get('vary')).toBe('Cookie, Accept-Encoding');
  });

  it('compresses a streamed body as it flows, without waiting for its end', async () => {
    let source: ReadableStreamDefaultController<Uint8Array> | undefined;
    const streamed = new Hono();
    streamed.use('*', compression);
    streamed.get('/export.csv', (c) =>
      c.body(
        new ReadableStream<Uint8Array>({
          start(controller) {
            source = controller;
            controller.enqueue(bytes('cvr;navn\n'));
            controller.enqueue(bytes('12345678;Klynge A\n'.repeat(100)));
          },
        }),
        200,
        { 'Content-Type': 'text/csv; charset=utf-8' },
      ),
    );
    // The export is still being written: a middleware that read it whole would never answer.
    const res = await Promise.race([
      streamed.request('/export.csv', { headers: { 'accept-encoding': 'br' } }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the body was buffered')), 2000)),
    ]);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-length')).toBeNull();
    source?.enqueue(bytes('87654321;Klynge B\n'));
    source?.close();
    const text = brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    expect(text).toBe(`cvr;navn\n${'12345678;Klynge A\n'.repeat(100)}87654321;Klynge B\n`);
  });
});
