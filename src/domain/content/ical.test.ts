import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, icalUtc } from './ical.ts';
import { danishTimeToInstant } from './time.ts';

const at = (date: string, time: string) => danishTimeToInstant(date, time) as Date;

const calendar = () =>
  buildCalendar({
    name: 'Klyngeportalen: arrangementer',
    host: 'klyngeportalen.dk',
    now: new Date('2026-11-26T12:34:56.789Z'),
    events: [
      {
        id: '6f1c2a4e-9b7d-4c3a-8e5f-0a1b2c3d4e5f',
        title: 'Årsmøde; klynger, netværk og\\brint',
        summary: 'Linje et\nLinje to',
        location: 'Odense Congress Center, Odense',
        url: 'https://klyngeportalen.dk/arrangementer/aarsmoede',
        lang: 'da',
        // Across the night clocks go back: 01:30 summer time to 03:30 winter time is three hours.
        startsAt: at('2026-10-25', '01:30'),
        endsAt: at('2026-10-25', '03:30'),
        updatedAt: new Date('2026-10-01T08:00:00Z'),
      },
    ],
  });

describe('iCalendar', () => {
  it('writes UTC times', () => {
    expect(icalUtc(new Date('2027-03-28T01:30:00.000Z'))).toBe('20270328T013000Z');
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'æ'.repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('writes a calendar with the required properties and CRLF line ends', () => {
    const ics = calendar();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('UID:6f1c2a4e-9b7d-4c3a-8e5f-0a1b2c3d4e5f@klyngeportalen.dk\r\n');
    expect(unfolded).toContain('DTSTAMP:20261126T123456Z\r\n');
    expect(unfolded).toContain('DTSTART:20261024T233000Z\r\n');
    expect(unfolded).toContain('DTEND:20261025T023000Z\r\n');
    expect(unfolded).toContain('SUMMARY;LANGUAGE=da:Årsmøde\\; klynger\\, netværk og\\\\brint\r\n');
    expect(unfolded).toContain('DESCRIPTION;LANGUAGE=da:Linje et\\nLinje to\r\n');
    expect(unfolded).toContain('LOCATION:Odense Congress Center\\, Odense\r\n');
    expect(unfolded).toContain('URL:https://klyngeportalen.dk/arrangementer/aarsmoede\r\n');
  });

  it('leaves out DTEND when an event ends when it starts', () => {
    const ics = buildCalendar({
      name: 'x',
      host: 'h',
      now: new Date(),
      events: [
        {
          id: 'a',
          title: 't',
          summary: '',
          location: '',
          url: 'https://h/a',
          lang: 'da',
          startsAt: new Date('2027-01-01T10:00:00Z'),
          endsAt: new Date('2027-01-01T10:00:00Z'),
          updatedAt: new Date(),
        },
      ],
    });
    expect(ics).not.toContain('DTEND');
    expect(ics).not.toContain('LOCATION');
  });
});
