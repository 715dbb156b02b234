/**
 * Numbers, amounts and dates as people in Denmark write and read them: the one parser of what a
 * form receives and the one formatter of what pages, letters and reports show (English pages
 * get the same values in English). Forms read numbers the Danish way (`12,5`, `10.000`,
 * `8.000.000`, `8 000 000 kr.`) and dates as day, month and year (DKFDS's date input); pages
 * show numbers with Danish separators, dates in words and times without seconds.
 */
import { z } from 'zod';
import { DANISH_TIME_ZONE, danishTimeToInstant } from '../content/time.ts';

export type Language = 'da' | 'en';

// --- parsing ---

/** Why a typed number was refused: the message keys forms turn into texts naming their field. */
export type NumberProblem = 'number' | 'wholeNumber' | 'tooSmall' | 'tooLarge';

/**
 * A number as a person types it: spaces and a trailing `kr.`/`DKK` ignored, points between groups
 * of three digits read as thousands separators and a comma as the decimal mark (`1.234,5`). A lone
 * point before other than three digits is a decimal point (`12.5`), as people also type that.
 * Null for an empty field, NaN for text that is not a number.
 */
export function parseDanishNumber(raw: string): number | null {
  const compact = raw.replace(/\s+|\u00a0/g, '');
  if (compact === '') return null;
  const s = compact.replace(/(kr\.?|dkk)$/i, '').replace(/^\+/, '');
  const grouped = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s);
  const plain = grouped ? s.replace(/\./g, '') : s;
  if (!/^-?(\d+([.,]\d+)?|[.,]\d+)$/.test(plain)) return Number.NaN;
  return Number(plain.replace(',', '.'));
}

export interface NumberRule {
  /** Only whole numbers (the default); otherwise at most `decimals` decimals. */
  decimals?: number;
  min?: number;
  max?: number;
}

/** A parsed number checked against its rule: the value, or what is wrong with it. */
export function checkDanishNumber(
  raw: string,
  rule: NumberRule = {},
): { value: number | null } | { problem: NumberProblem } {
  const value = parseDanishNumber(raw);
  if (value === null) return { value: null };
  if (Number.isNaN(value)) return { problem: 'number' };
  const decimals = rule.decimals ?? 0;
  if (Math.round(value * 10 ** decimals) !== value * 10 ** decimals)
    return { problem: decimals === 0 ? 'wholeNumber' : 'number' };
  if (rule.min !== undefined && value < rule.min) return { problem: 'tooSmall' };
  if (rule.max !== undefined && value > rule.max) return { problem: 'tooLarge' };
  return { value };
}

/**
 * A zod schema of a typed Danish number, null when the field is empty. A refusal's message is a
 * NumberProblem, which the form turns into a text naming its field.
 */
export function danishNumber(rule: NumberRule = {}) {
  return z.string().transform((raw, ctx): number | null => {
    const checked = checkDanishNumber(raw, rule);
    if (!('problem' in checked)) return checked.value;
    ctx.addIssue({ code: 'custom', message: checked.problem });
    return z.NEVER;
  });
}

/** A typed Danish number that must be given: 'required' when the field is empty. */
export function requiredDanishNumber(rule: NumberRule = {}) {
  return danishNumber(rule).transform((value, ctx): number => {
    if (value !== null) return value;
    ctx.addIssue({ code: 'custom', message: 'required' });
    return z.NEVER;
  });
}

/**
 * For z.preprocess: a string is read as a typed Danish number (undefined when empty, NaN when not
 * a number), anything else passes through, so one schema serves a form and a command.
 */
export function fromDanishText(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  return parseDanishNumber(v) ?? undefined;
}

/** The three fields of a DKFDS date input, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/**
 * A date from its day, month and year fields: 'YYYY-MM-DD', '' when all three are empty, and
 * null when they do not make a real date (31 6 2027, a two-digit year, letters).
 */
