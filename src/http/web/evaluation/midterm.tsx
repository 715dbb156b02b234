import type { Hono } from 'hono';
import { z } from 'zod';
import { AppError, forbidden, notFound } from '../../../domain/errors.ts';
import { recordEvaluation } from '../../../domain/evaluation/commands.ts';
import {
  type ClusterEvaluation,
  type ClusterInPeriod,
  clusterEvaluation,
  clustersInPeriod,
  evaluationOverview,
  type FundingPeriod,
  fundingPeriods,
} from '../../../domain/evaluation/midterm.ts';
import type { Flag } from '../../../domain/evaluation/rules.ts';
import { currentEvaluationConfig } from '../../../domain/evaluation/rules-store.ts';
import { authorize, can } from '../../../domain/policy/policy.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, SelectField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { formatFigure } from './benchmarking.tsx';
import { type EvaluationMessages, evaluationMessages } from './messages.ts';
import { ruleText } from './rules.tsx';

const periodQuery = z.object({
  periode: z
    .string()
    .regex(/^\d{4}-\d{4}$/)
    .optional()
    .catch(undefined),
});
const periodKey = (p: FundingPeriod) => `${p.from}-${p.to}`;

async function choosePeriod(
  c: AppContext,
): Promise<{ period: FundingPeriod | null; periods: FundingPeriod[] }> {
  const periods = await fundingPeriods(c.get('deps').db);
  const wanted = periodQuery.parse(c.req.query()).periode;
  return { period: periods.find((p) => periodKey(p) === wanted) ?? periods[0] ?? null, periods };
}

const mayView = (c: AppContext, cl: ClusterInPeriod) =>
  can(c.get('user'), 'evaluations.view', { organisationId: cl.clusterId, fundedBy: cl.fundedBy });

/** Only funders and admins have an evaluation area; others are refused, not shown an empty list. */
function requireEvaluator(c: AppContext) {
  return authorize(c.get('user'), 'funding.view');
}

export function flagText(f: Flag, t: EvaluationMessages, lang: Lang): string {
  const fmt = (n: number) => formatFigure(n, lang);
  switch (f.kind) {
    case 'bottom_quartile_running':
      return t.evaluation.flag.bottom_quartile_running(t.keys[f.key], f.years);
    case 'decline_from_first_year':
      return t.evaluation.flag.decline_from_first_year(
        t.keys[f.key],
        f.firstYear,
        f.lastYear,
        t.pct(f.change, lang),
      );
    case 'below_goal':
      return t.evaluation.flag.below_goal(t.keys[f.key], f.year, fmt(f.value), fmt(f.goal));
  }
}

function PeriodFilter({
  t,
  lang,
  periods,
  period,
}: {
  t: EvaluationMessages;
  lang: Lang;
  periods: FundingPeriod[];
  period: FundingPeriod;
}) {
  return (
    <form method="get" action={href('evaluations', lang)}>
      <SelectField
        name="periode"
        label={t.evaluation.period}
        value={periodKey(period)}
        options={periods.map((p) => ({ value: periodKey(p), label: `${p.from}–${p.to}` }))}
      />
      <button type="submit" class="button button-secondary">
        {t.show}
      </button>
    </form>
  );
}

function FlagList({ flags, t, lang }: { flags: Flag[]; t: EvaluationMessages; lang: Lang }) {
  if (flags.length === 0) return <>{t.evaluation.noFlags}</>;
  return (
    <ul class="evaluation-flags">
      {flags.map((f) => (
        <li>
          <strong>{t.evaluation.flags}:</strong> {flagText(f, t, lang)}
        </li>
      ))}
    </ul>
  );
}

