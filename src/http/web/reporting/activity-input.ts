import { AppError, type FieldIssue, notFound } from '../../../domain/errors.ts';
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

/** The posted fields of a form, as strings; unchecked boxes are simply absent. */
export async function posted(c: AppContext, fields: readonly string[]): Promise<Values> {
  const body = formFields(await c.req.parseBody());
  return Object.fromEntries(fields.map((f) => [f, body[f] ?? '']));
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
