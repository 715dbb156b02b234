import type { Hono } from 'hono';
import { AppError, notFound } from '../../../domain/errors.ts';
import { startPlanYear } from '../../../domain/support/needs-survey.ts';
import {
  decideService,
  type PlannedService,
  plansToManage,
  planToManage,
  publishedPlan,
  publishPlan,
  setDemandThreshold,
} from '../../../domain/support/plan.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { numberForInput } from '../../i18n/index.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { EMPTY_FORM, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { planMessages } from './plan-messages.ts';
import { DecisionFormView, ManagedPlanView, PlanYearsView, PublicPlanView, titleOf } from './views/plan.tsx';

const messagesOf = (c: AppContext) => planMessages(c.get('lang'));

/** The year of the path; anything but four digits is no page. */
function yearOf(c: AppContext): number {
  const raw = c.req.param('year') ?? '';
  if (!/^\d{4}$/.test(raw)) throw notFound('plan');
  return Number(raw);
}

async function postedFields(c: AppContext, names: readonly string[]): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(names.map((k) => [k, formText(body[k])]));
}

/**
 * Runs a command with a form's values; a refused input shows the form again with each field's
 * error, anything else goes on to `done`.
 */
async function submit(
  c: AppContext,
  values: Record<string, string>,
  run: () => Promise<unknown>,
  retry: (form: PostedForm) => Promise<Response>,
  done: () => Response,
): Promise<Response> {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation')) throw err;
    const t = messagesOf(c);
    const labels: Record<string, string> = {
      year: t.year,
      threshold: t.threshold,
      closesOn: t.closesOn,
      reason: t.reason,
      plannedCourses: t.plannedCourses,
      budget: t.budget,
    };
    return retry({ values, errors: toFieldErrors(err.issues, c.get('m'), t.errors, labels) });
  }
  return done();
}

const status = (form: PostedForm) => (Object.keys(form.errors).length > 0 ? 422 : 200);

async function publicPlan(c: AppContext) {
  const plan = await publishedPlan(c.get('deps').db, yearOf(c));
  const t = messagesOf(c);
  return renderPage(c, t.publicTitle(plan.year), () => (
    <PublicPlanView plan={plan} lang={c.get('lang')} t={t} />
  ));
}

async function years(c: AppContext, form: PostedForm = EMPTY_FORM) {
  const caller = callerOf(c);
  const t = messagesOf(c);
  const list = await plansToManage(c.get('deps').db, caller);
  return renderPage(
    c,
    t.manageTitle,
    ({ csrfToken, m }) => (
      <PlanYearsView years={list} form={form} csrfToken={csrfToken} m={m} lang={c.get('lang')} t={t} />
    ),
    status(form),
  );
}

async function start(c: AppContext) {
  const { db, clock } = c.get('deps');
  const values = await postedFields(c, ['year', 'threshold', 'closesOn']);
  let year = 0;
  return submit(
    c,
    values,
    async () => {
      year = await startPlanYear(db, callerOf(c), values, clock());
    },
    (form) => years(c, form),
    () => c.redirect(pageHref('supportPlan', c.get('lang'), { year: String(year) }, { startet: '1' }), 303),
  );
}

const NOTICES = {
  startet: 'startedNotice',
  taerskel: 'thresholdNotice',
  besluttet: 'decidedNotice',
  offentliggjort: 'publishedNotice',
} as const;

async function managed(c: AppContext, form: PostedForm = EMPTY_FORM) {
  const plan = await planToManage(c.get('deps').db, callerOf(c), yearOf(c));
  const t = messagesOf(c);
  const asked = Object.keys(NOTICES).find((k) => c.req.query(k) !== undefined) as
    | keyof typeof NOTICES
    | undefined;
  return renderPage(
    c,
    t.planTitle(plan.year),
    ({ csrfToken, m }) => (
      <ManagedPlanView
        plan={plan}
        notice={asked ? t[NOTICES[asked]] : null}
        form={form}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    status(form),
  );
}

const backToPlan = (c: AppContext, notice: keyof typeof NOTICES) => () =>
  c.redirect(pageHref('supportPlan', c.get('lang'), { year: String(yearOf(c)) }, { [notice]: '1' }), 303);

async function threshold(c: AppContext) {
  const values = await postedFields(c, ['threshold']);
  return submit(
    c,
    values,
    () => setDemandThreshold(c.get('deps').db, callerOf(c), yearOf(c), values),
    (form) => managed(c, form),
    backToPlan(c, 'taerskel'),
  );
}

async function publish(c: AppContext) {
  const { db, clock } = c.get('deps');
  return submit(
    c,
    {},
    () => publishPlan(db, callerOf(c), yearOf(c), clock()),
    (form) => managed(c, form),
    backToPlan(c, 'offentliggjort'),
  );
}

async function serviceOfPlan(c: AppContext): Promise<PlannedService> {
  const plan = await planToManage(c.get('deps').db, callerOf(c), yearOf(c));
  const service = plan.services.find((s) => s.serviceId === c.req.param('id'));
  if (!service) throw notFound('service of the plan');
  return service;
}

/** A decision as its form shows it again: the one saved, or nothing yet. */
function decisionValues(s: PlannedService, c: AppContext): PostedForm['values'] {
  if (s.runs === null) return {};
  const lang = c.get('lang');
  return {
    runs: s.runs ? 'yes' : 'no',
    reason: s.reason,
    plannedCourses: numberForInput(s.plannedCourses, lang),
    budget: numberForInput(s.budgetDkk, lang),
  };
}

async function decisionForm(c: AppContext, form?: PostedForm) {
  const service = await serviceOfPlan(c);
  const t = messagesOf(c);
  const lang = c.get('lang');
  const shown = form ?? { values: decisionValues(service, c), errors: {} };
  return renderPage(
    c,
    t.decisionTitle(titleOf(service, lang), yearOf(c)),
    ({ csrfToken, m }) => (
      <DecisionFormView
        year={yearOf(c)}
        service={service}
        form={shown}
        csrfToken={csrfToken}
        m={m}
        lang={lang}
        t={t}
      />
    ),
    status(shown),
  );
}

async function decide(c: AppContext) {
  const { db, clock } = c.get('deps');
  const values = await postedFields(c, ['runs', 'reason', 'plannedCourses', 'budget']);
  return submit(
    c,
    values,
    () => decideService(db, callerOf(c), yearOf(c), { ...values, serviceId: c.req.param('id') }, clock()),
    (form) => decisionForm(c, form),
    backToPlan(c, 'besluttet'),
  );
}

/** The demand-driven plan: the public plan of a year and the support function's keeping of it. */
export function registerPlanPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'servicePlan', publicPlan);
  onPage(app, 'GET', 'supportPlans', (c) => years(c));
  onPage(app, 'POST', 'supportPlans', start);
  onPage(app, 'GET', 'supportPlan', (c) => managed(c));
  onPage(app, 'POST', 'supportPlanThreshold', threshold);
  onPage(app, 'GET', 'supportPlanDecision', (c) => decisionForm(c));
  onPage(app, 'POST', 'supportPlanDecision', decide);
  onPage(app, 'POST', 'supportPlanPublish', publish);
}
