import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { memberships, organisations, users } from '../../../db/schema/index.ts';
import { setUpCall } from '../../../domain/calls/commands.ts';
import { callSetupInput } from '../../../domain/calls/schemas.ts';
import { AppError, forbidden } from '../../../domain/errors.ts';
import { can } from '../../../domain/policy/policy.ts';
import { callerOf, signedInUser } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { ErrorSummary, type FieldErrors } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { callFlowMessages } from './messages.ts';
import { callOfPage, formBody, Outcome, str } from './shared.tsx';

/** Rows are as many as the user has; "add" and "remove" buttons post the form and re-render it. */
const MAX_ROWS = 50;

interface SetupValues {
  titleEn: string;
  summaryEn: string;
  firstYear: string;
  lastYear: string;
  budgets: { funder: string; year: string; amount: string }[];
  requirements: { da: string; en: string; evDa: string; evEn: string }[];
  criteria: { da: string; en: string; weight: string; scale: string }[];
  assessorIds: string[];
}

function Input({
  id,
  label,
  value,
  error,
}: {
  id: string;
  label: string;
  value: string | number | undefined;
  error?: string | undefined;
}) {
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={id}>
        {label}
      </label>
      {error && (
        <span class="form-error-message" id={`${id}-error`}>
          {error}
        </span>
      )}
      <input
        class="form-input"
        type="text"
        id={id}
        name={id}
        value={value === undefined ? '' : String(value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}

type CallSetup = Awaited<ReturnType<typeof callOfPage>>;

function storedValues(call: CallSetup): SetupValues {
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
    })),
    criteria: call.criteria.map((k) => ({
      da: k.titleDa,
      en: k.titleEn,
      weight: text(k.weight),
      scale: text(k.scaleMax),
    })),
    assessorIds: call.assessorIds,
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
    })),
    criteria: rows('k', 'Da', (i) => ({
      da: str(body, `k${i}Da`),
      en: str(body, `k${i}En`),
      weight: str(body, `k${i}Weight`),
      scale: str(body, `k${i}Scale`),
    })),
    assessorIds: assessor === undefined ? [] : Array.isArray(assessor) ? assessor : [assessor],
  };
}

const blank = (row: Record<string, string>, ignore: string[] = []) =>
  Object.entries(row).every(([k, v]) => ignore.includes(k) || v.trim() === '');

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
    return { ...v, budgets: [...v.budgets, { funder: '', year: '', amount: '' }] };
  if (op === 'add-requirement' && v.requirements.length < MAX_ROWS)
    return { ...v, requirements: [...v.requirements, { da: '', en: '', evDa: '', evEn: '' }] };
  if (op === 'add-criterion' && v.criteria.length < MAX_ROWS)
    return { ...v, criteria: [...v.criteria, { da: '', en: '', weight: '', scale: '5' }] };
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
  return String(list ?? 'titleEn');
}

