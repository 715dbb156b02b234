/**
 * The improvement plan under a cluster's self-assessment: its dated actions, the form to add one
 * and "mark done", for the cluster's staff; read-only for the support function.
 */
import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import {
  addImprovementAction,
  type ImprovementAction,
  markActionDone,
} from '../../../domain/labels/improvement-plan.ts';
import { selfAssessmentOf } from '../../../domain/labels/self-assessment.ts';
import { callerOf } from '../../caller.ts';
import { type AppContext, type AppEnv, today } from '../../context.ts';
import { formatDate, type Messages } from '../../i18n/index.ts';
import type { Lang } from '../../paths.ts';
import { pageHref } from '../../paths.ts';
import { formFields } from '../../validation.ts';
import { DateInput, datePartsOf, type FieldErrors, TextField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { ScrollingTable } from '../../views/table.tsx';
import { onPage } from '../routes.ts';
import type { SelfAssessmentMessages } from './self-assessment.messages.ts';
import { selfAssessmentMessages } from './self-assessment.messages.ts';
import { selfAssessmentPage } from './self-assessment.tsx';

export interface ActionFormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

export function ImprovementPlan(p: {
  slug: string;
  actions: ImprovementAction[];
  mayEdit: boolean;
  t: SelfAssessmentMessages;
  m: Messages;
  lang: Lang;
  csrf: string;
  state: ActionFormState;
}) {
  const t = p.t.plan;
  return (
    <section aria-labelledby="plan-heading" id="forbedringsplan">
      <h2 id="plan-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      {p.actions.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ScrollingTable label={p.m.tableOf(t.heading)}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t.action}</th>
                <th scope="col">{t.dueOn}</th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {p.actions.map((a) => (
                <tr>
                  <td>{a.title}</td>
                  <td>{formatDate(a.dueOn, p.lang)}</td>
                  <td>
                    {a.doneOn ? (
                      <span class="badge badge-success">{t.done(formatDate(a.doneOn, p.lang))}</span>
                    ) : p.mayEdit ? (
                      <form
                        method="post"
                        action={pageHref('labelImprovementActionDone', p.lang, { slug: p.slug, id: a.id })}
                      >
                        <CsrfField token={p.csrf} />
                        <span class="badge badge-warning">{t.open}</span>{' '}
                        <button
                          type="submit"
                          class="button button-secondary"
                          aria-label={t.markDoneLabel(a.title)}
                        >
                          {t.markDone}
                        </button>
                      </form>
                    ) : (
                      <span class="badge badge-warning">{t.open}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
      {p.mayEdit && (
        <form method="post" action={pageHref('labelImprovementActions', p.lang, { slug: p.slug })} novalidate>
          <h3>{t.newHeading}</h3>
          <CsrfField token={p.csrf} />
          <TextField name="title" label={t.title} value={p.state.values.title} error={p.state.errors.title} />
          <DateInput
            name="dueOn"
            legend={t.dueLegend}
            m={p.m}
            value={datePartsOf(p.state.values, 'dueOn')}
            error={p.state.errors.dueOn}
          />
          <button type="submit" class="button button-primary">
            {t.add}
          </button>
        </form>
      )}
    </section>
  );
}

async function postAction(c: AppContext) {
  const deps = c.get('deps');
  const caller = callerOf(c);
  const { cluster } = await selfAssessmentOf(deps.db, caller, c.req.param('slug') ?? '');
  const values = formFields(await c.req.parseBody());
  try {
    await addImprovementAction(deps.db, caller, cluster.id, values);
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation') {
      const t = selfAssessmentMessages(c.get('lang')).plan;
      const errors: FieldErrors = {};
      for (const i of e.issues) errors[i.field] ??= t.errors[i.message] ?? t.errors.required ?? '';
      return selfAssessmentPage(c, { action: { values, errors }, status: 422 });
    }
    throw e;
  }
  return c.redirect(
    pageHref('labelSelfAssessment', c.get('lang'), { slug: cluster.slug }, { done: 'added' }),
    303,
  );
}

async function postDone(c: AppContext) {
  const deps = c.get('deps');
  const caller = callerOf(c);
  const { cluster } = await selfAssessmentOf(deps.db, caller, c.req.param('slug') ?? '');
  await markActionDone(deps.db, caller, { clusterId: cluster.id, id: c.req.param('id') ?? '' }, today(c));
  return c.redirect(
    pageHref('labelSelfAssessment', c.get('lang'), { slug: cluster.slug }, { done: 'actionDone' }),
    303,
  );
}

export function registerImprovementPlanPages(app: Hono<AppEnv>): void {
  onPage(app, 'POST', 'labelImprovementActions', postAction);
  onPage(app, 'POST', 'labelImprovementActionDone', postDone);
}
