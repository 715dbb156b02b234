import type { Hono } from 'hono';
import { callSetupInput } from '../../../domain/calls/schemas.ts';
import { type CallSetup, findCallSetup, setUpCall, setupChoices } from '../../../domain/calls/setup.ts';
import { AppError, notFound } from '../../../domain/errors.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import type { FieldErrors } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { callFlowMessages } from './messages.ts';
import { callOfPage, formBody, Outcome, str } from './shared.tsx';
import {
  EMPTY_BUDGET,
  EMPTY_CRITERION,
  EMPTY_REQUIREMENT,
  SetupForm,
  type SetupValues,
} from './views/setup-form.tsx';

/** Rows are as many as the user has; "add" and "remove" buttons post the form and re-render it. */
const MAX_ROWS = 50;

function storedValues(call: CallSetup, assessorIds: string[]): SetupValues {
  const s = call.setup;
  const text = (v: string | number | undefined | null) => (v === undefined || v === null ? '' : String(v));
  return {
    titleEn: text(s?.titleEn),
    summaryEn: text(s?.summaryEn),
    firstYear: text(s?.firstYear),
    lastYear: text(s?.lastYear),
    budgets: call.budgets.map((b) => ({ funder: b.funderId, year: text(b.year), amount: text(b.amountDkk) })),
    requirements: call.requirements.map((r) => ({
      da: r.textDa,
      en: r.textEn,
      evDa: r.evidenceDa,
      evEn: r.evidenceEn,
      services: r.servicesListing,
    })),
    criteria: call.criteria.map((k) => ({
      da: k.titleDa,
      en: k.titleEn,
      weight: text(k.weight),
      scale: text(k.scaleMax),
    })),
    assessorIds,
    decider: call.parties.deciderId ?? '',
  };
}

/** The rows the user posted, in order; a row is there when any of its fields was posted. */
function postedValues(body: Record<string, string | string[]>): SetupValues {
  const rows = <T,>(prefix: string, probe: string, read: (i: number) => T): T[] => {
    const out: T[] = [];
    for (let i = 0; i < MAX_ROWS; i++) if (body[`${prefix}${i}${probe}`] !== undefined) out.push(read(i));
    return out;
  };
  const assessor = body.assessor;
  return {
    titleEn: str(body, 'titleEn'),
    summaryEn: str(body, 'summaryEn'),
    firstYear: str(body, 'firstYear'),
    lastYear: str(body, 'lastYear'),
    budgets: rows('b', 'Year', (i) => ({
      funder: str(body, `b${i}Funder`),
      year: str(body, `b${i}Year`),
      amount: str(body, `b${i}Amount`),
    })),
    requirements: rows('r', 'Da', (i) => ({
      da: str(body, `r${i}Da`),
      en: str(body, `r${i}En`),
      evDa: str(body, `r${i}EvDa`),
      evEn: str(body, `r${i}EvEn`),
      services: str(body, `r${i}Services`) === 'on',
    })),
    criteria: rows('k', 'Da', (i) => ({
      da: str(body, `k${i}Da`),
      en: str(body, `k${i}En`),
      weight: str(body, `k${i}Weight`),
      scale: str(body, `k${i}Scale`),
    })),
    assessorIds: assessor === undefined ? [] : Array.isArray(assessor) ? assessor : [assessor],
    decider: str(body, 'decider'),
  };
}

const blank = (row: Record<string, string | boolean>, ignore: string[] = []) =>
  Object.entries(row).every(
    ([k, v]) => ignore.includes(k) || v === false || (typeof v === 'string' && v.trim() === ''),
  );

/** Drops rows left entirely empty, so the numbers of the rows shown match those validated. */
function compact(v: SetupValues): SetupValues {
  return {
    ...v,
    budgets: v.budgets.filter((b) => !blank(b)),
    requirements: v.requirements.filter((r) => !blank(r)),
    criteria: v.criteria.filter((k) => !blank(k, ['scale'])),
  };
}

/** Applies an "add row" or "remove row" button. */
function applyRowAction(v: SetupValues, op: string): SetupValues {
  const remove = /^remove-(budget|requirement|criterion)-(\d+)$/.exec(op);
  const without = <T,>(list: T[], i: number) => list.filter((_, j) => j !== i);
  if (remove) {
    const i = Number(remove[2]);
    if (remove[1] === 'budget') return { ...v, budgets: without(v.budgets, i) };
    if (remove[1] === 'requirement') return { ...v, requirements: without(v.requirements, i) };
    return { ...v, criteria: without(v.criteria, i) };
  }
  if (op === 'add-budget' && v.budgets.length < MAX_ROWS)
    return { ...v, budgets: [...v.budgets, EMPTY_BUDGET] };
  if (op === 'add-requirement' && v.requirements.length < MAX_ROWS)
    return { ...v, requirements: [...v.requirements, EMPTY_REQUIREMENT] };
  if (op === 'add-criterion' && v.criteria.length < MAX_ROWS)
    return { ...v, criteria: [...v.criteria, EMPTY_CRITERION] };
  return v;
}

