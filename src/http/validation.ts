import type { z } from 'zod';
import type { FieldIssue } from '../domain/errors.ts';
import type { Messages } from './i18n/index.ts';
import type { FieldErrors } from './views/forms.tsx';

/**
 * Turns schema issues into texts in the user's language. Schemas carry message keys
 * ('required', 'tooShort', ...); page-specific keys are looked up in `texts`.
 */
export function toFieldErrors(
  issues: ReadonlyArray<z.core.$ZodIssue> | ReadonlyArray<FieldIssue>,
  m: Messages,
  texts: Record<string, string> = {},
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = 'field' in issue ? issue.field : String(issue.path[0] ?? 'form');
    if (out[field]) continue;
    out[field] = translate(issue, m, texts);
  }
  return out;
}

function translate(issue: z.core.$ZodIssue | FieldIssue, m: Messages, texts: Record<string, string>): string {
  const key = issue.message;
  if (texts[key]) return texts[key];
  const v = m.validation;
  if ('code' in issue) {
    if (issue.code === 'invalid_type') return v.required;
    if (issue.code === 'too_small' && key === 'tooShort') return v.tooShort(Number(issue.minimum));
    if (issue.code === 'too_big' && key === 'tooLong') return v.tooLong(Number(issue.maximum));
  }
  switch (key) {
    case 'required':
      return v.required;
    case 'email':
      return v.email;
    case 'mismatch':
      return v.mismatch;
    default:
      return v.invalid;
  }
}

/** Form fields as strings; files and repeated fields are not used by these forms. */
export function formFields(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}
