import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { type EvaluationConfig, FLAG_RULE_KINDS, type FlagRule } from '../../../domain/evaluation/config.ts';
import { FIGURE_KEYS } from '../../../domain/evaluation/figures.ts';
import {
  currentEvaluationConfig,
  ruleVersions,
  saveEvaluationConfig,
} from '../../../domain/evaluation/rules-store.ts';
import { authorize, can } from '../../../domain/policy/policy.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { type EvaluationMessages, evaluationMessages } from './messages.ts';

export function ruleText(r: FlagRule, t: EvaluationMessages): string {
  switch (r.kind) {
    case 'bottom_quartile_running':
      return t.evaluation.rule.bottom_quartile_running(t.keys[r.key], r.years);
    case 'decline_from_first_year':
      return t.evaluation.rule.decline_from_first_year(t.keys[r.key], r.percent);
    case 'below_goal':
      return t.evaluation.rule.below_goal(t.keys[r.key]);
  }
}

/** At most this many rule rows in the form. */
const MAX_RULES = 30;

/** The form's values as typed: one row per rule plus the data-quality thresholds. */
interface RuleRow {
  kind: string;
  key: string;
  years: string;
  percent: string;
}
interface RulesForm {
  rows: RuleRow[];
  outlier: string;
  missing: string;
  note: string;
}

const formOf = (config: EvaluationConfig): RulesForm => ({
  rows: config.rules.map((r) => ({
    kind: r.kind,
    key: r.key,
    years: r.kind === 'bottom_quartile_running' ? String(r.years) : '',
    percent: r.kind === 'decline_from_first_year' ? String(r.percent) : '',
  })),
  outlier: String(config.dataQuality.outlierChangePercent),
  missing: String(config.dataQuality.missingSharePercent),
  note: '',
});

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
/** A number as a Dane types it ("12,5"); blank stays blank so zod reports the field. */
const number = (v: string) => (v === '' ? undefined : Number(v.replace(',', '.')));

/** Reads the posted form; rows ticked for removal are dropped, and one empty row is added on request. */
function readForm(body: Record<string, unknown>): { form: RulesForm; adding: boolean } {
  const count = Math.min(Math.max(Number(body.rows) || 0, 0), MAX_RULES);
  const rows: RuleRow[] = [];
  for (let i = 0; i < count; i++) {
    if (body[`remove-${i}`] === 'on') continue;
    rows.push({
      kind: text(body[`kind-${i}`]),
      key: text(body[`key-${i}`]),
      years: text(body[`years-${i}`]),
      percent: text(body[`percent-${i}`]),
    });
  }
  const adding = body.action === 'add';
  if (adding && rows.length < MAX_RULES) rows.push({ kind: '', key: '', years: '', percent: '' });
  return {
    form: { rows, outlier: text(body.outlier), missing: text(body.missing), note: text(body.note) },
    adding,
  };
}

/** The config the form describes, for evaluationConfigSchema to judge; rule ids follow the rows. */
function configOf(form: RulesForm): unknown {
  return {
    rules: form.rows.map((r, i) => ({
      id: `rule-${i + 1}`,
      kind: r.kind,
      key: r.key,
      ...(r.kind === 'bottom_quartile_running' ? { years: number(r.years) } : {}),
      ...(r.kind === 'decline_from_first_year' ? { percent: number(r.percent) } : {}),
    })),
    dataQuality: { outlierChangePercent: number(form.outlier), missingSharePercent: number(form.missing) },
  };
}

/** Validation issues (`rules.2.years`, `dataQuality.missingSharePercent`) as the form's field errors. */
function fieldErrors(issues: { field: string }[], t: EvaluationMessages): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field } of issues) {
    const [group, index, name] = field.split('.');
    if (group === 'rules' && index !== undefined && name !== undefined) {
      errors[`${name}-${index}`] ??= t.rules.errors[name] ?? t.rules.errors.kind ?? '';
    } else if (group === 'dataQuality' && index !== undefined) {
      errors[index === 'outlierChangePercent' ? 'outlier' : 'missing'] ??= t.rules.errors[index] ?? '';
    }
  }
  return errors;
}

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
      </fieldset>
      <TextField name="note" label={r.note} value={form.note} />
      <button type="submit" name="action" value="save" class="button button-primary">
        {r.save}
      </button>
    </form>
  );
}

async function rulesPage(c: AppContext, posted?: { form: RulesForm; errors: FieldErrors }) {
  authorize(c.get('user'), 'funding.view');
  const lang = c.get('lang');
  const t = evaluationMessages(lang);
  const db = c.get('deps').db;
  const [config, versions] = await Promise.all([currentEvaluationConfig(db), ruleVersions(db)]);
  const mayEdit = can(c.get('user'), 'evaluations.configure');
  const errors = posted?.errors ?? {};
  const status = Object.keys(errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    t.rules.title,
    ({ csrfToken, m }) => (
      <>
        <h1>{t.rules.title}</h1>
        <p class="font-lead">{t.rules.lead}</p>
        {c.req.query('gemt') === '1' && <Alert variant="success">{t.rules.saved}</Alert>}
        <ErrorSummary m={m} errors={errors} />
        <h2>{t.rules.current}</h2>
        {versions.length === 0 && <p>{t.rules.defaults}</p>}
        <ul>
          {config.rules.map((rule: FlagRule) => (
            <li>{ruleText(rule, t)}</li>
          ))}
        </ul>
        <p>
          {t.quality.thresholds(
            config.dataQuality.outlierChangePercent,
            config.dataQuality.missingSharePercent,
          )}
        </p>
        {mayEdit && (
          <section aria-labelledby="edit-heading">
            <h2 id="edit-heading">{t.rules.edit}</h2>
            <RulesFormView
              t={t}
              form={posted?.form ?? formOf(config)}
              errors={errors}
              csrfToken={csrfToken}
              action={href('evaluationRules', lang)}
            />
          </section>
        )}
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t.rules.history}</h2>
          {versions.length === 0 ? (
            <p>{t.rules.noHistory}</p>
          ) : (
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
          )}
        </section>
        <p>
          <a href={href('evaluations', lang)}>{t.evaluation.back}</a>
        </p>
      </>
    ),
    status,
  );
}

async function save(c: AppContext) {
  const user = authorize(c.get('user'), 'evaluations.configure');
  const t = evaluationMessages(c.get('lang'));
  const { form, adding } = readForm(await c.req.parseBody());
  if (adding) return rulesPage(c, { form, errors: {} });
  try {
    await saveEvaluationConfig(
      c.get('deps').db,
      { userId: user.userId, label: user.email, requestId: c.get('requestId') },
      user,
      { config: configOf(form), note: form.note },
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation') {
      return rulesPage(c, { form, errors: fieldErrors(err.issues ?? [], t) });
    }
    throw err;
  }
  return c.redirect(`${href('evaluationRules', c.get('lang'))}?gemt=1`, 303);
}

/** Registered before the evaluation pages, whose `/:slug` would otherwise take `regler`. */
export function registerEvaluationRulePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'evaluationRules', (c) => rulesPage(c));
  onPage(app, 'POST', 'evaluationRules', save);
}
