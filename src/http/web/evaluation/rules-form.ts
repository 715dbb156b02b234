import type { EvaluationConfig } from '../../../domain/evaluation/config.ts';
import type { FieldErrors } from '../../views/forms.tsx';
import type { EvaluationMessages } from './messages.ts';

/**
 * The rules form without JavaScript: one row per rule, rows ticked for removal are dropped, a
 * button adds an empty row; what it describes is judged by the domain's evaluationConfigSchema.
 */

/** At most this many rule rows in the form. */
const MAX_RULES = 30;

/** The form's values as typed: one row per rule plus the data-quality thresholds. */
export interface RuleRow {
  kind: string;
  key: string;
  years: string;
  percent: string;
}
export interface RulesForm {
  rows: RuleRow[];
  outlier: string;
  missing: string;
  activityRule: string;
  note: string;
}

export const formOf = (config: EvaluationConfig): RulesForm => ({
  rows: config.rules.map((r) => ({
    kind: r.kind,
    key: r.key,
    years: r.kind === 'bottom_quartile_running' ? String(r.years) : '',
    percent: r.kind === 'decline_from_first_year' ? String(r.percent) : '',
  })),
  outlier: String(config.dataQuality.outlierChangePercent),
  missing: String(config.dataQuality.missingSharePercent),
  activityRule: String(config.dataQuality.activityRuleSharePercent),
  note: '',
});

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
/**
 * A number as a Dane types it ("12,5"). Blank becomes null, not undefined, so zod reports the
 * field instead of filling in a schema default (the activity-rule threshold has one for old versions).
 */
const number = (v: string) => (v === '' ? null : Number(v.replace(',', '.')));

/** Reads the posted form; rows ticked for removal are dropped, and one empty row is added on request. */
export function readForm(body: Record<string, unknown>): { form: RulesForm; adding: boolean } {
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
    form: {
      rows,
      outlier: text(body.outlier),
      missing: text(body.missing),
      activityRule: text(body.activityRule),
      note: text(body.note),
    },
    adding,
  };
}

/** The config the form describes, for evaluationConfigSchema to judge; rule ids follow the rows. */
export function configOf(form: RulesForm): unknown {
  return {
    rules: form.rows.map((r, i) => ({
      id: `rule-${i + 1}`,
      kind: r.kind,
      key: r.key,
      ...(r.kind === 'bottom_quartile_running' ? { years: number(r.years) } : {}),
      ...(r.kind === 'decline_from_first_year' ? { percent: number(r.percent) } : {}),
    })),
    dataQuality: {
      outlierChangePercent: number(form.outlier),
      missingSharePercent: number(form.missing),
      activityRuleSharePercent: number(form.activityRule),
    },
  };
}

/** The form field of each data-quality threshold. */
const DATA_QUALITY_FIELDS: Record<string, string> = {
  outlierChangePercent: 'outlier',
  missingSharePercent: 'missing',
  activityRuleSharePercent: 'activityRule',
};

/** Validation issues (`rules.2.years`, `dataQuality.missingSharePercent`) as the form's field errors. */
export function fieldErrors(issues: { field: string }[], t: EvaluationMessages): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field } of issues) {
    const [group, index, name] = field.split('.');
    if (group === 'rules' && index !== undefined && name !== undefined) {
      errors[`${name}-${index}`] ??= t.rules.errors[name] ?? t.rules.errors.kind ?? '';
    } else if (group === 'dataQuality' && index !== undefined) {
      errors[DATA_QUALITY_FIELDS[index] ?? 'missing'] ??= t.rules.errors[index] ?? '';
    }
  }
  return errors;
}
