import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { siteUrl } from '../request.ts';

/** Query parameters of a paged list: the page, from 1, and rows per page. */
export const pagingShape = {
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(1)
    .meta({ description: 'Page, from 1', example: 1 }),
  perPage: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .meta({ description: 'Rows per page, at most 1000', example: 100 }),
};

/** Links to the next and previous page, keeping the other query parameters. */
export function pageLinks(c: AppContext, page: number, perPage: number, total: number) {
  const url = new URL(c.req.url);
  const at = (p: number) => {
    url.searchParams.set('page', String(p));
    return siteUrl(c, `${url.pathname}${url.search}`);
  };
  return {
    next: page * perPage < total ? at(page + 1) : null,
    prev: page > 1 ? at(page - 1) : null,
  };
}

/** A time as the API writes it: ISO 8601 in UTC. */
export const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
