/**
 * Danish local time. Deadlines and event times are entered and shown as Europe/Copenhagen wall
 * clock time but stored as instants, so every conversion goes through here and handles the two
 * daylight-saving changes a year explicitly.
 */
export const DANISH_TIME_ZONE = 'Europe/Copenhagen';

const DAY_MS = 86_400_000;

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: DANISH_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallParts(instant: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of wallClock.formatToParts(new Date(instant)))
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Milliseconds Danish wall clock time is ahead of UTC at an instant (1 or 2 hours). */
function offsetAt(instant: number): number {
  const p = wallParts(instant);
  const wall = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isIsoDate = (s: string): boolean => naiveUtc(s, '00:00') !== null;
export const isClockTime = (s: string): boolean => TIME_RE.test(s);

/** The wall clock reading as if it were UTC; null for impossible dates like 2027-02-30. */
function naiveUtc(date: string, time: string): number | null {
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time);
  if (!d || !t) return null;
  const [y, mo, da] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const ms = Date.UTC(y, mo - 1, da, Number(t[1]), Number(t[2]));
  const check = new Date(ms);
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === da
    ? ms
    : null;
}

/**
 * The instant of a Danish date and time ('2027-03-01', '12:00'). An ambiguous time in the autumn
 * change means the first (summer time) one; a time skipped in the spring change moves forward by
 * the hour skipped, as calendars do. Null when the date or time is not valid.
 */
export function danishTimeToInstant(date: string, time: string): Date | null {
  const naive = naiveUtc(date, time);
  if (naive === null) return null;
  const offsets = [...new Set([offsetAt(naive - DAY_MS), offsetAt(naive + DAY_MS)])];
  const valid = offsets.map((o) => naive - o).filter((t) => offsetAt(t) === naive - t);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(naive - offsetAt(naive - DAY_MS));
}

/** Date ('YYYY-MM-DD') and time ('HH:MM') of an instant on the Danish wall clock. */
export function instantToDanishTime(instant: Date): { date: string; time: string } {
  const p = wallParts(instant.getTime());
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return {
    date: `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}`,
    time: `${two(p.hour)}:${two(p.minute)}`,
  };
}

/** The instants a Danish calendar month ('2026-11') begins and ends. */
export function danishMonthRange(month: string): { from: Date; to: Date } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  const from = danishTimeToInstant(`${month}-01`, '00:00');
  const to = danishTimeToInstant(next, '00:00');
  return from && to ? { from, to } : null;
}

/** An ISO date a number of days from another, for dates relative to a reference day. */
export function addDays(isoDate: string, days: number): string {
  const ms = Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}
