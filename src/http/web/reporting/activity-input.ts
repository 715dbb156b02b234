import { AppError, type FieldIssue, notFound } from '../../../domain/errors.ts';
import { parseDanishNumber } from '../../../domain/reference/danish.ts';
import { issueMessage } from '../../../domain/reporting/activities/issues.ts';
import type { AppContext } from '../../context.ts';
import type { Lang } from '../../paths.ts';
import { formFields } from '../../validation.ts';
import type { SentBack } from './views/activity-changes.tsx';
import { fieldErrors, type Values } from './views/activity-forms.tsx';

/** The numeric id in a path parameter; anything else is a page that does not exist. */
export const idParam = (c: AppContext, name: string): number => {
  const v = c.req.param(name) ?? '';
  if (!/^\d{1,15}$/.test(v)) throw notFound(name);
  return Number(v);
};

/**
 * The posted fields of a form as typed, to show again beside errors (a date input's three fields
 * too); unchecked boxes are simply absent. `asReported` turns them into the reporting format's values.
 */
export async function posted(c: AppContext, fields: readonly string[]): Promise<Values> {
  const body = formFields(await c.req.parseBody());
  const parts = fields.flatMap((f) => ['Day', 'Month', 'Year'].map((p) => `${f}${p}`));
  return Object.fromEntries(
    [...fields, ...parts].filter((f) => f in body || fields.includes(f)).map((f) => [f, body[f] ?? '']),
  );
}

/** The columns of the reporting format that hold numbers: amounts, hours and head counts. */
const isNumberColumn = (name: string) => /_dkk$|_hours$|^employees$/.test(name);

/**
 * A form's values as the reporting format writes them (docs/reporting-format.md), so the one set
 * of rules checks a form as it checks a file: numbers typed the Danish way (10.000 · 12,5) as
 * plain numbers. What is no number stays as typed, for the rules to refuse.
 */
export function asReported(values: Values): Values {
  const out: Values = {};
  for (const [name, raw] of Object.entries(values)) {
    if (/(Day|Month|Year)$/.test(name)) continue;
    const n = isNumberColumn(name) ? parseDanishNumber(raw) : undefined;
    out[name] = n === undefined || Number.isNaN(n) ? raw : n === null ? '' : String(n);
  }
  return out;
}

/** A refused form with what was typed, and the status of its answer. */
export type FormProblem = SentBack & { status: 409 | 422 };

/** Validation and locked-year refusals become field errors and a notice; anything else propagates. */
export function formProblem(err: unknown, lang: Lang, values?: Values): FormProblem {
  if (!(err instanceof AppError) || (err.code !== 'validation' && err.code !== 'conflict')) throw err;
  const formIssues = err.issues.filter((i) => i.field === 'form');
  const errors = fieldErrors(
    err.issues.filter((i) => i.field !== 'form'),
    lang,
  );
  const notice = formIssues.map((i: FieldIssue) => issueMessage(i.message, lang)).join(' ') || null;
  return { values, errors, notice, status: err.code === 'validation' ? 422 : 409 };
}