export function isoDateOfParts(parts: DateParts): string | null {
  const [d, m, y] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (d === '' && m === '' && y === '') return '';
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return danishTimeToInstant(iso, '00:00') ? iso : null;
}

/** The day, month and year fields of a stored date ('2027-03-01' → 1, 3, 2027). */
export function partsOfIsoDate(iso: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return { day: '', month: '', year: '' };
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] as string };
}

/** Whether `day` is YYYY-MM-DD of a day that exists (no 30 February). */
export const isCalendarDay = (day: string): boolean => isoDateOfParts(partsOfIsoDate(day)) === day;

// --- formatting ---

const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

/** Building an Intl formatter costs far more than using one: each is made once per language. */
function perLanguage<T>(make: (locale: string) => T): Record<Language, T> {
  return { da: make(LOCALES.da), en: make(LOCALES.en) };
}

const numbers = perLanguage((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 2 }));
const oneDecimal = perLanguage((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 1 }));
const zone = { timeZone: DANISH_TIME_ZONE } as const;
const days = perLanguage((l) => new Intl.DateTimeFormat(l, { ...zone, dateStyle: 'long' }));
const calendarDays = perLanguage((l) => new Intl.DateTimeFormat(l, { timeZone: 'UTC', dateStyle: 'long' }));
const daysAndTimes = perLanguage(
  (l) => new Intl.DateTimeFormat(l, { ...zone, dateStyle: 'long', timeStyle: 'short' }),
);
const clocks = perLanguage((l) => new Intl.DateTimeFormat(l, { ...zone, timeStyle: 'short' }));
const months = perLanguage((l) => new Intl.DateTimeFormat(l, { ...zone, month: 'long', year: 'numeric' }));

/** 10.000 · 12,5 (at most two decimals; English: 10,000 · 12.5). */
export function formatNumber(n: number, lang: Language): string {
  return numbers[lang].format(n);
}

/** 12,5 (at most one decimal): shares and averages. */
export function formatOneDecimal(n: number, lang: Language): string {
  return oneDecimal[lang].format(n);
}

/** 8.000.000 kr. (English: DKK 8,000,000). */
export function formatAmount(dkk: number, lang: Language): string {
  return lang === 'da' ? `${formatNumber(dkk, lang)} kr.` : `DKK ${formatNumber(dkk, lang)}`;
}

/** A number as a form shows it again for editing: Danish separators, no unit. */
export function numberForInput(n: number | null | undefined, lang: Language = 'da'): string {
  return n === null || n === undefined ? '' : formatNumber(n, lang);
}

/** A calendar date ('2027-03-01') in words: 1. marts 2027. */
export function formatDate(isoDate: string, lang: Language): string {
  return calendarDays[lang].format(new Date(`${isoDate}T00:00:00Z`));
}

/** The Danish calendar day of an instant in words: 1. marts 2027. */
export function formatDay(at: Date, lang: Language): string {
  return days[lang].format(at);
}

/** An instant on the Danish clock, without seconds: 1. marts 2027 kl. 12.00. */
export function formatDateTime(at: Date, lang: Language): string {
  return daysAndTimes[lang].format(at);
}

/** The Danish clock time of an instant, without seconds: 12.00. */
export function formatClock(at: Date, lang: Language): string {
  return clocks[lang].format(at);
}

/** A month ('2027-03') in words: marts 2027. */
export function formatMonth(month: string, lang: Language): string {
  return months[lang].format(new Date(`${month}-15T12:00:00Z`));
}

/**
 * A name in the genitive: Danish adds "s" or, after s, x and z, an apostrophe ("Odense Robotics'
 * indberetning"); English adds "'s" or, after s, an apostrophe ("Odense Robotics' report").
 */
export function possessive(name: string, lang: Language): string {
  if (/[sxz]$/i.test(name)) return `${name}'`;
  return lang === 'da' ? `${name}s` : `${name}'s`;
}
