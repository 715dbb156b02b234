/**
 * Annual action plans: the cluster's own plan pages in the workspace (list, form or read-only
 * view, follow-up) and the funders' pages (overview per year, the plan with its decision, the
 * same follow-up). Who may do what is decided in the policy module and the plan's transition table.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { CurrentUser } from '../../../domain/accounts/queries.ts';
import {
  type ActionPlan,
  availablePlanActions,
  budgetField,
  COMMENT_MAX,
  changePlanStatus,
  clusterBySlug,
  clusterPlanYears,
  countField,
  GOAL_KEYS,
  goalField,
  loadPlan,
  mayEditPlan,
  NARRATIVE_MAX,
  PLAN_ACTIONS,
  PLAN_CATEGORIES,
  type PlanAction,
  type PlanCluster,
  type PlanEvent,
  type PlanInput,
  type PlanStatus,
  planFollowUp,
  planHistory,
  plansOverview,
  savePlan,
} from '../../../domain/action-plans/plans.ts';
import { AppError, notFound } from '../../../domain/errors.ts';
import { authorize, can } from '../../../domain/policy/policy.ts';
import { currentReportingYear, fundersOf, MIN_YEAR } from '../../../domain/reporting/periods/years.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime, formatNumber } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { BarChart, ChartFigure } from '../../views/chart.tsx';
import { Alert, ErrorSummary, type FieldErrors } from '../../views/forms.tsx';
import { StatusHistory } from '../../views/history.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { resultsMessages } from '../performance/messages.ts';
import { activityMessages } from '../reporting/activities.messages.ts';
import { onPage } from '../routes.ts';
import { type ActionPlanMessages, actionPlanMessages, PLAN_BADGE } from './messages.ts';

type Mode = 'workspace' | 'funding';
const PLAN_PAGE = { workspace: 'actionPlan', funding: 'fundingActionPlan' } as const;
const FOLLOW_UP_PAGE = { workspace: 'actionPlanFollowUp', funding: 'fundingActionPlanFollowUp' } as const;
const LIST_PAGE = { workspace: 'actionPlans', funding: 'fundingActionPlans' } as const;

function StatusBadge({ status, t }: { status: PlanStatus | null; t: ActionPlanMessages }) {
  if (status === null) return <span class="badge">{t.notStarted}</span>;
  return <span class={PLAN_BADGE[status]}>{t.status[status]}</span>;
}

const categoryName = (category: string, lang: Lang) =>
  activityMessages(lang).categories[category] ?? category;
const keyName = (key: string, lang: Lang) =>
  (resultsMessages(lang).keys as Record<string, string>)[key] ?? key;
const num = (n: number, lang: Lang) => formatNumber(Math.round(n * 100) / 100, lang);

/** The year in the path: a whole year from 2000 to next year, else the page does not exist. */
function yearOf(c: AppContext): number {
  const year = Number(c.req.param('year'));
  const max = currentReportingYear(c.get('deps').clock()) + 1;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > max) throw notFound('action plan year');
  return year;
}

/** The cluster and year of the page, after the policy allows the user to see the plan. */
async function planContext(c: AppContext) {
  const user = authorize(c.get('user'), 'account.view');
  const db = c.get('deps').db;
  const cluster = await clusterBySlug(db, c.req.param('slug') ?? '');
  const year = yearOf(c);
  const target = { clusterId: cluster.id, fundedBy: await fundersOf(db, cluster.id, year) };
  authorize(user, 'actionPlans.view', { organisationId: cluster.id, fundedBy: target.fundedBy });
  return { user, cluster, year, target };
}

// ---------------------------------------------------------------- the cluster's list

