import type { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../../domain/errors.ts';
import { recordEvaluation } from '../../../domain/evaluation/commands.ts';
import {
  clusterEvaluationFor,
  evaluatedCluster,
  evaluationOverviewFor,
  periodKey,
} from '../../../domain/evaluation/queries.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { onPage } from '../routes.ts';
import { evaluationMessages } from './messages.ts';
import { ClusterEvaluationPage, type DecisionForm } from './views/cluster-evaluation.tsx';
import { MidtermOverviewView } from './views/midterm-overview.tsx';

const periodQuery = z.object({
  periode: z
    .string()
    .regex(/^\d{4}-\d{4}$/)
    .optional()
    .catch(undefined),
});
const wanted = (c: AppContext) => ({
  slug: c.req.param('slug') ?? '',
  period: periodQuery.parse(c.req.query()).periode,
});

async function overview(c: AppContext) {
  const view = await evaluationOverviewFor(c.get('deps').db, callerOf(c), { period: wanted(c).period });
  const lang = c.get('lang');
  const t = evaluationMessages(lang);
  return renderPage(c, t.evaluation.title, () => <MidtermOverviewView view={view} t={t} lang={lang} />);
}

async function detail(c: AppContext, form: DecisionForm = { values: {}, errors: {} }) {
  const view = await clusterEvaluationFor(c.get('deps').db, callerOf(c), wanted(c));
  const lang = c.get('lang');
  const t = evaluationMessages(lang);
  const title = `${t.evaluation.title}: ${view.cluster.name}`;
  const status = Object.keys(form.errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    title,
    ({ csrfToken, m }) => (
      <ClusterEvaluationPage
        view={view}
        title={title}
        saved={c.req.query('gemt') === '1'}
        form={form}
        csrfToken={csrfToken}
        m={m}
        t={t}
        lang={lang}
      />
    ),
    status,
  );
}

async function decide(c: AppContext) {
  const db = c.get('deps').db;
  const caller = callerOf(c);
  const { period, cluster } = await evaluatedCluster(db, caller, wanted(c));
  const body = formFields(await c.req.parseBody());
  const values = { conclusion: body.conclusion ?? '', reasoning: body.reasoning ?? '' };
  try {
    await recordEvaluation(db, caller, { clusterId: cluster.clusterId, period, decision: values });
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation') {
      const t = evaluationMessages(c.get('lang'));
      return detail(c, { values, errors: toFieldErrors(err.issues, c.get('m'), t.evaluation.errors) });
    }
    throw err;
  }
  return c.redirect(
    pageHref('evaluation', c.get('lang'), { slug: cluster.slug }, { periode: periodKey(period), gemt: '1' }),
    303,
  );
}

export function registerEvaluationPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'evaluations', overview);
  onPage(app, 'GET', 'evaluation', (c) => detail(c));
  onPage(app, 'POST', 'evaluation', decide);
}