async function overview(c: AppContext) {
  requireEvaluator(c);
  const lang = c.get('lang');
  const t = evaluationMessages(lang);
  const { period, periods } = await choosePeriod(c);
  const db = c.get('deps').db;
  const visible = period ? (await clustersInPeriod(db, period)).filter((cl) => mayView(c, cl)) : [];
  const config = await currentEvaluationConfig(db);
  const rows = period ? await evaluationOverview(db, period, config, visible) : [];
  return renderPage(c, t.evaluation.title, () => (
    <>
      <h1>{t.evaluation.title}</h1>
      <p class="font-lead">{t.evaluation.lead}</p>
      {period && <PeriodFilter t={t} lang={lang} periods={periods} period={period} />}
      {rows.length === 0 || !period ? (
        <p>{t.evaluation.noClusters}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption>
              {t.evaluation.title} {period.from}–{period.to}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.cluster}</th>
                <th scope="col">{t.league}</th>
                <th scope="col">{t.evaluation.reported}</th>
                <th scope="col">{t.evaluation.flags}</th>
                <th scope="col">{t.evaluation.conclusion}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={pageHref('evaluation', lang, { slug: r.slug }, { periode: periodKey(period) })}>
                      {r.name}
                    </a>
                  </th>
                  <td>{t.leagues[r.league]}</td>
                  <td>{r.span ? `${r.span.first}–${r.span.last}` : t.none}</td>
                  <td>
                    <FlagList flags={r.flags} t={t} lang={lang} />
                  </td>
                  <td>
                    {r.latest
                      ? `${t.conclusions[r.latest.conclusion]} (${formatDateTime(r.latest.decidedAt, lang)})`
                      : t.evaluation.undecided}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t.evaluation.rulesHeading}</h2>
        <ul>
          {config.rules.map((r) => (
            <li>{ruleText(r, t)}</li>
          ))}
        </ul>
        <p>
          <a href={href('evaluationRules', lang)}>
            {can(c.get('user'), 'evaluations.configure') ? t.rules.edit : t.rules.title}
          </a>
        </p>
      </section>
    </>
  ));
}

/** The cluster of the page in the chosen period, for its funders, its own staff and admins. */
async function evaluatedCluster(c: AppContext) {
  authorize(c.get('user'), 'account.view');
  const { period } = await choosePeriod(c);
  if (!period) throw notFound('funding period');
  const cluster = (await clustersInPeriod(c.get('deps').db, period)).find(
    (cl) => cl.slug === c.req.param('slug'),
  );
  if (!cluster) throw notFound('cluster in period');
  if (!mayView(c, cluster)) throw forbidden('Neither a funder nor staff of this cluster');
  return { period, cluster };
}

