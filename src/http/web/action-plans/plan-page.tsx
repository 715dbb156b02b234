/**
 * One plan, from the cluster's workspace (the form while it may edit, else read-only) and from
 * the funders' side (read-only, with the decisions the funder may make). What the caller may do
 * comes from the domain (`planForCaller`); the commands check it again.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { changePlanStatus } from '../../../domain/action-plans/decisions.ts';
import { savePlan } from '../../../domain/action-plans/editing.ts';
import { COMMENT_MAX } from '../../../domain/action-plans/plan-input.ts';
import { openPlan, type PlanForCaller, planForCaller } from '../../../domain/action-plans/plans.ts';
import { PLAN_ACTIONS, type PlanAction } from '../../../domain/action-plans/policy.ts';
import { AppError } from '../../../domain/errors.ts';
import { mayViewSelfAssessment } from '../../../domain/labels/policy.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert, ErrorSummary, type FieldErrors } from '../../views/forms.tsx';
import { selfAssessmentMessages } from '../labels/self-assessment.messages.ts';
import { onPage } from '../routes.ts';
import { type PlanCommentMessages, planCommentMessages } from './comments.messages.ts';
import { planInputOf } from './form-input.ts';
import { type ActionPlanMessages, actionPlanMessages } from './messages.ts';
import { type CommentFormState, PlanComments } from './views/plan-comments.tsx';
import { type FormState, PlanForm, valuesOf } from './views/plan-form.tsx';
import { PlanHistory, StatusBadge } from './views/plan-status.tsx';
import { DecisionForms, type DecisionProblem, PlanView } from './views/plan-view.tsx';

export type Mode = 'workspace' | 'funding';
export const PLAN_PAGE = { workspace: 'actionPlan', funding: 'fundingActionPlan' } as const;
const FOLLOW_UP_PAGE = {
  workspace: 'actionPlanFollowUp',
  funding: 'fundingActionPlanFollowUp',
} as const;
const LIST_PAGE = { workspace: 'actionPlans', funding: 'fundingActionPlans' } as const;

/** The slug and year of a plan page's path; the domain says whether they name a plan. */
export const planParams = (c: AppContext) => ({
  slug: c.req.param('slug') ?? '',
  year: Number(c.req.param('year')),
});

export interface PageOptions {
  state?: FormState;
  decision?: DecisionProblem;
  comment?: CommentFormState;
  status?: 200 | 409 | 422;
}

function doneText(t: ActionPlanMessages, tc: PlanCommentMessages, done: string | undefined) {
  if (done === 'saved') return t.saved;
  if (done === 'commented') return tc.commented;
  if (done === 'handled') return tc.handledDone;
  return PLAN_ACTIONS.find((a) => a === done) ? t.done[done as PlanAction] : undefined;
}

const EMPTY_COMMENT: CommentFormState = { values: { section: '', body: '' }, errors: {} };

/** The sparring section, for the cluster (marking handled) and the support function (commenting). */
function Sparring(p: { page: PlanForCaller; mode: Mode; lang: Lang; csrf: string; state: CommentFormState }) {
  const { page, mode, lang } = p;
  if (!page.may.comment && !page.may.handleComments) return null;
  const params = { slug: page.cluster.slug, year: String(page.year) };
  return (
    <PlanComments
      comments={page.comments}
      t={planCommentMessages(lang)}
      lang={lang}
      csrf={p.csrf}
      state={p.state}
      handledAction={
        mode === 'workspace' && page.may.handleComments
          ? (id) => pageHref('actionPlanCommentHandled', lang, { ...params, id })
          : undefined
      }
      commentAction={
        mode === 'funding' && page.may.comment && page.plan.saved
          ? pageHref('fundingActionPlanComments', lang, params)
          : undefined
      }
    />
  );
}

/** The plan's content as the caller may see it: the form, a notice that it is not submitted, or read-only. */
function PlanBody(p: {
  page: PlanForCaller;
  mode: Mode;
  t: ActionPlanMessages;
  lang: Lang;
  action: string;
  csrf: string;
  state: FormState;
}) {
  const { page, mode, t, lang } = p;
  const { plan, may } = page;
  if (mode === 'workspace' && may.edit)
    return (
      <>
        <p>{t.planIntro}</p>
        <PlanForm
          t={t}
          lang={lang}
          action={p.action}
          csrf={p.csrf}
          state={p.state}
          submit={may.submit}
          year={page.year}
        />
      </>
    );
  if (!may.readContent) return <p>{t.notSubmittedYet}</p>;
  return (
    <>
      {plan.status === 'submitted' && mode === 'workspace' && (
        <Alert variant="info">{t.readOnlySubmitted}</Alert>
      )}
      {plan.status === 'accepted' && mode === 'workspace' && (
        <Alert variant="info">{t.readOnlyAccepted}</Alert>
      )}
      <PlanView plan={plan} t={t} lang={lang} />
    </>
  );
}