async function setupPage(
  c: AppContext,
  form?: { values: SetupValues; errors: FieldErrors; status: 200 | 409 | 422 },
) {
  const { db } = c.get('deps');
  const call = await callOfPage(c);
  if (!can(signedInUser(c), 'calls.manage', { organisationId: call.call.ownerId }))
    throw forbidden('calls.manage');
  const t = callFlowMessages(c.get('lang'));
  const funders = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'funder'))
    .orderBy(organisations.name);
  const assessors = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(memberships.role, 'assessor'))
    .orderBy(users.name);
  const v = form?.values ?? storedValues(call);
  const errors = form?.errors ?? {};
  // An empty set-up starts with one row of each; "add" gives more.
  const budgets = v.budgets.length > 0 ? v.budgets : [{ funder: '', year: '', amount: '' }];
  const requirements = v.requirements.length > 0 ? v.requirements : [{ da: '', en: '', evDa: '', evEn: '' }];
  const criteria = v.criteria.length > 0 ? v.criteria : [{ da: '', en: '', weight: '', scale: '5' }];
  const Remove = ({ op, label }: { op: string; label: string }) => (
    <button type="submit" name="op" value={op} class="button button-tertiary">
      {label}
    </button>
  );
  const Add = ({ op, label }: { op: string; label: string }) => (
    <button type="submit" name="op" value={op} class="button button-secondary">
      {label}
    </button>
  );
  return renderPage(
    c,
    t.setup,
    ({ lang, csrfToken }) => (
      <>
        <h1>
          {t.setup}: {call.call.title}
        </h1>
        <ErrorSummary m={c.get('m')} errors={errors} />
        {Object.keys(errors).length === 0 && <Outcome c={c} t={t} />}
        <form method="post" action={pageHref('callSetup', lang, { slug: call.call.slug })} novalidate>
          <CsrfField token={csrfToken} />
          {/* First in the form, so Enter in a field saves rather than pressing an "add"/"remove" button. */}
          <button type="submit" class="button button-primary">
            {t.save}
          </button>
          <Input id="titleEn" label={t.titleEn} value={v.titleEn} error={errors.titleEn} />
          <Input id="summaryEn" label={t.summaryEn} value={v.summaryEn} error={errors.summaryEn} />
          <Input id="firstYear" label={t.firstYear} value={v.firstYear} error={errors.firstYear} />
          <Input id="lastYear" label={t.lastYear} value={v.lastYear} error={errors.lastYear} />
          <fieldset>
            <legend class="h2">{t.budgets}</legend>
            {budgets.map((b, i) => {
              const error = errors[`b${i}Funder`];
              return (
                <div class="row">
                  <div class={error ? 'form-group form-error col-4' : 'form-group col-4'}>
                    <label class="form-label" for={`b${i}Funder`}>
                      {t.funder} {i + 1}
                    </label>
                    {error && (
                      <span class="form-error-message" id={`b${i}Funder-error`}>
                        {error}
                      </span>
                    )}
                    <select
                      class="form-select"
                      id={`b${i}Funder`}
                      name={`b${i}Funder`}
                      aria-invalid={error ? 'true' : undefined}
                      aria-describedby={error ? `b${i}Funder-error` : undefined}
                    >
                      <option value="">-</option>
                      {funders.map((f) => (
                        <option value={f.id} selected={b.funder === f.id}>
                          {f.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div class="col-3">
                    <Input
                      id={`b${i}Year`}
                      label={`${t.year} ${i + 1}`}
                      value={b.year}
                      error={errors[`b${i}Year`]}
                    />
                  </div>
                  <div class="col-4">
                    <Input
                      id={`b${i}Amount`}
                      label={`${t.amount} ${i + 1}`}
                      value={b.amount}
                      error={errors[`b${i}Amount`]}
                    />
                  </div>
                  <div class="col-12">
                    <Remove op={`remove-budget-${i}`} label={t.removeBudget(i + 1)} />
                  </div>
                </div>
              );
            })}
            <Add op="add-budget" label={t.addBudget} />
          </fieldset>
          <fieldset>
            <legend class="h2">{t.requirements}</legend>
            {requirements.map((r, i) => (
              <fieldset>
                <legend class="h3">{t.requirement(i + 1)}</legend>
                <Input id={`r${i}Da`} label={t.textDa} value={r.da} error={errors[`r${i}Da`]} />
                <Input id={`r${i}En`} label={t.textEn} value={r.en} error={errors[`r${i}En`]} />
                <Input id={`r${i}EvDa`} label={t.evidenceDa} value={r.evDa} error={errors[`r${i}EvDa`]} />
                <Input id={`r${i}EvEn`} label={t.evidenceEn} value={r.evEn} error={errors[`r${i}EvEn`]} />
                <Remove op={`remove-requirement-${i}`} label={t.removeRequirement(i + 1)} />
              </fieldset>
            ))}
            <Add op="add-requirement" label={t.addRequirement} />
          </fieldset>
          <fieldset>
            <legend class="h2">{t.criteria}</legend>
            {criteria.map((k, i) => (
              <fieldset>
                <legend class="h3">{t.criterion(i + 1)}</legend>
                <Input id={`k${i}Da`} label={t.textDa} value={k.da} error={errors[`k${i}Da`]} />
                <Input id={`k${i}En`} label={t.textEn} value={k.en} error={errors[`k${i}En`]} />
                <Input id={`k${i}Weight`} label={t.weight} value={k.weight} error={errors[`k${i}Weight`]} />
                <Input id={`k${i}Scale`} label={t.scaleMax} value={k.scale} error={errors[`k${i}Scale`]} />
                <Remove op={`remove-criterion-${i}`} label={t.removeCriterion(i + 1)} />
              </fieldset>
            ))}
            <Add op="add-criterion" label={t.addCriterion} />
          </fieldset>
          <fieldset>
            <legend class="h2">{t.assessors}</legend>
            {assessors.map((a) => (
              <div class="form-group-checkbox">
                <input
                  class="form-checkbox"
                  type="checkbox"
                  id={`assessor-${a.id}`}
                  name="assessor"
                  value={a.id}
                  checked={v.assessorIds.includes(a.id)}
                />
                <label for={`assessor-${a.id}`}>{a.name}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="button button-primary">
            {t.save}
          </button>
        </form>
      </>
    ),
    form?.status ?? 200,
  );
}

async function saveSetup(c: AppContext) {
  const call = await callOfPage(c);
  if (!can(signedInUser(c), 'calls.manage', { organisationId: call.call.ownerId }))
    throw forbidden('calls.manage');
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
    })),
    criteria: v.criteria.map((k) => ({
      titleDa: k.da,
      titleEn: k.en || k.da,
      weight: k.weight,
      scaleMax: k.scale || '5',
    })),
    assessorIds: v.assessorIds,
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
  const back = pageHref('callSetup', c.get('lang'), { slug: call.call.slug });
  try {
    await setUpCall(c.get('deps').db, callerOf(c), call.call.id, parsed.data, c.get('deps').clock());
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
