import type { EvaluationConfig } from '../../../../domain/evaluation/config.ts';
import { FLAG_RULE_KINDS, type FlagRule } from '../../../../domain/evaluation/config.ts';
import { FIGURE_KEYS } from '../../../../domain/evaluation/figures.ts';
import type { RuleVersion } from '../../../../domain/evaluation/rules-store.ts';
import { formatDateTime, type Messages } from '../../../i18n/index.ts';
import { href, type Lang } from '../../../paths.ts';
import { Alert, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { EvaluationMessages } from '../messages.ts';
import type { RulesForm } from '../rules-form.ts';
import { ruleText } from './flags.tsx';

function RulesFormView({
  t,
  form,
  errors,
  csrfToken,
  action,
}: {
  t: EvaluationMessages;
  form: RulesForm;
  errors: FieldErrors;
  csrfToken: string;
  action: string;
}) {
  const r = t.rules;
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={csrfToken} />
      <input type="hidden" name="rows" value={String(form.rows.length)} />
      {form.rows.map((row, i) => (
        <fieldset class="evaluation-rule">
          <legend class="h4">{r.ruleLegend(i + 1)}</legend>
          <SelectField
            name={`kind-${i}`}
            label={r.kind}
            value={row.kind}
            placeholder=""
            error={errors[`kind-${i}`]}
            options={FLAG_RULE_KINDS.map((k) => ({ value: k, label: r.kinds[k] }))}
          />
          <SelectField
            name={`key-${i}`}
            label={r.figure}
            value={row.key}
            placeholder=""
            error={errors[`key-${i}`]}
            options={FIGURE_KEYS.map((k) => ({ value: k, label: t.keys[k] }))}
          />
          <TextField
            name={`years-${i}`}
            label={r.years}
            hint={r.yearsHint}
            value={row.years}
            error={errors[`years-${i}`]}
          />
          <TextField
            name={`percent-${i}`}
            label={r.percent}
            hint={r.percentHint}
            value={row.percent}
            error={errors[`percent-${i}`]}
          />
          <div class="form-group form-group-checkbox">
            <input class="form-checkbox" type="checkbox" id={`remove-${i}`} name={`remove-${i}`} />
            <label for={`remove-${i}`}>{r.remove}</label>
          </div>
        </fieldset>
      ))}
      <p>
        <button type="submit" name="action" value="add" class="button button-secondary">
          {r.add}
        </button>
      </p>
      <fieldset>
        <legend class="h4">{r.qualityLegend}</legend>
        <TextField name="outlier" label={r.outlier} value={form.outlier} error={errors.outlier} />
        <TextField name="missing" label={r.missing} value={form.missing} error={errors.missing} />
        <TextField
          name="activityRule"
          label={r.activityRule}
          value={form.activityRule}
          error={errors.activityRule}
        />
      </fieldset>
      <TextField name="note" label={r.note} value={form.note} />
      <button type="submit" name="action" value="save" class="button button-primary">
        {r.save}
      </button>
    </form>
  );
}

function VersionHistory({
  versions,
  t,
  lang,
}: {
  versions: RuleVersion[];
  t: EvaluationMessages;
  lang: Lang;
}) {
  if (versions.length === 0) return <p>{t.rules.noHistory}</p>;
  return (
    <table class="table table--compact">
      <caption>{t.rules.history}</caption>
      <thead>
        <tr>
          <th scope="col">{t.rules.savedAt}</th>
          <th scope="col">{t.rules.savedBy}</th>
          <th scope="col">{t.rules.ruleCount}</th>
          <th scope="col">{t.rules.note}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr>
            <td>{formatDateTime(v.createdAt, lang)}</td>
            <td>{v.createdByLabel}</td>
            <td>
              <ul class="nobullet-list">
                {v.config.rules.map((rule) => (
                  <li>{ruleText(rule, t)}</li>
                ))}
              </ul>
            </td>
            <td>{v.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The rules in force, the form to change them for those who may, and every saved version. */
export function RulesPageView(p: {
  config: EvaluationConfig;
  versions: RuleVersion[];
  /** The form to show, or none when the caller may not edit. */
  form: RulesForm | null;
  errors: FieldErrors;
  saved: boolean;
  csrfToken: string;
  m: Messages;
  t: EvaluationMessages;
  lang: Lang;
}) {
  const { config, t, lang } = p;
  return (
    <>
      <h1>{t.rules.title}</h1>
      <p class="font-lead">{t.rules.lead}</p>
      {p.saved && <Alert variant="success">{t.rules.saved}</Alert>}
      <ErrorSummary m={p.m} errors={p.errors} />
      <h2>{t.rules.current}</h2>
      {p.versions.length === 0 && <p>{t.rules.defaults}</p>}
      <ul>
        {config.rules.map((rule: FlagRule) => (
          <li>{ruleText(rule, t)}</li>
        ))}
      </ul>
      <p>
        {t.quality.thresholds(
          config.dataQuality.outlierChangePercent,
          config.dataQuality.missingSharePercent,
        )}{' '}
        {t.quality.ruleThreshold(config.dataQuality.activityRuleSharePercent)}
      </p>
      {p.form && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t.rules.edit}</h2>
          <RulesFormView
            t={t}
            form={p.form}
            errors={p.errors}
            csrfToken={p.csrfToken}
            action={href('evaluationRules', lang)}
          />
        </section>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t.rules.history}</h2>
        <VersionHistory versions={p.versions} t={t} lang={lang} />
      </section>
      <p>
        <a href={href('evaluations', lang)}>{t.evaluation.back}</a>
      </p>
    </>
  );
}
