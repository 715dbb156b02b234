import type { Hono } from 'hono';
import { type FeedEntry, rssFeed } from '../../../domain/content/feeds.ts';
import { buildCalendar } from '../../../domain/content/ical.ts';
import { activityFilter, clusterActivityFeed } from '../../../domain/hubs/activities.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, LANGS, type Lang, PAGES, pageHref } from '../../paths.ts';
import { hubMessages } from './messages.ts';
import { filterQuery } from './views/activities.tsx';

/**
 * The calendar (iCal) and RSS feeds of the clusters' activities, one per filter: the same query
 * string as the list page (/erhvervshus/aktiviteter.ics?region=1083).
 */
export const activityCalendarHref = (lang: Lang) => `${PAGES.hubActivities[lang]}.ics`;
export const activityRssHref = (lang: Lang) => `${PAGES.hubActivities[lang]}/rss.xml`;

/** The feeds' addresses for the filter of a list page. */
export function activityFeedHrefs(lang: Lang, query: Record<string, string>) {
  const qs = new URLSearchParams(query).toString();
  const withQuery = (path: string) => (qs ? `${path}?${qs}` : path);
  return { ical: withQuery(activityCalendarHref(lang)), rss: withQuery(activityRssHref(lang)) };
}

async function feedActivities(c: AppContext) {
  const { db, clock, config } = c.get('deps');
  const now = clock();
  const f = activityFilter.parse(c.req.query());
  const activities = await clusterActivityFeed(db, callerOf(c), f, now);
  return { activities, now, site: config.publicUrl.replace(/\/$/, ''), query: filterQuery(f) };
}

async function calendar(c: AppContext, lang: Lang): Promise<Response> {
  const { activities, now, site } = await feedActivities(c);
  const body = buildCalendar({
    name: hubMessages(lang).feedTitle,
    host: new URL(site).hostname,
    now,
    events: activities.map((a) => ({
      id: a.id,
      title: a.title,
      summary: a.summary,
      location: [a.location, a.municipalityName, a.onlineUrl].filter(Boolean).join(', '),
      url: site + pageHref('event', lang, { slug: a.slug }),
      lang: a.lang,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      updatedAt: a.updatedAt,
    })),
  });
  return c.body(body, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Cache-Control': 'private, max-age=300',
    'Content-Disposition': 'attachment; filename="klyngeaktiviteter.ics"',
  });
}

async function rss(c: AppContext, lang: Lang): Promise<Response> {
  const { activities, now, site, query } = await feedActivities(c);
  const t = hubMessages(lang);
  const entries: FeedEntry[] = activities.map((a) => ({
    id: a.id,
    title: a.title,
    url: site + pageHref('event', lang, { slug: a.slug }),
    summary: a.summary,
    author: a.clusterName,
    lang: a.lang,
    published: a.publishedAt,
    updated: new Date(Math.max(a.updatedAt.getTime(), a.publishedAt.getTime())),
  }));
  const qs = new URLSearchParams(query).toString();
  const body = rssFeed(
    {
      title: t.feedTitle,
      description: t.feedDescription,
      siteUrl: site + href('hubActivities', lang, query),
      feedUrl: site + activityRssHref(lang) + (qs ? `?${qs}` : ''),
      lang,
      generatedAt: now,
    },
    entries,
  );
  return c.body(body, 200, {
    'Content-Type': 'application/rss+xml; charset=utf-8',
    'Cache-Control': 'private, max-age=300',
  });
}

export function registerActivityFeeds(app: Hono<AppEnv>): void {
  for (const lang of LANGS) {
    app.get(activityCalendarHref(lang), (c) => calendar(c, lang));
    app.get(activityRssHref(lang), (c) => rss(c, lang));
  }
}
