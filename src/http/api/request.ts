import type { ErrorHandler, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../domain/errors.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { errorHandler } from '../errors.tsx';

/** Query parameters that do not fit their schema: the client's mistake, answered with 400. */
export class InvalidQuery extends AppError {
  constructor(issues: FieldIssue[]) {
    super(
      'validation',
      `Invalid query parameters: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
}

/** A request the API cannot take as it is: 400 for a malformed body, 415 for a body of another type. */
export class ApiStatusError extends AppError {
  constructor(
    readonly status: 400 | 415,
    message: string,
    issues: FieldIssue[] = [],
  ) {
    super('validation', message, issues);
  }
}

/** The request's query parameters, validated; throws InvalidQuery with one issue per parameter. */
export function parseQuery<T extends z.ZodType>(c: AppContext, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  throw new InvalidQuery(
    parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'query', message: i.message })),
  );
}

/** 429 with the seconds until the next request is allowed, as Retry-After. */
/** A presented API token that is refused (RFC 6750 `invalid_token`), e.g. because it expired. */
export class ApiTokenRefused extends AppError {
  constructor(message: string) {
    super('unauthenticated', message);
  }
}

export class ApiRateLimited extends AppError {
  constructor(
    readonly retryAfter: number,
    message: string,
  ) {
    super('rate_limited', message);
  }
}

/**
 * Errors of the API routes: invalid parameters are a 400 here; everything else goes to the
 * application's error handler, which answers JSON for every path under /api/.
 */
export const apiErrorHandler: ErrorHandler<AppEnv> = async (err, c) => {
  if (err instanceof InvalidQuery) {
    return c.json({ error: { code: 'bad_request', message: err.message, issues: err.issues } }, 400);
  }
  if (err instanceof ApiStatusError) {
    const code = err.status === 415 ? 'unsupported_media_type' : 'bad_request';
    return c.json({ error: { code, message: err.message, issues: err.issues } }, err.status);
  }
  const res = await errorHandler(err, c);
  // Token-authenticated endpoints say how to authenticate (RFC 6750).
  if (err instanceof ApiTokenRefused)
    res.headers.set(
      'WWW-Authenticate',
      `Bearer realm="klyngeportalen", error="invalid_token", error_description="${err.message}"`,
    );
  else if (err instanceof AppError && err.code === 'unauthenticated')
    res.headers.set('WWW-Authenticate', 'Bearer realm="klyngeportalen"');
  if (err instanceof ApiRateLimited) res.headers.set('Retry-After', String(err.retryAfter));
  return res;
};

const PUBLIC_CACHE = 'public, max-age=60';
/** An open-data answer that is someone's own (preliminary figures): no cache may keep it. */
export const PRIVATE = 'private, no-store';

/**
 * What every open-data response gets: CORS for any origin (read-only, no credentials), short
 * public caching with an ETag, and no cookies. The site's CSRF middleware sets a cookie on
 * every response; a response that shared caches may store must not carry one.
 */
export function openData(): MiddlewareHandler<AppEnv>[] {
  return [
    cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag', 'X-Request-Id'] }),
    etag(),
    async (c, next) => {
      await next();
      if (c.res.headers.get('Cache-Control') !== PRIVATE)
        c.res.headers.set(
          'Cache-Control',
          c.res.status >= 200 && c.res.status < 300 ? PUBLIC_CACHE : 'no-store',
        );
      c.res.headers.delete('Set-Cookie');
      c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    },
  ];
}

/**
 * What every response of the token-authenticated API gets: never stored by any cache, no
 * cookies, and no CORS (it is for systems, not for pages on other sites).
 */
export function tokenApi(): MiddlewareHandler<AppEnv>[] {
  return [
    async (c, next) => {
      await next();
      c.res.headers.set('Cache-Control', 'no-store');
      c.res.headers.set('Vary', 'Authorization');
      c.res.headers.delete('Set-Cookie');
    },
  ];
}

/** An absolute URL on this site, for links in API responses. */
export function siteUrl(c: AppContext, path: string): string {
  return new URL(path, c.get('deps').config.publicUrl).toString();
}
