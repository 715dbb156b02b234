import type { Hono } from 'hono';
import {
  fundingPlanDetail,
  fundingPlanFormChoices,
  fundingPlanList,
} from '../../../domain/coordination/funding-plan-queries.ts';
import {
  closeFundingPlan,
  commentOnFundingPlan,
  type ProposeResult,
  proposeFundingPlan,
} from '../../../domain/coordination/funding-plans.ts';
import { AppError } from '../../../domain/errors.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors, withDateFields } from '../../validation.ts';
import { EMPTY_FORM, formList, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { type CoordinationMessages, coordinationMessages } from './messages.ts';
import { FundingPlanDetailView } from './views/funding-plan-detail.tsx';
import { FundingPlanFormView } from './views/funding-plan-form.tsx';
import { FundingPlanListView } from './views/funding-plan-list.tsx';

const messagesOf = (c: AppContext) => coordinationMessages(c.get('lang'));
const errorsOf = (c: AppContext, err: AppError) => {
  const t = messagesOf(c).fundingPlans;
  return toFieldErrors(err.issues, c.get('m'), t.errors, {
    title: t.plan,
    description: t.description,
    budgetDkk: t.budget,
    decisionDate: t.decisionDate,
    body: t.commentLabel,
    note: t.outcomeNote,
  });
};

async function list(c: AppContext) {
  const { plans, mayPropose } = await fundingPlanList(c.get('deps').db, callerOf(c));
  const lang = c.get('lang');
  const t = messagesOf(c);
  const now = c.get('deps').clock();
  return renderPage(c, t.fundingPlans.title, () => (
    <FundingPlanListView plans={plans} mayPropose={mayPropose} now={now} lang={lang} t={t} />
  ));
}

async function newForm(c: AppContext, form: PostedForm = EMPTY_FORM) {
  const { clusters } = await fundingPlanFormChoices(c.get('deps').db, callerOf(c));
  const lang = c.get('lang');
  const t = messagesOf(c);
  const status = Object.keys(form.errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    t.fundingPlans.formTitle,
    ({ csrfToken, m }) => (
      <FundingPlanFormView form={form} clusters={clusters} csrfToken={csrfToken} m={m} lang={lang} t={t} />
    ),
    status,
  );
}

/** A date input's three fields as typed, and the date they make under its own name (else the field as sent). */
export function dateInput(body: Record<string, unknown>, name: string): Record<string, string> {
  const typed = Object.fromEntries(
    ['Day', 'Month', 'Year']
      .filter((part) => body[`${name}${part}`] !== undefined)
      .map((part) => [`${name}${part}`, formText(body[`${name}${part}`])]),
  );
  return withDateFields({ [name]: formText(body[name]), ...typed });
}

async function propose(c: AppContext) {
  const deps = c.get('deps');
  const body = await c.req.parseBody({ all: true });
  const values = {
    title: formText(body.title),
    description: formText(body.description),
    theme: formText(body.theme),
    regionCodes: formList(body.regionCodes),
    budgetDkk: formText(body.budgetDkk),
    ...dateInput(body, 'decisionDate'),
    relatedClusterIds: formList(body.relatedClusterIds),
  };
  let result: ProposeResult;
  try {
    result = await proposeFundingPlan(deps.db, callerOf(c), values, {
      now: deps.clock(),
      publicUrl: deps.config.publicUrl,
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation')
      return newForm(c, { values, errors: errorsOf(c, err) });
    throw err;
  }
  for (const mail of result.mails)
    await deps.mailer
      .send(mail)
      .catch((err: unknown) => c.get('log').error({ err }, 'funding plan mail failed'));
  return c.redirect(
    pageHref('fundingPlan', c.get('lang'), { id: result.id }, { ny: String(result.notifiedFunders) }),
    303,
  );
}

/** The success message after a redirect back to the plan. */
function noticeOf(c: AppContext, t: CoordinationMessages): string | null {
  const notified = c.req.query('ny');
  if (notified) return t.fundingPlans.saved(Number(notified));
  if (c.req.query('kommenteret')) return t.fundingPlans.commentSaved;
  if (c.req.query('afsluttet')) return t.fundingPlans.closed;
  return null;
}

async function detail(c: AppContext, form: PostedForm = EMPTY_FORM, status: 200 | 409 | 422 = 200) {
  const now = c.get('deps').clock();
  const detail = await fundingPlanDetail(c.get('deps').db, callerOf(c), c.req.param('id') ?? '', now);
  const lang = c.get('lang');
  const t = messagesOf(c);
  const notice = noticeOf(c, t);
  return renderPage(
    c,
    detail.plan.title,
    ({ csrfToken, m }) => (
      <FundingPlanDetailView
        detail={detail}
        form={form}
        notice={notice}
        now={now}
        csrfToken={csrfToken}
        m={m}
        lang={lang}
        t={t}
      />
    ),
    status,
  );
}

/** Runs a form's command on the plan; errors show on the plan's page, success redirects to it. */
async function planAction(
  c: AppContext,
  run: (values: Record<string, string>) => Promise<void>,
  done: string,
) {
  const body = await c.req.parseBody();
  const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, formText(v)]));
  try {
    await run(values);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation')
      return detail(c, { values, errors: errorsOf(c, err) }, 422);
    if (err instanceof AppError && err.code === 'conflict') return detail(c, { values, errors: {} }, 409);
    throw err;
  }
  return c.redirect(
    pageHref('fundingPlan', c.get('lang'), { id: c.req.param('id') ?? '' }, { [done]: '1' }),
    303,
  );
}

const comment = (c: AppContext) =>
  planAction(
    c,
    (values) =>
      commentOnFundingPlan(
        c.get('deps').db,
        callerOf(c),
        c.req.param('id') ?? '',
        values,
        c.get('deps').clock(),
      ),
    'kommenteret',
  );

const close = (c: AppContext) =>
  planAction(
    c,
    (values) =>
      closeFundingPlan(c.get('deps').db, callerOf(c), c.req.param('id') ?? '', values, c.get('deps').clock()),
    'afsluttet',
  );

/**
 * Funding plans were called planned initiatives, under /finansiering/initiativer and
 * /en/funding/initiatives: those addresses (in old e-mails and bookmarks) move permanently.
 */
const MOVED = [
  { from: '/finansiering/initiativer', to: href('fundingPlans', 'da') },
  { from: '/en/funding/initiatives', to: href('fundingPlans', 'en') },
] as const;

function registerMovedPaths(app: Hono<AppEnv>): void {
  for (const { from, to } of MOVED)
    for (const path of [from, `${from}/*`])
      app.get(path, (c) => {
        const url = new URL(c.req.url);
        return c.redirect(`${to}${url.pathname.slice(from.length)}${url.search}`, 301);
      });
}

export function registerFundingPlanPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'fundingPlans', list);
  onPage(app, 'GET', 'fundingPlanNew', (c) => newForm(c));
  onPage(app, 'POST', 'fundingPlanNew', propose);
  onPage(app, 'GET', 'fundingPlan', (c) => detail(c));
  onPage(app, 'POST', 'fundingPlan', comment);
  onPage(app, 'POST', 'fundingPlanClose', close);
  registerMovedPaths(app);
}
