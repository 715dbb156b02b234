import type { Lang } from '../paths.ts';
import { da, type Messages } from './da.ts';
import { en } from './en.ts';

export type { Messages };

const catalogues: Record<Lang, Messages> = { da, en };

export function messages(lang: Lang): Messages {
  return catalogues[lang];
}

const locales: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang]).format(n);
}

export function formatDateTime(d: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Europe/Copenhagen',
  }).format(d);
}

export function formatDate(isoDate: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
