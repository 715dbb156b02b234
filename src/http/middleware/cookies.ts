import type { CookieOptions } from 'hono/utils/cookie';
import type { Config } from '../../config.ts';

/**
 * Cookie names and flags. Over https the names get the __Host- prefix (Secure, no Domain,
 * Path=/), which stops a sibling subdomain from planting them.
 */
export function cookieName(
  config: Pick<Config, 'secureCookies'>,
  base: 'session' | 'csrf' | 'login',
): string {
  return config.secureCookies ? `__Host-klynge_${base}` : `klynge_${base}`;
}

export function cookieOptions(config: Pick<Config, 'secureCookies'>, maxAgeSeconds?: number): CookieOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}
