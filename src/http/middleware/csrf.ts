import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler, Next } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../config.ts';
import { AppError } from '../../domain/errors.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { isMultipart, type MultipartForm, withMultipartForm } from '../multipart.ts';
import { pageOf } from '../paths.ts';
import { bodyLimitOf } from './body-limit.ts';
import { cookieName, cookieOptions } from './cookies.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/**
 * CSRF protection for HTML forms (signed double submit): a random secret in an HttpOnly cookie,
 * and in every form a token that is the HMAC of that secret under the server key. A cross-site
 * page can neither read the cookie nor compute the token. The JSON API under /api/ uses bearer
 * tokens, not cookies, and is not covered here.
 *
 * This is the one place that reads an unsafe request's form before its page does. A multipart
 * form (an upload) is read here as a stream (src/http/multipart.ts): fields in memory, files to
 * temporary files, its page reads it with uploadedForm(c), and the files are removed once the
 * response is made.
 */
export const csrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.path.startsWith('/api/')) return next();
  const { config } = c.get('deps');
  const name = cookieName(config, 'csrf');
  const cookie = getCookie(c, name);
  const secret = cookie && SECRET.test(cookie) ? cookie : null;
  const check = (given: unknown) => {
    if (!secret || typeof given !== 'string' || !safeEqual(given, sign(config.sessionSecret, secret))) {
      throw new AppError('csrf', 'missing or invalid CSRF token');
    }
  };
  if (UNSAFE.has(c.req.method) && isMultipart(c.req.header('content-type'))) {
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
        await proceed(c, config, name, secret, next);
      },
    );
  }
  if (UNSAFE.has(c.req.method)) {
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    if (!isOneClickOptOut(c.req.path, body)) check(body._csrf);
  }
  await proceed(c, config, name, secret, next);
};

/**
 * A mail client's one-click opt-out (RFC 8058): it posts `List-Unsubscribe=One-Click` to the link
 * in a survey e-mail's List-Unsubscribe header, without any form token. The link's own secret
 * token is the right to opt out, which a cross-site page cannot know, and opting out only stops
 * e-mail; nothing else is exempt.
 */
function isOneClickOptOut(path: string, body: Record<string, unknown>): boolean {
  return body['List-Unsubscribe'] === 'One-Click' && pageOf(path)?.page === 'surveyOptOut';
}

/** Offers the token to the pages of this request, then runs them. */
async function proceed(c: AppContext, config: Config, name: string, secret: string | null, next: Next) {
  // The token is made when a page first asks for it: a page without a form sets no cookie, so
  // public pages stay identical for every anonymous visitor and cost no random bytes.
  let token: string | undefined;
  c.set('csrfToken', () => {
    if (token === undefined) {
      let current = secret;
      if (!current) {
        current = randomBytes(32).toString('base64url');
        setCookie(c, name, current, cookieOptions(config, 60 * 60 * 24 * 7));
      }
      token = sign(config.sessionSecret, current);
    }
    return token;
  });
  await next();
}

function textFormData(form: MultipartForm): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(form.fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

const sign = (key: string, secret: string) => createHmac('sha256', key).update(secret).digest('base64url');

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
