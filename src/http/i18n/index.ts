import type { Lang } from '../paths.ts';
import { da, type Messages } from './da.ts';
import { en } from './en.ts';

export type { Messages };

const catalogues: Record<Lang, Messages> = { da, en };

export function messages(lang: Lang): Messages {
  return catalogues[lang];
}

const locales: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

// Building an Intl formatter costs far more than using one: one per language, made once.
const perLang = <T>(make: (locale: string) => T): Record<Lang, T> => ({
  da: make(locales.da),
  en: make(locales.en),
});
const numbers = perLang((l) => new Intl.NumberFormat(l));
const dateTimes = perLang(
  (l) =>
    new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Copenhagen' }),
);
const dates = perLang((l) => new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' }));

export function formatNumber(n: number, lang: Lang): string {
  return numbers[lang].format(n);
}

export function formatDateTime(d: Date, lang: Lang): string {
  return dateTimes[lang].format(d);
}

export function formatDate(isoDate: string, lang: Lang): string {
  return dates[lang].format(new Date(`${isoDate}T00:00:00Z`));
}
