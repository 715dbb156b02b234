import { instantToDanishTime } from '../../../domain/content/time.ts';
import { formatClock, formatDateTime } from '../../i18n/index.ts';
import type { Lang } from '../../paths.ts';

/** Dates and times of this area, always on the Danish wall clock (src/domain/reference/danish.ts). */
export { formatClock, formatDay, formatMonth } from '../../i18n/index.ts';

/** 1. marts 2027 kl. 12.00 */
export const formatDayAndTime = formatDateTime;

/** An event's time: one date with a time span on the same day, otherwise both ends in full. */
export function formatEventSpan(start: Date, end: Date, lang: Lang): string {
  const sameDay = instantToDanishTime(start).date === instantToDanishTime(end).date;
  const to = sameDay ? formatClock(end, lang) : formatDayAndTime(end, lang);
  return `${formatDayAndTime(start, lang)} – ${to}`;
}

/** A machine-readable date around its human text. */
export function Time({ at, text }: { at: Date; text: string }) {
  return <time datetime={at.toISOString()}>{text}</time>;
}

/** The months a filter offers: 'YYYY-MM' from `from` months before to `to` months after this month. */
export function monthsAround(now: Date, from: number, to: number): string[] {
  const [year, month] = instantToDanishTime(now).date.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = from; i <= to; i++) {
    const index = year * 12 + (month - 1) + i;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}
