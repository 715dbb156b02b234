import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** The tags of an If-None-Match header, without the weak prefix (`*` matches any). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.match(/"[^"]*"/g)?.includes(opaque) ?? false;
}

/** What a 304 leaves out: it describes the stored page, it does not carry one. */
const BODY_HEADERS = ['Content-Type', 'Content-Length', 'Content-Encoding'];

/**
 * A page is sent again only when it changed. Every HTML page gets an ETag of its bytes and
 * `Cache-Control: no-cache`, so a browser asks each time (a page is never shown stale) and an
 * unchanged page costs a 304 without a body. A page that sets a cookie (the CSRF token of a
 * form) is `private`: no shared cache keeps a visitor's token. A page its handler marked
 * `no-store` (everything shown to a signed-in user, see the session middleware) is left as it
 * is: the browser keeps no copy of it to revalidate.
 *
 * Pages are rendered to a string before they are sent, so reading the body here holds nothing
 * that was not already in memory; streamed downloads are not HTML and are not read.
 */
export const pageRevalidation: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  if (
    (c.req.method !== 'GET' && c.req.method !== 'HEAD') ||
    res.status !== 200 ||
    !res.headers.get('Content-Type')?.startsWith('text/html') ||
    res.headers.get('Cache-Control')?.includes('no-store')
  )
    return;
  const bytes = new Uint8Array(await res.arrayBuffer());
  const etag = `W/"${createHash('sha1').update(bytes).digest('base64url')}"`;
  const cacheControl =
    res.headers.get('Cache-Control') ?? (res.headers.has('Set-Cookie') ? 'private, no-cache' : 'no-cache');
  if (matches(c.req.header('If-None-Match'), etag)) {
    c.res = new Response(null, { status: 304 });
    for (const name of BODY_HEADERS) c.res.headers.delete(name);
  } else {
    c.res = new Response(bytes, res);
  }
  c.res.headers.set('ETag', etag);
  c.res.headers.set('Cache-Control', cacheControl);
};
