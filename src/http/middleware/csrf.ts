import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../domain/errors.ts';
import type { AppEnv } from '../context.ts';
import { cookieName, cookieOptions } from './cookies.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/**
 * CSRF protection for HTML forms (signed double submit): a random secret in an HttpOnly cookie,
 * and in every form a token that is the HMAC of that secret under the server key. A cross-site
 * page can neither read the cookie nor compute the token. The JSON API under /api/ uses bearer
 * tokens, not cookies, and is not covered here.
 */
export const csrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.path.startsWith('/api/')) return next();
  const { config } = c.get('deps');
  const name = cookieName(config, 'csrf');
  const cookie = getCookie(c, name);
  const secret = cookie && SECRET.test(cookie) ? cookie : null;
  if (UNSAFE.has(c.req.method)) {
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const given = body._csrf;
    if (!secret || typeof given !== 'string' || !safeEqual(given, sign(config.sessionSecret, secret))) {
      throw new AppError('csrf', 'missing or invalid CSRF token');
    }
  }
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
};

const sign = (key: string, secret: string) => createHmac('sha256', key).update(secret).digest('base64url');

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
