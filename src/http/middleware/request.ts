import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import type { Deps } from '../../deps.ts';
import type { AppEnv } from '../context.ts';
import { messages } from '../i18n/index.ts';
import { langOfPath, loggablePath } from '../paths.ts';

/** Request id (echoed as X-Request-Id), a per-request logger and one access-log line per request. */
export function requestLogging(deps: Deps): MiddlewareHandler<AppEnv>[] {
  return [
    requestId({ headerName: 'X-Request-Id', limitLength: 64 }),
    async (c, next) => {
      const started = performance.now();
      const log = deps.logger.child({ requestId: c.get('requestId') });
      c.set('deps', deps);
      c.set('log', log);
      await next();
      const ms = Math.round((performance.now() - started) * 10) / 10;
      log.info({ method: c.req.method, path: loggablePath(c.req.path), status: c.res.status, ms }, 'request');
    },
  ];
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
];

/**
 * Strict security headers: no inline script or style, no framing, no third-party origins. They
 * are computed once and set before the handler runs, so a handler can still override one, and
 * the response is built with them in one go (setting headers on a finished response makes the
 * server copy it: measurable on every page).
 */
export function securityHeaders(https: boolean): MiddlewareHandler {
  const headers: [string, string][] = [
    ['Content-Security-Policy', [...CSP, ...(https ? ['upgrade-insecure-requests'] : [])].join('; ')],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Origin-Agent-Cluster', '?1'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ...(https
      ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as [string, string]]
      : []),
    ['X-Content-Type-Options', 'nosniff'],
    ['X-DNS-Prefetch-Control', 'off'],
    ['X-Download-Options', 'noopen'],
    ['X-Frame-Options', 'SAMEORIGIN'],
    ['X-Permitted-Cross-Domain-Policies', 'none'],
    ['X-XSS-Protection', '0'],
  ];
  return async (c, next) => {
    for (const [name, value] of headers) c.header(name, value);
    await next();
  };
}

/** The page language comes from the path: /en/... is English, everything else Danish. */
export const language: MiddlewareHandler<AppEnv> = async (c, next) => {
  const lang = langOfPath(c.req.path);
  c.set('lang', lang);
  c.set('m', messages(lang));
  await next();
};
