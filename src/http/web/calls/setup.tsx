import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { memberships, organisations, users } from '../../../db/schema/index.ts';
import { setUpCall } from '../../../domain/calls/commands.ts';
import { callSetupInput } from '../../../domain/calls/schemas.ts';
import { AppError, forbidden } from '../../../domain/errors.ts';
import { can } from '../../../domain/policy/policy.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { signedInUser } from '../content/editing.tsx';
import { onPage } from '../routes.ts';
import { callFlowMessages } from './messages.ts';
import { actAndReturn, callOfPage, currentEditor, formBody, Outcome, str } from './shared.tsx';

const BUDGET_ROWS = 8;
const REQUIREMENT_ROWS = 6;
const CRITERION_ROWS = 6;

function Input({ id, label, value }: { id: string; label: string; value: string | number | undefined }) {
  return (
    <div class="form-group">
      <label class="form-label" for={id}>
        {label}
      </label>
      <input
        class="form-input"
        type="text"
        id={id}
        name={id}
        value={value === undefined ? '' : String(value)}
      />
    </div>
  );
}

async function setupPage(c: AppContext) {
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
  const s = call.setup;
  return renderPage(c, t.setup, ({ lang, csrfToken }) => (
    <>
      <h1>
        {t.setup}: {call.call.title}
      </h1>
      <Outcome c={c} t={t} />
      <form method="post" action={pageHref('callSetup', lang, { slug: call.call.slug })}>
        <CsrfField token={csrfToken} />
        <Input id="titleEn" label={t.titleEn} value={s?.titleEn} />
        <Input id="summaryEn" label={t.summaryEn} value={s?.summaryEn} />
        <Input id="firstYear" label={t.firstYear} value={s?.firstYear} />
        <Input id="lastYear" label={t.lastYear} value={s?.lastYear} />
        <fieldset>
          <legend class="h2">{t.budgets}</legend>
          {Array.from({ length: BUDGET_ROWS }, (_, i) => {
            const b = call.budgets[i];
            return (
              <div class="row">
                <div class="form-group col-4">
                  <label class="form-label" for={`b${i}Funder`}>
                    {t.funder} {i + 1}
                  </label>
                  <select class="form-select" id={`b${i}Funder`} name={`b${i}Funder`}>
                    <option value="">-</option>
                    {funders.map((f) => (
                      <option value={f.id} selected={b?.funderId === f.id}>
                        {f.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="col-3">
                  <Input id={`b${i}Year`} label={`${t.year} ${i + 1}`} value={b?.year} />
                </div>
                <div class="col-4">
                  <Input id={`b${i}Amount`} label={`${t.amount} ${i + 1}`} value={b?.amountDkk} />
                </div>
              </div>
            );
          })}
        </fieldset>
        <fieldset>
          <legend class="h2">{t.requirements}</legend>
          {Array.from({ length: REQUIREMENT_ROWS }, (_, i) => {
            const r = call.requirements[i];
            return (
              <fieldset>
                <legend class="h3">{t.requirement(i + 1)}</legend>
                <Input id={`r${i}Da`} label={t.textDa} value={r?.textDa} />
                <Input id={`r${i}En`} label={t.textEn} value={r?.textEn} />
                <Input id={`r${i}EvDa`} label={t.evidenceDa} value={r?.evidenceDa} />
              </fieldset>
            );
          })}
        </fieldset>
        <fieldset>
          <legend class="h2">{t.criteria}</legend>
          {Array.from({ length: CRITERION_ROWS }, (_, i) => {
            const k = call.criteria[i];
            return (
              <fieldset>
                <legend class="h3">{t.criterion(i + 1)}</legend>
                <Input id={`k${i}Da`} label={t.textDa} value={k?.titleDa} />
                <Input id={`k${i}En`} label={t.textEn} value={k?.titleEn} />
                <Input id={`k${i}Weight`} label={t.weight} value={k?.weight} />
                <Input id={`k${i}Scale`} label={t.scaleMax} value={k?.scaleMax ?? 5} />
              </fieldset>
            );
          })}
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
                checked={call.assessorIds.includes(a.id)}
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
  ));
}

async function saveSetup(c: AppContext) {
  const call = await callOfPage(c);
  const body = await formBody(c);
  const back = pageHref('callSetup', c.get('lang'), { slug: call.call.slug });
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  return actAndReturn(c, back, async () => {
    const assessor = body.assessor;
    const parsed = callSetupInput.safeParse({
      titleEn: str(body, 'titleEn'),
      summaryEn: str(body, 'summaryEn'),
      firstYear: str(body, 'firstYear'),
      lastYear: str(body, 'lastYear'),
      budgets: range(BUDGET_ROWS)
        .filter((i) => str(body, `b${i}Funder`) !== '')
        .map((i) => ({
          funderId: str(body, `b${i}Funder`),
          year: str(body, `b${i}Year`),
          amountDkk: str(body, `b${i}Amount`).replace(/[.\s]/g, ''),
        })),
      requirements: range(REQUIREMENT_ROWS)
        .filter((i) => str(body, `r${i}Da`).trim() !== '')
        .map((i) => ({
          textDa: str(body, `r${i}Da`),
          textEn: str(body, `r${i}En`) || str(body, `r${i}Da`),
          evidenceDa: str(body, `r${i}EvDa`),
        })),
      criteria: range(CRITERION_ROWS)
        .filter((i) => str(body, `k${i}Da`).trim() !== '')
        .map((i) => ({
          titleDa: str(body, `k${i}Da`),
          titleEn: str(body, `k${i}En`) || str(body, `k${i}Da`),
          weight: str(body, `k${i}Weight`),
          scaleMax: str(body, `k${i}Scale`) || '5',
        })),
      assessorIds: assessor === undefined ? [] : Array.isArray(assessor) ? assessor : [assessor],
    });
    if (!parsed.success) throw new AppError('validation', 'invalid set-up');
    await setUpCall(c.get('deps').db, currentEditor(c), call.call.id, parsed.data, c.get('deps').clock());
  });
}

export function registerSetupPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'callSetup', setupPage);
  onPage(app, 'POST', 'callSetup', saveSetup);
}