async function workspaceList(c: AppContext) {
  const user = authorize(c.get('user'), 'account.view');
  const lang = c.get('lang');
  const t = actionPlanMessages(lang);
  const deps = c.get('deps');
  const own = user.memberships.filter(
    (m) =>
      m.organisationKind === 'cluster_organisation' &&
      can(user, 'actionPlans.edit', { organisationId: m.organisationId }),
  );
  if (own.length === 0) throw new AppError('forbidden', 'Not cluster staff');
  const now = deps.clock();
  const current = currentReportingYear(now);
  const clusters = await Promise.all(
    own.map(async (m) => ({ m, years: await clusterPlanYears(deps.db, m.organisationId, now) })),
  );
  return renderPage(c, t.listTitle, () => (
    <>
      <h1>{t.listTitle}</h1>
      <p class="font-lead">{t.listIntro}</p>
      {clusters.map(({ m, years }) => (
        <section aria-labelledby={`plans-${m.organisationSlug}`}>
          <h2 id={`plans-${m.organisationSlug}`}>{m.organisationName}</h2>
          <table class="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t.year}</th>
                <th scope="col">{t.statusLabel}</th>
                <th scope="col">{t.links}</th>
              </tr>
            </thead>
            <tbody>
              {years.map(({ year, status }) => {
                const params = { slug: m.organisationSlug, year: String(year) };
                return (
                  <tr>
                    <th scope="row">{year}</th>
                    <td>
                      <StatusBadge status={status} t={t} />
                    </td>
                    <td>
                      <a href={pageHref('actionPlan', lang, params)}>{t.open(year)}</a>
                      {year <= current && (
                        <>
                          {' · '}
                          <a href={pageHref('actionPlanFollowUp', lang, params)}>{t.followUpLink(year)}</a>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </>
  ));
}

// ---------------------------------------------------------------- the plan: form or view

interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
  conflict?: boolean;
}

function valuesOf(plan: ActionPlan): Record<string, string> {
  const values: Record<string, string> = { narrative: plan.narrative };
  for (const [key, v] of plan.goals) values[goalField(key)] = String(v);
  for (const [category, a] of plan.activities) {
    values[countField(category)] = String(a.plannedCount);
    values[budgetField(category)] = String(a.budgetDkk);
  }
  return values;
}

function NumberInput(p: {
  name: string;
  label: string;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const error = p.errors[p.name];
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={p.name}>
        {p.label}
      </label>
      {error && (
        <span class="form-error-message" id={`${p.name}-error`}>
          {error}
        </span>
      )}
      <input
        class="form-input input-width-s"
        type="text"
        inputmode="decimal"
        id={p.name}
        name={p.name}
        value={p.values[p.name] ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${p.name}-error` : undefined}
      />
    </div>
  );
}

function PlanForm(p: { t: ActionPlanMessages; lang: Lang; action: string; csrf: string; state: FormState }) {
  const { t, lang, state } = p;
  const narrativeError = state.errors.narrative;
  return (
    <form method="post" action={p.action} novalidate>
      <CsrfField token={p.csrf} />
      <h2>{t.goalsHeading}</h2>
      <fieldset>
        <legend class="form-label">{t.goalsLegend}</legend>
        {GOAL_KEYS.map((key) => (
          <NumberInput
            name={goalField(key)}
            label={keyName(key, lang)}
            values={state.values}
            errors={state.errors}
          />
        ))}
      </fieldset>
      <h2>{t.activitiesHeading}</h2>
      {PLAN_CATEGORIES.map((category) => (
        <fieldset>
          <legend class="form-label">{categoryName(category, lang)}</legend>
          <NumberInput
            name={countField(category)}
            label={t.countLabel(categoryName(category, lang))}
            values={state.values}
            errors={state.errors}
          />
          <NumberInput
            name={budgetField(category)}
            label={t.budgetLabel(categoryName(category, lang))}
            values={state.values}
            errors={state.errors}
          />
        </fieldset>
      ))}
      <div class={narrativeError ? 'form-group form-error' : 'form-group'}>
        <label class="form-label" for="narrative">
          {t.narrative}
        </label>
        <span class="form-hint" id="narrative-hint">
          {t.narrativeHint}
        </span>
        {narrativeError && (
          <span class="form-error-message" id="narrative-error">
            {narrativeError}
          </span>
        )}
        <textarea
          class="form-input"
          id="narrative"
          name="narrative"
          rows={6}
          maxlength={NARRATIVE_MAX}
          aria-invalid={narrativeError ? 'true' : undefined}
          aria-describedby={narrativeError ? 'narrative-hint narrative-error' : 'narrative-hint'}
        >
          {state.values.narrative ?? ''}
        </textarea>
      </div>
      <button type="submit" name="intent" value="save" class="button button-secondary">
        {t.save}
      </button>{' '}
      <button type="submit" name="intent" value="submit" class="button button-primary">
        {t.saveAndSubmit}
      </button>
    </form>
  );
}

function PlanView({ plan, t, lang }: { plan: ActionPlan; t: ActionPlanMessages; lang: Lang }) {
  return (
    <>
      <h2>{t.goalsHeading}</h2>
      <table class="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t.key}</th>
            <th scope="col">{t.goal}</th>
          </tr>
        </thead>
        <tbody>
          {GOAL_KEYS.map((key) => {
            const goal = plan.goals.get(key);
            return (
              <tr>
                <th scope="row">{keyName(key, lang)}</th>
                <td class="results-number">{goal === undefined ? t.noValue : num(goal, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t.activitiesHeading}</h2>
      <table class="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t.category}</th>
            <th scope="col">{t.plannedCount}</th>
            <th scope="col">{t.budget}</th>
          </tr>
        </thead>
        <tbody>
          {PLAN_CATEGORIES.map((category) => {
            const a = plan.activities.get(category);
            return (
              <tr>
                <th scope="row">{categoryName(category, lang)}</th>
                <td class="results-number">{a ? num(a.plannedCount, lang) : t.noValue}</td>
                <td class="results-number">{a ? num(a.budgetDkk, lang) : t.noValue}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t.narrative}</h2>
      <p class="action-plan-narrative">{plan.narrative || t.noValue}</p>
    </>
  );
}

function DecisionForms(p: {
  t: ActionPlanMessages;
  action: string;
  csrf: string;
  actions: PlanAction[];
  problem: { action: PlanAction; comment: string; message: string } | undefined;
}) {
  const { t } = p;
  const form = (action: 'accept' | 'return', label: string, commentLabel: string) => {
    const mine = p.problem?.action === action ? p.problem : undefined;
    const id = `comment-${action}`;
    return (
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="action" value={action} />
        <div class={mine ? 'form-group form-error' : 'form-group'}>
          <label class="form-label" for={id}>
            {commentLabel}
          </label>
          {mine && (
            <span class="form-error-message" id={`${id}-error`}>
              {mine.message}
            </span>
          )}
          <textarea
            class="form-input"
            id={id}
            name="comment"
            rows={2}
            maxlength={COMMENT_MAX}
            aria-invalid={mine ? 'true' : undefined}
            aria-describedby={mine ? `${id}-error` : undefined}
          >
            {mine?.comment ?? ''}
          </textarea>
        </div>
        <button
          type="submit"
          class={action === 'accept' ? 'button button-primary' : 'button button-secondary'}
        >
          {label}
        </button>
      </form>
    );
  };
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading">{p.t.decisionHeading}</h2>
      {p.actions.includes('accept') && form('accept', t.accept, t.acceptComment)}
      {p.actions.includes('return') && form('return', t.returnButton, t.returnComment)}
    </section>
  );
}

function History({ events, t, lang }: { events: PlanEvent[]; t: ActionPlanMessages; lang: Lang }) {
  const items = events.map((e) => ({
    ...e,
    change: e.from ? `${t.status[e.from]} → ${t.status[e.to]}` : t.status[e.to],
  }));
  return <StatusHistory heading={t.history} empty={t.noHistory} by={t.by} items={items} lang={lang} />;
}

async function planPage(
  c: AppContext,
  mode: Mode,
  opts: {
    state?: FormState;
    decision?: { action: PlanAction; comment: string; message: string };
    status?: 200 | 409 | 422;
  } = {},
) {
  const { user, cluster, year, target } = await planContext(c);
  const lang = c.get('lang');
  const t = actionPlanMessages(lang);
  const plan = await planLoad(c, cluster, year);
  const history = await planHistory(c.get('deps').db, cluster.id, year);
  const editable = mode === 'workspace' && mayEditPlan(user, plan.status, target);
  const decisions =
    mode === 'funding' ? availablePlanActions(user, plan.status, target).filter((a) => a !== 'submit') : [];
  const hidden =
    !editable && plan.status === 'draft' && !can(user, 'actionPlans.edit', { organisationId: cluster.id });
  const params = { slug: cluster.slug, year: String(year) };
  const action = pageHref(PLAN_PAGE[mode], lang, params);
  const done = c.req.query('done');
  const doneText =
    done === 'saved'
      ? t.saved
      : PLAN_ACTIONS.find((a) => a === done)
        ? t.done[done as PlanAction]
        : undefined;
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
        {doneText && <Alert variant="success">{doneText}</Alert>}
        {state.conflict && <Alert variant="error">{t.conflict}</Alert>}
        <ErrorSummary m={m} errors={state.errors} />
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
        {editable ? (
          <>
            <p>{t.planIntro}</p>
            <PlanForm t={t} lang={lang} action={action} csrf={csrfToken} state={state} />
          </>
        ) : hidden ? (
          <p>{t.notSubmittedYet}</p>
        ) : (
          <>
            {plan.status === 'submitted' && mode === 'workspace' && (
              <Alert variant="info">{t.readOnlySubmitted}</Alert>
            )}
            {plan.status === 'accepted' && mode === 'workspace' && (
              <Alert variant="info">{t.readOnlyAccepted}</Alert>
            )}
            <PlanView plan={plan} t={t} lang={lang} />
          </>
        )}
        {decisions.length > 0 && (
          <DecisionForms t={t} action={action} csrf={csrfToken} actions={decisions} problem={opts.decision} />
        )}
        <History events={history} t={t} lang={lang} />
        <p>
          <a href={pageHref(FOLLOW_UP_PAGE[mode], lang, params)}>{t.followUpLink(year)}</a>
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

const planLoad = (c: AppContext, cluster: PlanCluster, year: number) =>
  loadPlan(c.get('deps').db, cluster.id, year);

/** A number as typed: spaces and Danish thousands points removed, a decimal comma read as a point. */
export function parseAmount(raw: string): number | null {
  const s = raw.replace(/\s/g, '');
  if (s === '') return null;
  const plain = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) ? s.replace(/\./g, '') : s;
  const n = Number(plain.replace(',', '.'));
  return Number.isNaN(n) ? Number.NaN : n;
}

function inputOf(body: Record<string, unknown>): { input: PlanInput; values: Record<string, string> } {
  const values: Record<string, string> = {};
  const input: PlanInput = { goals: {}, activities: {}, narrative: '' };
  for (const [name, raw] of Object.entries(body)) {
    if (typeof raw !== 'string') continue;
    values[name] = raw;
    const goal = /^goal-(.+)$/.exec(name);
    const count = /^count-(.+)$/.exec(name);
    const budget = /^budget-(.+)$/.exec(name);
    if (goal?.[1]) input.goals[goal[1]] = parseAmount(raw);
    else if (count?.[1]) {
      const a = input.activities[count[1]] ?? {};
      a.plannedCount = parseAmount(raw);
      input.activities[count[1]] = a;
    } else if (budget?.[1]) {
      const a = input.activities[budget[1]] ?? {};
      a.budgetDkk = parseAmount(raw);
      input.activities[budget[1]] = a;
    }
  }
  input.narrative = values.narrative ?? '';
  return { input, values };
}

const errorText = (t: ActionPlanMessages, message: string) =>
  t.errors[message] ?? t.errors.invalid ?? message;

async function postPlan(c: AppContext) {
  const { user, cluster, year } = await planContext(c);
  const t = actionPlanMessages(c.get('lang'));
  const deps = c.get('deps');
  const body = await c.req.parseBody();
  const intent = body.intent === 'submit' ? 'submit' : 'save';
  const { input, values } = inputOf(body);
  const actor = { userId: user.userId, label: user.email, requestId: c.get('requestId') };
  try {
    await savePlan(deps.db, user, actor, cluster.id, year, input, deps.clock());
    if (intent === 'submit')
      await changePlanStatus(
        deps.db,
        user,
        actor,
        { clusterId: cluster.id, year, action: 'submit' },
        deps.clock(),
      );
  } catch (e) {
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

async function postDecision(c: AppContext) {
  const { user, cluster, year } = await planContext(c);
  const t = actionPlanMessages(c.get('lang'));
  const deps = c.get('deps');
  const parsed = decisionForm.safeParse(await c.req.parseBody());
  if (!parsed.success) throw new AppError('validation', 'Invalid decision form');
  const { action } = parsed.data;
  const comment = parsed.data.comment ?? '';
  try {
    await changePlanStatus(
      deps.db,
      user,
      { userId: user.userId, label: user.email, requestId: c.get('requestId') },
      { clusterId: cluster.id, year, action, comment },
      deps.clock(),
    );
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation')
      return planPage(c, 'funding', {
        decision: { action, comment, message: errorText(t, e.issues[0]?.message ?? 'invalid') },
        status: 422,
      });
    if (e instanceof AppError && e.code === 'conflict')
      return planPage(c, 'funding', {
        state: { values: {}, errors: {}, conflict: true },
        status: 409,
      });
    throw e;
  }
  const params = { slug: cluster.slug, year: String(year) };
  return c.redirect(pageHref('fundingActionPlan', c.get('lang'), params, { done: action }), 303);
}

// ---------------------------------------------------------------- follow-up

async function followUpPage(c: AppContext, mode: Mode) {
  const { cluster, year } = await planContext(c);
  const lang = c.get('lang');
  const t = actionPlanMessages(lang);
  const f = await planFollowUp(c.get('deps').db, cluster, year);
  const params = { slug: cluster.slug, year: String(year) };
  const planned = f.categories.filter((x) => x.plannedCount !== null && x.plannedCount > 0);
  const percent = (reported: number, plannedCount: number) => Math.round((100 * reported) / plannedCount);
  const diff = (d: number | null) => (d === null ? t.noValue : `${d > 0 ? '+' : ''}${num(d, lang)}`);
  const title = t.followUpTitle(cluster.name, year);
  return renderPage(c, title, () => (
    <>
      <h1>{title}</h1>
      <p class="font-lead">{t.followUpIntro}</p>
      <p>
        {t.statusLabel}: <StatusBadge status={f.plan.saved ? f.plan.status : null} t={t} />
      </p>
      <h2>{t.goalsHeading}</h2>
      <div class="table--responsive-scroll">
        <table class="table table--compact">
          <caption>{t.goalsCaption(year)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.key}</th>
              <th scope="col">{t.goal}</th>
              <th scope="col">{t.actual}</th>
              <th scope="col">{t.difference}</th>
              <th scope="col">{t.statusLabel}</th>
            </tr>
          </thead>
          <tbody>
            {f.goals.map((g) => (
              <tr>
                <th scope="row">{keyName(g.key, lang)}</th>
                <td class="results-number">{g.goal === null ? t.noValue : num(g.goal, lang)}</td>
                <td class="results-number">{num(g.actual, lang)}</td>
                <td class="results-number">{diff(g.difference)}</td>
                <td>{t.goalStatus[g.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t.activitiesHeading}</h2>
      <div class="table--responsive-scroll">
        <table class="table table--compact">
          <caption>{t.activitiesCaption(year)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.category}</th>
              <th scope="col">{t.plannedCount}</th>
              <th scope="col">{t.reportedCount}</th>
              <th scope="col">{t.difference}</th>
              <th scope="col">{t.budget}</th>
              <th scope="col">{t.reportedGrant}</th>
              <th scope="col">{t.statusLabel}</th>
            </tr>
          </thead>
          <tbody>
            {f.categories.map((x) => (
              <tr>
                <th scope="row">{categoryName(x.category, lang)}</th>
                <td class="results-number">
                  {x.plannedCount === null ? t.noValue : num(x.plannedCount, lang)}
                </td>
                <td class="results-number">{num(x.reportedCount, lang)}</td>
                <td class="results-number">{diff(x.difference)}</td>
                <td class="results-number">{x.budgetDkk === null ? t.noValue : num(x.budgetDkk, lang)}</td>
                <td class="results-number">{num(x.reportedGrantDkk, lang)}</td>
                <td>{t.activityStatus[x.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {planned.length === 0 ? (
        <p>{t.noPlannedActivities}</p>
      ) : (
        <ChartFigure
          id="plan-activities"
          caption={t.chartCaption(year)}
          chart={
            <BarChart
              id="plan-activities-chart"
              title={t.chartTitle}
              desc={t.chartDesc(planned.length)}
              bars={planned.map((x) => ({
                label: categoryName(x.category, lang),
                value: percent(x.reportedCount, x.plannedCount ?? 1),
              }))}
              format={(n) => `${formatNumber(Math.round(n), lang)} %`}
              labelWidth={190}
            />
          }
          table={{
            head: [t.category, t.plannedCount, t.reportedCount, t.percentOfPlan],
            rows: planned.map((x) => [
              categoryName(x.category, lang),
              num(x.plannedCount ?? 0, lang),
              num(x.reportedCount, lang),
              `${formatNumber(percent(x.reportedCount, x.plannedCount ?? 1), lang)} %`,
            ]),
          }}
        />
      )}
      <p>
        <a href={pageHref(PLAN_PAGE[mode], lang, params)}>{t.backToPlan}</a>
      </p>
    </>
  ));
}

// ---------------------------------------------------------------- funders' overview

/** The funder organisations whose clusters the user follows; null = every cluster (admins). */
function followedFunders(user: CurrentUser): string[] | null {
  if (user.memberships.some((m) => m.role === 'admin')) return null;
  return user.memberships.filter((m) => m.role === 'funder').map((m) => m.organisationId);
}

const yearQuery = z.coerce.number().int().min(MIN_YEAR).max(9999).optional().catch(undefined);

async function fundingOverview(c: AppContext) {
  const user = authorize(c.get('user'), 'actionPlans.overview');
  const lang = c.get('lang');
  const t = actionPlanMessages(lang);
  const deps = c.get('deps');
  const current = currentReportingYear(deps.clock());
  const years = Array.from({ length: current + 2 - 2021 }, (_, i) => current + 1 - i);
  const funders = followedFunders(user);
  const asked = yearQuery.parse(c.req.query('year') || undefined);
  let year = asked;
  let rows = asked === undefined ? [] : await plansOverview(deps.db, asked, funders);
  if (year === undefined) {
    // By default the newest year with funded clusters.
    for (const y of years) {
      rows = await plansOverview(deps.db, y, funders);
      year = y;
      if (rows.length > 0) break;
    }
  }
  const shownYear = year ?? current;
  const submitted = rows.filter((r) => r.status === 'submitted' || r.status === 'accepted').length;
  return renderPage(c, t.overviewTitle, () => (
    <>
      <h1>{t.overviewTitle}</h1>
      <p class="font-lead">{t.overviewIntro}</p>
      <form method="get" action={href('fundingActionPlans', lang)}>
        <div class="form-group">
          <label class="form-label" for="year">
            {t.filterYear}
          </label>
          <select class="form-select" id="year" name="year">
            {(years.includes(shownYear) ? years : [shownYear, ...years]).map((y) => (
              <option value={String(y)} selected={y === shownYear}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          {t.show}
        </button>
      </form>
      <h2>{t.open(shownYear)}</h2>
      {rows.length === 0 ? (
        <p>{t.noClusters}</p>
      ) : (
        <>
          <p>{t.summary(submitted, rows.length)}</p>
          <table class="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t.cluster}</th>
                <th scope="col">{t.statusLabel}</th>
                <th scope="col">{t.lastChange}</th>
                <th scope="col">{t.links}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const params = { slug: r.slug, year: String(shownYear) };
                return (
                  <tr>
                    <th scope="row">{r.name}</th>
                    <td>
                      <StatusBadge status={r.status} t={t} />
                    </td>
                    <td>{r.updatedAt ? formatDateTime(r.updatedAt, lang) : t.noValue}</td>
                    <td>
                      <a href={pageHref('fundingActionPlan', lang, params)}>
                        {t.viewPlan}
                        <span class="sr-only"> {r.name}</span>
                      </a>
                      {' · '}
                      <a href={pageHref('fundingActionPlanFollowUp', lang, params)}>
                        {t.viewFollowUp}
                        <span class="sr-only"> {r.name}</span>
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </>
  ));
}

export function registerActionPlanPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'actionPlans', workspaceList);
  onPage(app, 'GET', 'actionPlanFollowUp', (c) => followUpPage(c, 'workspace'));
  onPage(app, 'GET', 'actionPlan', (c) => planPage(c, 'workspace'));
  onPage(app, 'POST', 'actionPlan', postPlan);
  onPage(app, 'GET', 'fundingActionPlans', fundingOverview);
  onPage(app, 'GET', 'fundingActionPlanFollowUp', (c) => followUpPage(c, 'funding'));
  onPage(app, 'GET', 'fundingActionPlan', (c) => planPage(c, 'funding'));
  onPage(app, 'POST', 'fundingActionPlan', postDecision);
}
