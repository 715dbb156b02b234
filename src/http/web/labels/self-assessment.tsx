/**
 * A cluster's self-assessment against the label criteria: the form for its staff, read-only for
 * the support function; the level the scores indicate on top. The domain decides who may do what.
 */
import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { CRITERION_AREAS, LABEL_CRITERIA } from '../../../domain/labels/criteria.ts';
import {
  type SelfAssessment,
  saveSelfAssessment,
  selfAssessmentOf,
} from '../../../domain/labels/self-assessment.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime, messages } from '../../i18n/index.ts';
import { type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert, ErrorSummary, type FieldErrors } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { ScrollingTable } from '../../views/table.tsx';
import { onPage } from '../routes.ts';
import { type ActionFormState, ImprovementPlan } from './improvement-plan.tsx';
import { type SelfAssessmentMessages, selfAssessmentMessages } from './self-assessment.messages.ts';

type Values = Record<string, string>;

function CriterionField(p: {
  k: string;
  legend: string;
  t: SelfAssessmentMessages;
  value: string;
  error?: string | undefined;
}) {
  return (
    <fieldset class={p.error ? 'form-group form-error' : 'form-group'} id={p.k}>
      <legend class="form-label">{p.legend}</legend>
      {p.error && <span class="form-error-message">{p.error}</span>}
      <ul class="nobullet-list">
        {p.t.scores.map((label, score) => (
          <li class="form-group-radio">
            <input
              class="form-radio"
              type="radio"
              id={`${p.k}-${score}`}
              name={p.k}
              value={String(score)}
              checked={p.value === String(score)}
            />
            <label for={`${p.k}-${score}`}>{label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function Criteria(p: {
  a: SelfAssessment;
  t: SelfAssessmentMessages;
  lang: Lang;
  values: Values;
  errors: FieldErrors;
}) {
  const { t } = p;
  return (
    <>
      {CRITERION_AREAS.map((area) => (
        <section aria-labelledby={`area-${area}`}>
          <h2 id={`area-${area}`}>{t.areas[area]}</h2>
          {p.a.mayEdit ? (
            LABEL_CRITERIA.filter((c) => c.area === area).map((c) => (
              <CriterionField
                k={c.key}
                legend={c[p.lang]}
                t={t}
                value={p.values[c.key] ?? ''}
                error={p.errors[c.key]}
              />
            ))
          ) : (
            <ScrollingTable label={messages(p.lang).tableOf(t.areas[area])}>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t.criterion}</th>
                    <th scope="col">{t.score}</th>
                  </tr>
                </thead>
                <tbody>
                  {LABEL_CRITERIA.filter((c) => c.area === area).map((c) => {
                    const score = p.a.scores[c.key];
                    return (
                      <tr>
                        <td>{c[p.lang]}</td>
                        <td>{score === undefined ? t.notScored : t.scores[score]}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollingTable>
          )}
        </section>
      ))}
    </>
  );
}

const DONE = { saved: 'saved', added: 'added', actionDone: 'doneSaved' } as const;

export async function selfAssessmentPage(
  c: AppContext,
  opts: { values?: Values; errors?: FieldErrors; action?: ActionFormState; status?: 200 | 422 } = {},
) {
  const a = await selfAssessmentOf(c.get('deps').db, callerOf(c), c.req.param('slug') ?? '');
  const lang = c.get('lang');
  const t = selfAssessmentMessages(lang);
  const values = opts.values ?? Object.fromEntries(Object.entries(a.scores).map(([k, v]) => [k, String(v)]));
  const errors = opts.errors ?? {};
  const title = t.title(a.cluster.name);
  const doneKey = DONE[c.req.query('done') as keyof typeof DONE];
  const done = doneKey === 'saved' ? t.saved : doneKey ? t.plan[doneKey] : undefined;
  return renderPage(
    c,
    title,
    ({ csrfToken, m }) => (
      <>
        <h1>{title}</h1>
        {done && <Alert variant="success">{done}</Alert>}
        <ErrorSummary m={m} errors={{ ...errors, ...opts.action?.errors }} />
        <p class="font-lead">{t.intro}</p>
        <Alert variant="info">{a.level ? t.result(t.level[a.level] ?? a.level) : t.incomplete}</Alert>
        {a.updatedAt && (
          <p>
            {t.lastChange}: {formatDateTime(a.updatedAt, lang)}
          </p>
        )}
        {a.mayEdit ? (
          <form
            method="post"
            action={pageHref('labelSelfAssessment', lang, { slug: a.cluster.slug })}
            novalidate
          >
            <CsrfField token={csrfToken} />
            <Criteria a={a} t={t} lang={lang} values={values} errors={errors} />
            <button type="submit" class="button button-primary">
              {t.save}
            </button>
          </form>
        ) : (
          <Criteria a={a} t={t} lang={lang} values={values} errors={errors} />
        )}
        <ImprovementPlan
          slug={a.cluster.slug}
          actions={a.actions}
          mayEdit={a.mayEdit}
          t={t}
          m={m}
          lang={lang}
          csrf={csrfToken}
          state={opts.action ?? { values: {}, errors: {} }}
        />
      </>
    ),
    opts.status ?? 200,
  );
}

async function postSelfAssessment(c: AppContext) {
  const deps = c.get('deps');
  const caller = callerOf(c);
  const { cluster } = await selfAssessmentOf(deps.db, caller, c.req.param('slug') ?? '');
  const body = await c.req.parseBody();
  const values: Values = Object.fromEntries(
    LABEL_CRITERIA.map((k) => [k.key, typeof body[k.key] === 'string' ? (body[k.key] as string) : '']),
  );
  try {
    await saveSelfAssessment(deps.db, caller, cluster.id, values, deps.clock());
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation') {
      const t = selfAssessmentMessages(c.get('lang'));
      const errors: FieldErrors = Object.fromEntries(e.issues.map((i) => [i.field, t.required]));
      return selfAssessmentPage(c, { values, errors, status: 422 });
    }
    throw e;
  }
  return c.redirect(
    pageHref('labelSelfAssessment', c.get('lang'), { slug: cluster.slug }, { done: 'saved' }),
    303,
  );
}

export function registerSelfAssessmentPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'labelSelfAssessment', (c) => selfAssessmentPage(c));
  onPage(app, 'POST', 'labelSelfAssessment', postSelfAssessment);
}