function KeysTable({ ev, t, lang }: { ev: ClusterEvaluation; t: EvaluationMessages; lang: Lang }) {
  const span = ev.span;
  if (!span) return <p>{t.evaluation.noReports}</p>;
  const fmt = (n: number | null) => (n === null ? '–' : formatFigure(n, lang));
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption>{t.evaluation.keysCaption(span.first, span.last)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.key}</th>
            <th scope="col">{span.first}</th>
            <th scope="col">{span.last}</th>
            <th scope="col">{t.evaluation.change}</th>
            <th scope="col">{t.evaluation.changePercent}</th>
            {ev.hasGoals && <th scope="col">{`${t.evaluation.goal} ${span.last}`}</th>}
            <th scope="col">{`${t.evaluation.quartileLast} ${span.last}`}</th>
          </tr>
        </thead>
        <tbody>
          {ev.keys.map((k) => (
            <tr>
              <th scope="row">{t.keys[k.key]}</th>
              <td>{fmt(k.first)}</td>
              <td>{fmt(k.last)}</td>
              <td>{k.change === null ? '–' : `${k.change > 0 ? '+' : ''}${fmt(k.change)}`}</td>
              <td>{k.changePercent === null ? '–' : t.pct(k.changePercent, lang)}</td>
              {ev.hasGoals && <td>{fmt(k.goal)}</td>}
              <td>{k.lastQuartile === null ? '–' : t.quartiles[k.lastQuartile]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DecisionForm(p: {
  t: EvaluationMessages;
  action: string;
  csrfToken: string;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const { t } = p;
  const e = t.evaluation;
  return (
    <form method="post" action={p.action} novalidate>
      <CsrfField token={p.csrfToken} />
      <p>{e.decideHint}</p>
      <fieldset class={p.errors.conclusion ? 'form-group form-error' : 'form-group'} id="conclusion">
        <legend class="form-label">{e.conclusion}</legend>
        {p.errors.conclusion && <span class="form-error-message">{p.errors.conclusion}</span>}
        <ul class="nobullet-list">
          {(['continue', 'adjust', 'withdraw'] as const).map((value) => (
            <li class="form-group-radio">
              <input
                class="form-radio"
                type="radio"
                id={`conclusion-${value}`}
                name="conclusion"
                value={value}
                checked={p.values.conclusion === value}
              />
              <label for={`conclusion-${value}`}>{t.conclusions[value]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div class={p.errors.reasoning ? 'form-group form-error' : 'form-group'}>
        <label class="form-label" for="reasoning">
          {e.reasoning}
        </label>
        <span class="form-hint" id="reasoning-hint">
          {e.reasoningHint}
        </span>
        {p.errors.reasoning && (
          <span class="form-error-message" id="reasoning-error">
            {p.errors.reasoning}
          </span>
        )}
        <textarea
          class="form-input"
          id="reasoning"
          name="reasoning"
          rows={5}
          aria-describedby={p.errors.reasoning ? 'reasoning-hint reasoning-error' : 'reasoning-hint'}
        >
          {p.values.reasoning ?? ''}
        </textarea>
      </div>
      <button type="submit" class="button button-primary">
        {e.submit}
      </button>
    </form>
  );
}

async function detail(
  c: AppContext,
  form: { values: Record<string, string>; errors: FieldErrors } = { values: {}, errors: {} },
) {
  const { period, cluster } = await evaluatedCluster(c);
  const lang = c.get('lang');
  const t = evaluationMessages(lang);
  const db = c.get('deps').db;
  const ev = await clusterEvaluation(db, period, await currentEvaluationConfig(db), cluster);
  const mayDecide = can(c.get('user'), 'evaluations.decide', {
    organisationId: cluster.clusterId,
    fundedBy: cluster.fundedBy,
  });
  const self = pageHref('evaluation', lang, { slug: cluster.slug }, { periode: periodKey(period) });
  const title = `${t.evaluation.title}: ${cluster.name}`;
  const status = Object.keys(form.errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    title,
    ({ csrfToken, m }) => (
      <>
        <h1>{title}</h1>
        <p class="font-lead">
          {t.evaluation.period} {period.from}–{period.to} · {t.leagues[cluster.league]}
        </p>
        {c.req.query('gemt') === '1' && <Alert variant="success">{t.evaluation.saved}</Alert>}
        <ErrorSummary m={m} errors={form.errors} />
        <h2>{t.evaluation.keysHeading}</h2>
        <KeysTable ev={ev} t={t} lang={lang} />
        {!ev.hasGoals && <p>{t.evaluation.noGoals}</p>}
        <h2>{t.evaluation.flags}</h2>
        <FlagList flags={ev.flags} t={t} lang={lang} />
        {mayDecide && (
          <section aria-labelledby="decide-heading">
            <h2 id="decide-heading">{t.evaluation.decideHeading}</h2>
            <DecisionForm
              t={t}
              action={self}
              csrfToken={csrfToken}
              values={form.values}
              errors={form.errors}
            />
          </section>
        )}
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t.evaluation.historyHeading}</h2>
          {ev.history.length === 0 ? (
            <p>{t.evaluation.noHistory}</p>
          ) : (
            <table class="table table--compact">
              <caption>{t.evaluation.historyHeading}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.evaluation.decidedAt}</th>
                  <th scope="col">{t.evaluation.conclusion}</th>
                  <th scope="col">{t.evaluation.reasoning}</th>
                  <th scope="col">{t.evaluation.decidedBy}</th>
                </tr>
              </thead>
              <tbody>
                {ev.history.map((h) => (
                  <tr>
                    <td>{formatDateTime(h.decidedAt, lang)}</td>
                    <td>{t.conclusions[h.conclusion]}</td>
                    <td>{h.reasoning}</td>
                    <td>
                      {h.decidedByLabel}
                      {h.funderName && ` (${h.funderName})`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <p>
          {can(c.get('user'), 'funding.view') ? (
            <a href={href('evaluations', lang, { periode: periodKey(period) })}>{t.evaluation.back}</a>
          ) : (
            <a href={href('workspace', lang)}>{t.evaluation.backToWorkspace}</a>
          )}
        </p>
      </>
    ),
    status,
  );
}

async function decide(c: AppContext) {
  const { period, cluster } = await evaluatedCluster(c);
  const user = c.get('user');
  const body = await c.req.parseBody();
  const values = {
    conclusion: typeof body.conclusion === 'string' ? body.conclusion : '',
    reasoning: typeof body.reasoning === 'string' ? body.reasoning : '',
  };
  try {
    await recordEvaluation(
      c.get('deps').db,
      { userId: user?.userId ?? null, label: user?.email ?? 'unknown', requestId: c.get('requestId') },
      user,
      { cluster, period, decision: values },
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation') {
      const t = evaluationMessages(c.get('lang'));
      return detail(c, { values, errors: toFieldErrors(err.issues, c.get('m'), t.evaluation.errors) });
    }
    throw err;
  }
  const lang = c.get('lang');
  return c.redirect(
    pageHref('evaluation', lang, { slug: cluster.slug }, { periode: periodKey(period), gemt: '1' }),
    303,
  );
}

export function registerEvaluationPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'evaluations', overview);
  onPage(app, 'GET', 'evaluation', (c) => detail(c));
  onPage(app, 'POST', 'evaluation', decide);
}
