import { z } from 'zod';
import { findCall } from '../../../domain/calls/listing.ts';
import { AppError, notFound } from '../../../domain/errors.ts';
import type { AppContext } from '../../context.ts';
import type { Lang } from '../../paths.ts';
import { Alert } from '../../views/forms.tsx';
import { type CallFlowMessages, callFlowMessages } from './messages.ts';

export const dkk = (n: number) => new Intl.NumberFormat('da-DK').format(n);

/** The call of a `:slug` page; 404 for an unknown slug or a call the user may not see. */
export async function callOfPage(c: AppContext) {
  const call = await findCall(c.get('deps').db, c.get('user'), c.req.param('slug') ?? '');
  if (!call) throw notFound('call');
  return call;
}

/** The `:id` of an application or attachment page; 404 for anything but a uuid. */
export function idOfPage(c: AppContext, what: string): string {
  const id = z.uuid().safeParse(c.req.param('id'));
  if (!id.success) throw notFound(what);
  return id.data;
}

/** Form body with repeated fields kept as arrays (an upload form's as the CSRF check read them). */
export async function formBody(c: AppContext): Promise<Record<string, string | string[]>> {
  const form = c.get('form');
  if (form) return { ...form.fields };
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

export const str = (body: Record<string, string | string[]>, key: string): string => {
  const v = body[key];
  return typeof v === 'string' ? v : (v?.[0] ?? '');
};

/**
 * Runs a form action and redirects (post/redirect/get) to `done`, by default back with "saved";
 * a refused action comes back with its error code, shown as an alert on the page.
 */
export async function actAndReturn(
  c: AppContext,
  back: string,
  work: () => Promise<unknown>,
  done = `${back}?gemt=1`,
) {
  try {
    await work();
    return c.redirect(done, 303);
  } catch (e) {
    if (e instanceof AppError && ['validation', 'conflict', 'too_large'].includes(e.code)) {
      const issue = e.issues[0]?.message;
      const known = issue !== undefined && issue in callFlowMessages(c.get('lang')).errors;
      return c.redirect(`${back}?fejl=${encodeURIComponent(known ? issue : e.code)}`, 303);
    }
    throw e;
  }
}

export function Outcome({ c, t }: { c: AppContext; t: CallFlowMessages }) {
  const error = c.req.query('fejl');
  if (error)
    return (
      <Alert variant="error" heading={t.error}>
        {t.errors[error] ?? error}
      </Alert>
    );
  if (c.req.query('gemt') === '1') return <Alert variant="success">{t.saved}</Alert>;
  return null;
}

/** A text of the call in the page language: the English one on English pages, Danish when it is empty. */
export function inLang(lang: Lang, da: string, en: string | null | undefined): string {
  return lang === 'en' && en && en.trim() !== '' ? en : da;
}

export const evidenceOf = (lang: Lang, r: { evidenceDa: string; evidenceEn: string }) =>
  inLang(lang, r.evidenceDa, r.evidenceEn);
