/**
 * iCalendar (RFC 5545) for events. Times are written in UTC ("Z"), which every calendar converts
 * to its user's zone, so no VTIMEZONE block is needed and daylight-saving changes cannot shift
 * an event; X-WR-TIMEZONE tells clients which zone the organiser thinks in.
 */
import { DANISH_TIME_ZONE } from './time.ts';

export interface CalendarEvent {
  id: string;
  title: string;
  summary: string;
  location: string;
  url: string;
  lang: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
}

export interface Calendar {
  name: string;
  /** Host name used in UIDs, so they are unique beyond this site. */
  host: string;
  /** When the calendar is generated (DTSTAMP). */
  now: Date;
  events: readonly CalendarEvent[];
}

/** 20261124T090000Z */
export function icalUtc(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

// Control characters are not allowed in TEXT values; user input could carry them in.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545, 3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL, '');
}

const encoder = new TextEncoder();

/** Lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function eventLines(e: CalendarEvent, cal: Calendar): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.id}@${cal.host}`,
    `DTSTAMP:${icalUtc(cal.now)}`,
    `DTSTART:${icalUtc(e.startsAt)}`,
  ];
  // Without DTEND an event with a start time ends when it starts (RFC 5545, 3.6.1).
  if (e.endsAt > e.startsAt) lines.push(`DTEND:${icalUtc(e.endsAt)}`);
  lines.push(`LAST-MODIFIED:${icalUtc(e.updatedAt)}`, `SUMMARY;LANGUAGE=${e.lang}:${escapeText(e.title)}`);
  if (e.summary) lines.push(`DESCRIPTION;LANGUAGE=${e.lang}:${escapeText(e.summary)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  lines.push(`URL:${e.url}`, 'END:VEVENT');
  return lines;
}

export function buildCalendar(cal: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Klyngeportalen//Arrangementer//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `X-WR-TIMEZONE:${DANISH_TIME_ZONE}`,
    ...cal.events.flatMap((e) => eventLines(e, cal)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
