import { expect } from 'vitest';

const NOTE = {
  da: 'Alle felter skal udfyldes, undtagen dem, der er markeret (valgfri).',
  en: 'All fields are required unless marked (optional).',
};
const MARK = { da: '(valgfri)', en: '(optional)' };

/**
 * A form page in GOV.UK's and DKFDS's pattern: the page says once that every field is required
 * except those marked, this optional field's label or legend carries the mark and this required
 * one's does not (a form whose fields are all required, or all optional, names only one). Labels are given as the page's HTML writes them.
 */
export function expectRequiredFieldMarks(
  html: string,
  fields: { optional?: string; required?: string },
  lang: 'da' | 'en' = 'da',
): void {
  expect(html.split(NOTE[lang]).length - 1).toBe(1);
  if (fields.optional)
    expect(html).toMatch(new RegExp(`>${escaped(fields.optional)} ${escaped(MARK[lang])}</(label|legend)>`));
  if (fields.required) {
    expect(html).toMatch(new RegExp(`>${escaped(fields.required)}</(label|legend)>`));
    expect(html).not.toContain(`>${fields.required} ${MARK[lang]}<`);
  }
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
