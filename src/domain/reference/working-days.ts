/**
 * Danish working days: Monday to Friday, except the public holidays (helligdage) of the
 * Danish calendar. Dates are calendar dates (YYYY-MM-DD) in Danish time; see copenhagenDate.
 * Store bededag (the fourth Friday after Easter) was a public holiday until 2023 and is not
 * from 2024. Grundlovsdag (5 June), Christmas Eve and New Year's Eve are days off for many by
 * agreement, not public holidays, and count as working days here.
 */

const DAY_MS = 86_400_000;

const toUtc = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Adds whole days to a calendar date. */
export const addDays = (date: string, days: number): string => fromUtc(toUtc(date) + days * DAY_MS);

/** Easter Sunday of a year in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, ReadonlySet<string>>();

/** The Danish public holidays of a year. */
export function danishPublicHolidays(year: number): ReadonlySet<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  // Days relative to Easter Sunday: Maundy Thursday, Good Friday, Easter Sunday and Monday,
  // Ascension Day, Whit Sunday and Monday; Store bededag until 2023.
  const relative = [-3, -2, 0, 1, 39, 49, 50, ...(year <= 2023 ? [26] : [])];
  const days = new Set([
    `${year}-01-01`,
    ...relative.map((offset) => addDays(easter, offset)),
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
  holidayCache.set(year, days);
  return days;
}

export function isWorkingDay(date: string): boolean {
  const weekday = new Date(toUtc(date)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !danishPublicHolidays(Number(date.slice(0, 4))).has(date);
}

/** The working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysAfter(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
  return count;
}

/**
 * The latest date from which more than `days` working days have passed by `today`: whatever
 * started on that date or before has waited more than `days` working days.
 */
export function waitedMoreThanSince(days: number, today: string): string {
  let passed = 0;
  let day = today;
  // Walk back over the working days up to today until one more than `days` lie after `day`.
  while (passed <= days) {
    if (isWorkingDay(day)) passed++;
    day = addDays(day, -1);
  }
  return day;
}
