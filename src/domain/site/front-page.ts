/** What the front page shows: the programme's key figures, national clusters and the latest items. */
import type { Queryable } from '../../db/client.ts';
import { listPublicCalls } from '../calls/listing.ts';
import { nationalClusters, programmeFigures } from '../catalogue/queries.ts';
import { listPublishedEvents, listPublishedPosts } from '../content/queries.ts';

/** The programme period the front page summarises. */
export const FRONT_PAGE_PERIOD = { from: 2021, to: 2023 } as const;

/** Items per column on the front page. */
const SHOWN = 3;

/** The programme totals over the period (distinct companies, counted in SQL). */
export const frontPageFigures = (db: Queryable) =>
  programmeFigures(db, FRONT_PAGE_PERIOD.from, FRONT_PAGE_PERIOD.to);

/** The national clusters of the period's first year, the newest news, the next events and open calls. */
export async function frontPageItems(db: Queryable, now: Date) {
  const [national, news, upcoming, calls] = await Promise.all([
    nationalClusters(db, FRONT_PAGE_PERIOD.from),
    listPublishedPosts(db, 'news', { page: 1 }, now),
    listPublishedEvents(db, { page: 1, when: 'upcoming' }, now),
    listPublicCalls(db, { page: 1 }, now),
  ]);
  return {
    national,
    news: news.items.slice(0, SHOWN),
    events: upcoming.items.slice(0, SHOWN),
    openCalls: calls.items.filter((call) => call.open).slice(0, SHOWN),
  };
}
export type FrontPageItems = Awaited<ReturnType<typeof frontPageItems>>;
