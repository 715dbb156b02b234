import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from '../../deps.ts';
import type { AppEnv } from '../context.ts';
import { messages } from '../i18n/index.ts';
import { langOfPath } from '../paths.ts';

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
      log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request');
    },
  ];
}

/** Strict security headers: no inline script or style, no framing, no third-party origins. */
export const securityHeaders = (https: boolean) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
      ...(https ? { upgradeInsecureRequests: [] } : {}),
    },
    strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });

/** The page language comes from the path: /en/... is English, everything else Danish. */
export const language: MiddlewareHandler<AppEnv> = async (c, next) => {
  const lang = langOfPath(c.req.path);
  c.set('lang', lang);
  c.set('m', messages(lang));
  await next();
};
