import { z } from 'zod';
import { activitiesOfYear } from '../../../domain/reporting/activities/of-year.ts';
import type { AppContext } from '../../context.ts';
import { parseQuery } from '../request.ts';
import { iso, pageLinks, pagingShape } from './paging.ts';
import { tokenOf } from './token.ts';

/** The query of GET /v1/activities: a year, optionally one cluster, and a page. */
export const activitiesShape = {
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .meta({ description: 'Activities that start in this year', example: 2025 }),
  cluster: z
    .string()
    .regex(/^\d{8}$/, 'must be a CVR number of 8 digits')
    .optional()
    .meta({ description: "Only this cluster organisation's activities, by CVR (funders' tokens)" }),
  ...pagingShape,
};
const activitiesQuery = z.object(activitiesShape);

/** The activities of a year: of the token's cluster, or for a funder's token of every cluster or one. */
export async function listActivitiesRoute(c: AppContext) {
  const { caller: token } = await tokenOf(c);
  const q = parseQuery(c, activitiesQuery);
  const { total, rows } = await activitiesOfYear(c.get('deps').db, token, {
    year: q.year,
    clusterCvr: q.cluster,
    limit: q.perPage,
    offset: (q.page - 1) * q.perPage,
  });
  return c.json({
    data: rows.map((r) => ({ ...r, updatedAt: iso(r.updatedAt) })),
    meta: { year: q.year, total, page: q.page, perPage: q.perPage },
    links: pageLinks(c, q.page, q.perPage, total),
  });
}
