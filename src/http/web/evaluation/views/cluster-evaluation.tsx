import type { ClusterEvaluation, EvaluationRecord } from '../../../../domain/evaluation/midterm.ts';
import { type ClusterEvaluationView, periodKey } from '../../../../domain/evaluation/queries.ts';
import { formatDateTime, type Messages } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert, ErrorSummary, type FieldErrors } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { EvaluationMessages } from '../messages.ts';
import { FlagList } from './flags.tsx';
import { formatFigure } from './format.ts';

type Shared = { t: EvaluationMessages; lang: Lang };
export type DecisionForm = { values: Record<string, string>; errors: FieldErrors };

function KeysTable({ ev, t, lang }: Shared & { ev: ClusterEvaluation }) {
  const span = ev.span;
  if (!span) return <p>{t.evaluation.noReports}</p>;
  const fmt = (n: number | null) => (n === null ? '–' : formatFigure(n, lang));
  return (
    <ScrollingTable label={t.evaluation.keysCaption(span.first, span.last)}>
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
    </ScrollingTable>
  );
}

function DecisionFormView(p: {
  t: EvaluationMessages;
  action: string;
  csrfToken: string;
  form: DecisionForm;
}) {
  const { t } = p;
  const e = t.evaluation;
  const { values, errors } = p.form;
  return (
    <form method="post" action={p.action} novalidate>
      <CsrfField token={p.csrfToken} />
      <p>{e.decideHint}</p>
      <fieldset class={errors.conclusion ? 'form-group form-error' : 'form-group'} id="conclusion">
        <legend class="form-label">{e.conclusion}</legend>
        {errors.conclusion && <span class="form-error-message">{errors.conclusion}</span>}
        <ul class="nobullet-list">
          {(['continue', 'adjust', 'withdraw'] as const).map((value) => (
            <li class="form-group-radio">
              <input
                class="form-radio"
                type="radio"
                id={`conclusion-${value}`}
                name="conclusion"
                value={value}
                checked={values.conclusion === value}
              />
              <label for={`conclusion-${value}`}>{t.conclusions[value]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div class={errors.reasoning ? 'form-group form-error' : 'form-group'}>
        <label class="form-label" for="reasoning">
          {e.reasoning}
        </label>
        <span class="form-hint" id="reasoning-hint">
          {e.reasoningHint}
        </span>
        {errors.reasoning && (
          <span class="form-error-message" id="reasoning-error">
            {errors.reasoning}
          </span>
        )}
        <textarea
          class="form-input"
          id="reasoning"
          name="reasoning"
          rows={5}
          aria-describedby={errors.reasoning ? 'reasoning-hint reasoning-error' : 'reasoning-hint'}
        >
          {values.reasoning ?? ''}
        </textarea>
      </div>
      <button type="submit" class="button button-primary">
        {e.submit}
      </button>
    </form>
  );
}

function History({ history, t, lang }: Shared & { history: EvaluationRecord[] }) {
  if (history.length === 0) return <p>{t.evaluation.noHistory}</p>;
  return (
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
        {history.map((h) => (
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
  );
}

/** One cluster's evaluation: keys against its start and goals, flags, the decision form, history. */
export function ClusterEvaluationPage(
  p: Shared & {
    view: ClusterEvaluationView;
    title: string;
    saved: boolean;
    form: DecisionForm;
    csrfToken: string;
    m: Messages;
  },
) {
  const { view, t, lang } = p;
  const { period, cluster, evaluation: ev } = view;
  const self = pageHref('evaluation', lang, { slug: cluster.slug }, { periode: periodKey(period) });
  return (
    <>
      <h1>{p.title}</h1>
      <p class="font-lead">
        {t.evaluation.period} {period.from}–{period.to} · {t.leagues[cluster.league]}
      </p>
      {p.saved && <Alert variant="success">{t.evaluation.saved}</Alert>}
      <ErrorSummary m={p.m} errors={p.form.errors} />
      <h2>{t.evaluation.keysHeading}</h2>
      <KeysTable ev={ev} t={t} lang={lang} />
      {!ev.hasGoals && <p>{t.evaluation.noGoals}</p>}
      <h2>{t.evaluation.flags}</h2>
      <FlagList flags={ev.flags} t={t} lang={lang} />
      {view.may.decide && (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading">{t.evaluation.decideHeading}</h2>
          <DecisionFormView t={t} action={self} csrfToken={p.csrfToken} form={p.form} />
        </section>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t.evaluation.historyHeading}</h2>
        <History history={ev.history} t={t} lang={lang} />
      </section>
      <p>
        {view.may.overview ? (
          <a href={href('evaluations', lang, { periode: periodKey(period) })}>{t.evaluation.back}</a>
        ) : (
          <a href={href('workspace', lang)}>{t.evaluation.backToWorkspace}</a>
        )}
      </p>
    </>
  );
}