export async function planPage(c: AppContext, mode: Mode, opts: PageOptions = {}) {
  const { slug, year } = planParams(c);
  const page = await planForCaller(c.get('deps').db, callerOf(c), slug, year, c.get('deps').clock());
  const { cluster, plan } = page;
  const lang = c.get('lang');
  const t = actionPlanMessages(lang);
  const decisions = mode === 'funding' ? page.may.decide : [];
  const params = { slug: cluster.slug, year: String(year) };
  const action = pageHref(PLAN_PAGE[mode], lang, params);
  const done = doneText(t, planCommentMessages(lang), c.req.query('done'));
  const state = opts.state ?? { values: valuesOf(plan), errors: {} };
  const title = t.planTitle(cluster.name, year);
  return renderPage(
    c,
    title,
    ({ csrfToken, m }) => (
      <>
        <h1>
          {title} <StatusBadge status={plan.saved ? plan.status : null} t={t} />
        </h1>
        {done && <Alert variant="success">{done}</Alert>}
        {state.conflict && <Alert variant="error">{t.conflict}</Alert>}
        <ErrorSummary m={m} errors={{ ...state.errors, ...opts.comment?.errors }} />
        {plan.comment && (
          <div class="alert alert-warning">
            <div class="alert-body">
              <p class="alert-heading">{t.returnedHeading}</p>
              <p class="alert-text">{plan.comment}</p>
            </div>
          </div>
        )}
        {plan.updatedAt && (
          <p>
            {t.lastChange}: {formatDateTime(plan.updatedAt, lang)}
          </p>
        )}
        <PlanBody page={page} mode={mode} t={t} lang={lang} action={action} csrf={csrfToken} state={state} />
        {decisions.length > 0 && (
          <DecisionForms
            t={t}
            action={action}
            csrf={csrfToken}
            decisions={decisions}
            problem={opts.decision}
          />
        )}
        <Sparring
          page={page}
          mode={mode}
          lang={lang}
          csrf={csrfToken}
          state={opts.comment ?? EMPTY_COMMENT}
        />
        <PlanHistory events={page.history} t={t} lang={lang} />
        <p>
          <a href={pageHref(FOLLOW_UP_PAGE[mode], lang, params)}>{t.followUpLink(year)}</a>
          {mayViewSelfAssessment(callerOf(c).principal, cluster.id) && (
            <>
              {' · '}
              <a href={pageHref('labelSelfAssessment', lang, { slug: cluster.slug })}>
                {selfAssessmentMessages(lang).linkText}
              </a>
            </>
          )}
          {' · '}
          <a href={href(LIST_PAGE[mode], lang, mode === 'funding' ? { year: String(year) } : undefined)}>
            {t.backToList}
          </a>
        </p>
      </>
    ),
    opts.status ?? 200,
  );
}

const errorText = (t: ActionPlanMessages, message: string) =>
  t.errors[message] ?? t.errors.invalid ?? message;

/** The cluster saves its plan, and submits it when asked; errors come back at their fields. */
async function postPlan(c: AppContext) {
  const deps = c.get('deps');
  const caller = callerOf(c);
  const { slug, year } = planParams(c);
  const { cluster } = await openPlan(deps.db, caller, slug, year, deps.clock());
  const body = await c.req.parseBody();
  const intent = body.intent === 'submit' ? 'submit' : 'save';
  const { input, values } = planInputOf(body);
  try {
    await savePlan(deps.db, caller, cluster.id, year, input, deps.clock());
    if (intent === 'submit')
      await changePlanStatus(
        deps.db,
        caller,
        { clusterId: cluster.id, year, action: 'submit' },
        deps.clock(),
      );
  } catch (e) {
    const t = actionPlanMessages(c.get('lang'));
    if (e instanceof AppError && e.code === 'validation') {
      const errors: FieldErrors = {};
      for (const issue of e.issues) errors[issue.field] ??= errorText(t, issue.message);
      return planPage(c, 'workspace', { state: { values, errors }, status: 422 });
    }
    if (e instanceof AppError && e.code === 'conflict')
      return planPage(c, 'workspace', { state: { values, errors: {}, conflict: true }, status: 409 });
    throw e;
  }
  const params = { slug: cluster.slug, year: String(year) };
  return c.redirect(
    pageHref('actionPlan', c.get('lang'), params, { done: intent === 'submit' ? 'submit' : 'saved' }),
    303,
  );
}

const decisionForm = z.object({
  action: z.enum(['accept', 'return']),
  comment: z
    .string()
    .max(COMMENT_MAX * 2)
    .optional(),
});

/** A funder accepts or returns the plan; a missing reason comes back at the comment. */
async function postDecision(c: AppContext) {
  const deps = c.get('deps');
  const caller = callerOf(c);
  const { slug, year } = planParams(c);
  const { cluster } = await openPlan(deps.db, caller, slug, year, deps.clock());
  const parsed = decisionForm.safeParse(await c.req.parseBody());
  if (!parsed.success) throw new AppError('validation', 'Invalid decision form');
  const { action } = parsed.data;
  const comment = parsed.data.comment ?? '';
  try {
    await changePlanStatus(deps.db, caller, { clusterId: cluster.id, year, action, comment }, deps.clock());
  } catch (e) {
    const t = actionPlanMessages(c.get('lang'));
    if (e instanceof AppError && e.code === 'validation')
      return planPage(c, 'funding', {
        decision: { action, comment, message: errorText(t, e.issues[0]?.message ?? 'invalid') },
        status: 422,
      });
    if (e instanceof AppError && e.code === 'conflict')
      return planPage(c, 'funding', { state: { values: {}, errors: {}, conflict: true }, status: 409 });
    throw e;
  }
  const params = { slug: cluster.slug, year: String(year) };
  return c.redirect(pageHref('fundingActionPlan', c.get('lang'), params, { done: action }), 303);
}

export function registerPlanPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'actionPlan', (c) => planPage(c, 'workspace'));
  onPage(app, 'POST', 'actionPlan', postPlan);
  onPage(app, 'GET', 'fundingActionPlan', (c) => planPage(c, 'funding'));
  onPage(app, 'POST', 'fundingActionPlan', postDecision);
}
