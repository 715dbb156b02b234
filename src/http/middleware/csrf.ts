import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler, Next } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../config.ts';
import { AppError } from '../../domain/errors.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { isMultipart, type MultipartForm, withMultipartForm } from '../multipart.ts';
import { matchPage } from '../paths.ts';
import { bodyLimitOf } from './body-limit.ts';
import { cookieName, cookieOptions } from './cookies.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/**
 * CSRF protection for HTML forms, in two layers. The JSON API under /api/ uses bearer tokens,
 * not cookies, and is not covered here.
 *
 * 1. An unsafe request that says it comes from another site is refused: its `Origin` is not the
 *    site's (`PUBLIC_URL`, or the address the request was sent to), or, without `Origin`, its
 *    `Sec-Fetch-Site` is `cross-site`. A request with neither (a script, a test) goes on to 2.
 *    Browsers send at least one of them with every cross-site POST.
 * 2. Every form carries a token that is an HMAC under the server key of what the browser holds:
 *    a signed-in user's session (so a token works with that session only, and a CSRF cookie the
 *    attacker planted or got for themselves is no use), or, for a visitor, a random secret in
 *    an HttpOnly cookie (the login form, the contact form), which is dropped when the visitor
 *    signs in or out (session.ts).
 *
 * This is the one place that reads an unsafe request's form before its page does. A multipart
 * form (an upload) is read here as a stream (src/http/multipart.ts): fields in memory, files to
 * temporary files, its page reads it with uploadedForm(c), and the files are removed once the
 * response is made.
 */
export const csrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.path.startsWith('/api/')) return next();
  const { config } = c.get('deps');
  const unsafe = UNSAFE.has(c.req.method);
  if (unsafe) refuseCrossSite(c, config);
  const visitorCookie = cookieName(config, 'csrf');
  const cookie = getCookie(c, visitorCookie);
  const secret = cookie && SECRET.test(cookie) ? cookie : null;
  const session = c.get('sessionToken');
  const expected = session
    ? tokenOf(config, 'session', session)
    : secret && tokenOf(config, 'visitor', secret);
  const check = (given: unknown) => {
    if (expected && typeof given === 'string' && safeEqual(given, expected)) return;
    // A form of a session that has since ended (expired, signed out elsewhere): nothing is done,
    // and the browser is sent to sign in again rather than shown an expired form.
    if (!session && getCookie(c, cookieName(config, 'session')))
      throw new AppError('unauthenticated', 'The session has ended');
    throw new AppError('csrf', 'missing or invalid CSRF token');
  };
  if (unsafe && isMultipart(c.req.header('content-type'))) {
    // An upload is streamed to disk, not buffered: the token must come before the first file
    // (forms put the CSRF field first), and no byte of a file is written before it is checked.
    // Every upload form is behind sign-in, so a visitor gets nothing written to disk at all.
    if (!c.get('user')) throw new AppError('unauthenticated', 'Sign in to upload');
    return withMultipartForm(
      c.req.raw,
      { maxBytes: bodyLimitOf(c), beforeFirstFile: (fields) => check(fields._csrf) },
      async (form) => {
        check(form.fields._csrf);
        c.set('form', form);
        // The body is read: a page that asks c.req.parseBody() gets the text fields (hono keeps a
        // promise in this cache, whatever its type says).
        c.req.bodyCache.formData = Promise.resolve(textFormData(form)) as unknown as FormData;
        await proceed(c, config, visitorCookie, secret, next);
      },
    );
  }
  if (unsafe) {
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    if (!isOneClickOptOut(c.req.path, body)) check(body._csrf);
  }
  await proceed(c, config, visitorCookie, secret, next);
};

/**
 * A mail client's one-click opt-out (RFC 8058): it posts `List-Unsubscribe=One-Click` to the link
 * in a survey's or the newsletter's List-Unsubscribe header, without a session or any form token.
 * The link's own secret token (random for a survey, signed for the newsletter) is the right to
 * opt out, which a cross-site page cannot know, and opting out only stops e-mail; nothing else
 * is exempt.
 */
const ONE_CLICK_PAGES: ReadonlySet<string> = new Set(['surveyOptOut', 'newsletterUnsubscribe']);
function isOneClickOptOut(path: string, body: Record<string, unknown>): boolean {
  const page = matchPage(path)?.page;
  return body['List-Unsubscribe'] === 'One-Click' && page !== undefined && ONE_CLICK_PAGES.has(page);
}

/** Offers the token to the pages of this request, then runs them. */
async function proceed(c: AppContext, config: Config, name: string, secret: string | null, next: Next) {
  // A visitor's token is made when a page first asks for it: a page without a form sets no
  // cookie, so public pages stay identical for every anonymous visitor and cost no random bytes.
  let token: string | undefined;
  c.set('csrfToken', () => {
    if (token === undefined) {
      const session = c.get('sessionToken');
      if (session) token = tokenOf(config, 'session', session);
      else {
        let current = secret;
        if (!current) {
          current = randomBytes(32).toString('base64url');
          setCookie(c, name, current, cookieOptions(config, 60 * 60 * 24 * 7));
        }
        token = tokenOf(config, 'visitor', current);
      }
    }
    return token;
  });
  await next();
}

/** The token of a session or a visitor's secret; the prefix keeps the two from standing in for each other. */
const tokenOf = (config: Config, kind: 'session' | 'visitor', value: string) =>
  createHmac('sha256', config.sessionSecret).update(`csrf:${kind}:${value}`).digest('base64url');

/** Refuses a request whose browser says it was sent by a page of another site. */
function refuseCrossSite(c: AppContext, config: Config): void {
  const origin = c.req.header('origin');
  const crossSite =
    origin !== undefined
      ? !ownOrigins(c, config).includes(origin)
      : c.req.header('sec-fetch-site') === 'cross-site';
  if (crossSite) throw new AppError('csrf', 'cross-site request refused');
}

/**
 * The origins this site answers at: its public address, and the address this request was sent
 * to (a server on a port of its own, a test). Behind a proxy (TRUST_PROXY), the address is the
 * one the proxy forwards; without one, forwarding headers are anyone's and are not read.
 */
function ownOrigins(c: AppContext, config: Config): string[] {
  const url = new URL(c.req.url);
  const forwarded = (name: string) =>
    config.trustProxy ? c.req.header(name)?.split(',')[0]?.trim() || undefined : undefined;
  const protocol = forwarded('x-forwarded-proto') ?? url.protocol.slice(0, -1);
  const host = forwarded('x-forwarded-host') ?? url.host;
  return [new URL(config.publicUrl).origin, `${protocol}://${host}`];
}

function textFormData(form: MultipartForm): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(form.fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
