import type { Hono } from 'hono';
import { buildCalendar, type CalendarEvent } from '../../../domain/content/ical.ts';
import {
  type EventSummary,
  publishedEvent,
  upcomingPublishedEvents,
} from '../../../domain/content/queries.ts';
import { notFound } from '../../../domain/errors.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { LANGS, type Lang, PAGES, pageHref } from '../../paths.ts';
import { contentMessages } from './messages.ts';

/** iCalendar downloads: every upcoming event (/arrangementer.ics) and one event (…/:slug/ics). */
export const calendarHref = (lang: Lang) => `${PAGES.events[lang]}.ics`;
export const eventCalendarHref = (lang: Lang, slug: string) => `${pageHref('event', lang, { slug })}/ics`;

function calendarResponse(c: AppContext, lang: Lang, events: EventSummary[], filename?: string): Response {
  const { config, clock } = c.get('deps');
  const site = config.publicUrl.replace(/\/$/, '');
  const items: CalendarEvent[] = events.map((e) => ({
    id: e.id,
    title: e.title,
    summary: e.summary,
    location: [e.location, e.municipalityName, e.onlineUrl].filter(Boolean).join(', '),
    url: site + pageHref('event', lang, { slug: e.slug }),
    lang: e.lang,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    updatedAt: e.updatedAt,
  }));
  const body = buildCalendar({
    name: contentMessages(lang).events.calendarName,
    host: new URL(site).hostname,
    now: clock(),
    events: items,
  });
  return c.body(body, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Cache-Control': 'public, max-age=300',
    ...(filename ? { 'Content-Disposition': `attachment; filename="${filename}.ics"` } : {}),
  });
}

export function registerCalendars(app: Hono<AppEnv>): void {
  for (const lang of LANGS) {
    app.get(calendarHref(lang), async (c) => {
      const { db, clock } = c.get('deps');
      return calendarResponse(c, lang, await upcomingPublishedEvents(db, clock()));
    });
    app.get(`${PAGES.event[lang]}/ics`, async (c) => {
      const { db, clock } = c.get('deps');
      // Drafts have no calendar file, not even for their editors: it would leak when forwarded.
      const event = await publishedEvent(db, c.req.param('slug') ?? '', clock());
      if (!event) throw notFound('event');
      return calendarResponse(c, lang, [event], event.slug);
    });
  }
}
