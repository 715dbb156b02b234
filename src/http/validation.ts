import type { z } from 'zod';
import type { FieldIssue } from '../domain/errors.ts';
import { isoDateOfParts } from '../domain/reference/danish.ts';
import type { Messages } from './i18n/index.ts';
import type { FieldErrors } from './views/forms.tsx';

/** The label of each field of a form, by field name: errors name the field they are about. */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * Turns schema issues into texts in the user's language that name their field ("Titel skal
 * udfyldes."), as GOV.UK and DKFDS ask of an error summary. Schemas carry message keys
 * ('required', 'tooLong', 'number', ...); page-specific keys are looked up in `texts`, which
 * are specific already and used as they are.
 */
export function toFieldErrors(
  issues: ReadonlyArray<z.core.$ZodIssue> | ReadonlyArray<FieldIssue>,
  m: Messages,
  texts: Record<string, string> = {},
  labels: FieldLabels = {},
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = 'field' in issue ? issue.field : String(issue.path[0] ?? 'form');
    if (out[field]) continue;
    out[field] = translate(issue, m, texts, labels[field] ?? m.validation.field);
  }
  return out;
}

function translate(
  issue: z.core.$ZodIssue | FieldIssue,
  m: Messages,
  texts: Record<string, string>,
  label: string,
): string {
  const key = issue.message;
  if (texts[key]) return texts[key];
  const v = m.validation;
  if ('code' in issue) {
    if (issue.code === 'invalid_type') return v.required(label);
    if (issue.code === 'too_small' && key === 'tooShort') return v.tooShort(label, Number(issue.minimum));
    if (issue.code === 'too_big' && key === 'tooLong') return v.tooLong(label, Number(issue.maximum));
  }
  switch (key) {
    case 'required':
      return v.required(label);
    case 'email':
      return v.email;
    case 'mismatch':
      return v.mismatch;
    case 'number':
    case 'wholeNumber':
    case 'tooSmall':
    case 'tooLarge':
      return v[key](label);
    case 'invalidDate':
    case 'date':
      return v.date(label);
    case 'invalidTime':
      return v.time(label);
    default:
      return v.invalid(label);
  }
}

/**
 * Form fields as strings, with each date input's three fields read as one date (withDateFields).
 * A repeated field (checkboxes, read with `parseBody({ all: true })`) is one comma-separated
 * string, for a schema that splits it; files are not used by these forms.
 */
export function formFields(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x) => typeof x === 'string').join(',');
  }
  return withDateFields(out);
}

/**
 * Every DKFDS date input of a posted form (fields `<name>Day`, `<name>Month`, `<name>Year`) as
 * the one field `<name>` the schemas read: 'YYYY-MM-DD', '' when left empty, and what was typed
 * when it is no date, so the schema refuses it as 'invalidDate'. The three fields stay in the
 * values, to be shown again beside the error.
 */
export function withDateFields(values: Record<string, string>): Record<string, string> {
  const out = { ...values };
  for (const key of Object.keys(values)) {
    const name = key.endsWith('Day') ? key.slice(0, -'Day'.length) : null;
    if (!name || values[`${name}Month`] === undefined || values[`${name}Year`] === undefined) continue;
    const parts = {
      day: values[`${name}Day`] ?? '',
      month: values[`${name}Month`] ?? '',
      year: values[`${name}Year`] ?? '',
    };
    out[name] = isoDateOfParts(parts) ?? `${parts.day}-${parts.month}-${parts.year}`;
  }
  return out;
}
