/**
 * The caller's agenda as files: iCalendar (one VEVENT per placed meeting, through the events'
 * calendar writer) and a printable PDF (through the record-style PDF writer of src/reports).
 */
import { PassThrough, Readable } from 'node:stream';
import { buildCalendar } from '../../../domain/content/ical.ts';
import { notFound } from '../../../domain/errors.ts';
import { agendaOf } from '../../../domain/matchmaking/queries.ts';
import { formatClock, formatDay } from '../../../domain/reference/danish.ts';
import { PDF_TYPE, writePersonalDataPdf } from '../../../reports/personal-data-pdf.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { matchmakingMessages } from './messages.ts';

async function agendaOfPage(c: AppContext) {
  const { db, clock } = c.get('deps');
  const found = await agendaOf(db, callerOf(c), c.req.param('slug') ?? '', clock());
  if (!found.event.settings) throw notFound('Matchmaking');
  return found;
}

export async function calendarDownload(c: AppContext): Promise<Response> {
  const { clock, config } = c.get('deps');
  const lang = c.get('lang');
  const { event, agenda } = await agendaOfPage(c);
  const site = config.publicUrl.replace(/\/$/, '');
  const body = buildCalendar({
    name: matchmakingMessages(lang).calendarName(event.title),
    host: new URL(site).hostname,
    now: clock(),
    events: agenda.map((a) => ({
      id: `meeting-${a.requestId}`,
      title: `${a.withName} (${a.withOrganisation})`,
      summary: event.title,
      location: [a.table, event.location].filter(Boolean).join(', '),
      url: site + pageHref('matchmaking', lang, { slug: event.slug }),
      lang,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      updatedAt: a.startsAt,
    })),
  });
  return c.body(body, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Cache-Control': 'private, no-store',
    'Content-Disposition': `attachment; filename="${event.slug}-agenda.ics"`,
  });
}

export async function pdfDownload(c: AppContext): Promise<Response> {
  const lang = c.get('lang');
  const t = matchmakingMessages(lang);
  const { event, agenda } = await agendaOfPage(c);
  const user = callerOf(c).actor.label;
  const out = new PassThrough();
  writePersonalDataPdf(
    {
      lang,
      title: t.calendarName(event.title),
      facts: [
        [t.participant, user],
        [t.day, formatDay(event.startsAt, lang)],
      ],
      sections: [
        {
          title: t.agendaHeading,
          empty: t.noMeetings,
          rows: agenda.map((a): [string, string][] => [
            [t.time, `${formatClock(a.startsAt, lang)}–${formatClock(a.endsAt, lang)}`],
            [t.table, a.table],
            [t.with, `${a.withName} (${a.withOrganisation})`],
          ]),
        },
      ],
      page: t.page,
    },
    out,
  ).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return c.body(Readable.toWeb(out) as ReadableStream, 200, {
    'Content-Type': PDF_TYPE,
    'Cache-Control': 'private, no-store',
    'Content-Disposition': `attachment; filename="${t.pdfFile}-${event.slug}.pdf"`,
  });
}
