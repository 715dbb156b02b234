import type { MiddlewareHandler } from 'hono';
import { AppError, notFound } from '../../domain/errors.ts';
import { isUuid } from '../../domain/ids.ts';
import { API_UUID_PARAMETERS } from '../api/index.ts';
import type { AppEnv } from '../context.ts';
import { type IdKind, matchPage, PAGE_IDS } from '../paths.ts';

/**
 * The one check of what a request names, before any page or API route runs:
 *
 * - A NUL character (which PostgreSQL refuses in text) or a malformed %-escape anywhere in the
 *   path or the query is refused with 400: no page has a use for either, and refusing says
 *   clearly what is wrong where stripping would quietly answer for another address.
 * - An id parameter of the wrong shape (paths.ts `PAGE_IDS`, the API's `format: uuid`) is
 *   answered 404, signed in or not, as any unknown id is.
 *
 * Form fields are checked by `formInput` once the CSRF check has read the form.
 */
export const requestInput: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = c.req.url;
  const rawPath = url.slice(url.indexOf('/', url.indexOf('//') + 2)).split(/[?#]/, 1)[0] ?? '/';
  const segments = rawPath.split('/').map(decodedOrNull);
  if (segments.some((s) => s === null || hasNul(s))) throw badRequest('the address');
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1).split('#', 1)[0] : '';
  if (query && !queryIsClean(query)) throw badRequest('the query');
  if (!idsFit(c.req.path)) throw notFound('page');
  await next();
};

/** Refuses a posted form with a NUL character in any field (read by the CSRF check before). */
export const formInput: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'POST' && !c.req.path.startsWith('/api/')) {
    const fields = c.get('form')?.fields ?? (await c.req.parseBody({ all: true }).catch(() => ({})));
    for (const [name, value] of Object.entries(fields)) {
      if (hasNul(name) || [value].flat().some((v) => typeof v === 'string' && hasNul(v)))
        throw badRequest('a form field');
    }
  }
  await next();
};

const hasNul = (s: string) => s.includes('\u0000');

const badRequest = (where: string) =>
  new AppError('bad_request', `${where} holds a NUL character or a malformed %-escape`);

function decodedOrNull(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Names and values of the query, as application/x-www-form-urlencoded decodes them. */
function queryIsClean(query: string): boolean {
  return query
    .split('&')
    .flatMap((pair) => pair.split('='))
    .every((part) => {
      const decoded = decodedOrNull(part.replace(/\+/g, ' '));
      return decoded !== null && !hasNul(decoded);
    });
}

const FITS: Record<IdKind, (value: string) => boolean> = {
  uuid: isUuid,
  // The identity columns are bigint; 15 digits stay exact as a JavaScript number.
  integer: (value) => /^\d{1,15}$/.test(value),
};

/** Whether every id in the path has its kind's shape (`path` is decoded, as the router sees it). */
function idsFit(path: string): boolean {
  if (path.startsWith('/api/')) {
    const route = API_UUID_PARAMETERS.find((r) => r.pattern.test(path));
    if (!route) return true;
    const values = route.pattern.exec(path)?.slice(1) ?? [];
    return route.uuids.every((name) => isUuid(values[route.names.indexOf(name)] ?? ''));
  }
  const page = matchPage(path);
  const ids = page ? PAGE_IDS[page.page] : undefined;
  if (!page || !ids) return true;
  return Object.entries(ids).every(([name, kind]) => FITS[kind](page.params[name] ?? ''));
}