/** The field a schema issue belongs to, as the id of the input on the form. */
function fieldOf(path: readonly PropertyKey[]): string {
  const [list, index, key] = path;
  const i = typeof index === 'number' ? index : 0;
  if (list === 'budgets')
    return `b${i}${key === 'funderId' ? 'Funder' : key === 'amountDkk' ? 'Amount' : key === 'year' ? 'Year' : 'Funder'}`;
  if (list === 'requirements')
    return `r${i}${key === 'textEn' ? 'En' : key === 'evidenceDa' ? 'EvDa' : 'Da'}`;
  if (list === 'criteria') {
    const suffix: Record<string, string> = { titleEn: 'En', titleDa: 'Da', scaleMax: 'Scale' };
    return `k${i}${typeof key === 'string' ? (suffix[key] ?? 'Weight') : 'Weight'}`;
  }
  if (list === 'deciderId') return 'decider';
  return String(list ?? 'titleEn');
}

async function setupPage(
  c: AppContext,
  form?: { values: SetupValues; errors: FieldErrors; status: 200 | 409 | 422 },
) {
  const { db } = c.get('deps');
  const editor = callerOf(c);
  const call = await callOfPage(c);
  const choices = await setupChoices(db, editor, call.id);
  const setup = await findCallSetup(db, editor.principal, call.id);
  if (!setup) throw notFound('call');
  const t = callFlowMessages(c.get('lang'));
  return renderPage(
    c,
    t.setup,
    ({ lang, csrfToken }) => (
      <SetupForm
        t={t}
        m={c.get('m')}
        lang={lang}
        csrfToken={csrfToken}
        call={call}
        values={form?.values ?? storedValues(setup, choices.assessorIds)}
        errors={form?.errors ?? {}}
        funders={choices.funders}
        assessors={choices.assessors}
        outcome={<Outcome c={c} t={t} />}
      />
    ),
    form?.status ?? 200,
  );
}

async function saveSetup(c: AppContext) {
  const editor = callerOf(c);
  const call = await callOfPage(c);
  // Only the call's managers get the form back, even for an "add row" button.
  await setupChoices(c.get('deps').db, editor, call.id);
  const body = await formBody(c);
  const op = str(body, 'op');
  const posted = postedValues(body);
  if (op !== '') return setupPage(c, { values: applyRowAction(posted, op), errors: {}, status: 200 });
  const v = compact(posted);
  const t = callFlowMessages(c.get('lang'));
  const parsed = callSetupInput.safeParse({
    titleEn: v.titleEn,
    summaryEn: v.summaryEn,
    firstYear: v.firstYear,
    lastYear: v.lastYear,
    budgets: v.budgets.map((b) => ({
      funderId: b.funder,
      year: b.year,
      amountDkk: b.amount.replace(/[.\s]/g, ''),
    })),
    requirements: v.requirements.map((r) => ({
      textDa: r.da,
      textEn: r.en || r.da,
      evidenceDa: r.evDa,
      evidenceEn: r.evEn,
      servicesListing: r.services,
    })),
    criteria: v.criteria.map((k) => ({
      titleDa: k.da,
      titleEn: k.en || k.da,
      weight: k.weight,
      scaleMax: k.scale || '5',
    })),
    assessorIds: v.assessorIds,
    deciderId: v.decider === '' ? null : v.decider,
  });
  if (!parsed.success) {
    const texts: Record<string, string> = { ...t.setupErrors };
    const issues = parsed.error.issues.map((issue) => {
      const [list, index] = issue.path;
      // A list with no rows at all: say what is missing rather than "required".
      const empty = typeof list === 'string' && index === undefined && issue.code === 'too_small';
      return { field: fieldOf(issue.path), message: empty ? String(list) : issue.message };
    });
    return setupPage(c, { values: v, errors: toFieldErrors(issues, c.get('m'), texts), status: 422 });
  }
  const back = pageHref('callSetup', c.get('lang'), { slug: call.slug });
  try {
    await setUpCall(c.get('deps').db, editor, call.id, parsed.data, c.get('deps').clock());
  } catch (e) {
    if (e instanceof AppError && e.code === 'conflict')
      return setupPage(c, { values: v, errors: { titleEn: t.errors.conflict ?? e.message }, status: 409 });
    throw e;
  }
  return c.redirect(`${back}?gemt=1`, 303);
}

export function registerCallSetupPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'callSetup', (c) => setupPage(c));
  onPage(app, 'POST', 'callSetup', saveSetup);
}
