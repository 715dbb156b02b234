/** The forms of whom keeps targets: a new set, and a target of a set (new, or a new version). */
import type { Target, TargetSet } from '../../../../domain/targets/queries.ts';
import { DIRECTIONS, TARGET_METRICS } from '../../../../domain/targets/schemas.ts';
import { numberForInput } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { type FieldErrors, SelectField, TextField } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { type ResultsMessages, resultsMessages } from '../../performance/messages.ts';

export function SetForm({
  t,
  lang,
  csrf,
  funders,
  values,
  errors,
}: {
  t: ResultsMessages;
  lang: Lang;
  csrf: string;
  funders: { id: string; name: string }[];
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  return (
    <form method="post" action={href('targets', lang)} novalidate>
      <CsrfField token={csrf} />
      <SelectField
        name="funderId"
        label={t.manage.funder}
        value={values.funderId}
        error={errors.funderId}
        options={funders.map((f) => ({ value: f.id, label: f.name }))}
      />
      <TextField name="nameDa" label={t.manage.nameDa} value={values.nameDa} error={errors.nameDa} />
      <TextField name="nameEn" label={t.manage.nameEn} value={values.nameEn} error={errors.nameEn} />
      <TextField
        name="periodFrom"
        label={t.manage.periodFrom}
        value={values.periodFrom}
        error={errors.periodFrom}
      />
      <TextField name="periodTo" label={t.manage.periodTo} value={values.periodTo} error={errors.periodTo} />
      <button type="submit" class="button button-primary">
        {t.manage.create}
      </button>
    </form>
  );
}

export function TargetForm({
  t,
  lang,
  csrf,
  set,
  values,
  errors,
  submit,
  fixedCode,
}: {
  t: ResultsMessages;
  lang: Lang;
  csrf: string;
  set: TargetSet;
  values: Record<string, string>;
  errors: FieldErrors;
  submit: string;
  fixedCode?: boolean;
}) {
  const rt = resultsMessages(lang);
  return (
    <form method="post" action={pageHref('targetSet', lang, { id: set.id })} novalidate>
      <CsrfField token={csrf} />
      {fixedCode ? (
        <input type="hidden" name="code" value={values.code} />
      ) : (
        <TextField
          name="code"
          label={t.manage.code}
          hint={t.manage.codeHint}
          value={values.code}
          error={errors.code}
        />
      )}
      <SelectField
        name="metric"
        label={t.manage.metric}
        value={values.metric}
        error={errors.metric}
        options={TARGET_METRICS.map((m) => ({ value: m, label: rt.keys[m] }))}
      />
      <TextField name="labelDa" label={t.manage.labelDa} value={values.labelDa} error={errors.labelDa} />
      <TextField name="labelEn" label={t.manage.labelEn} value={values.labelEn} error={errors.labelEn} />
      <SelectField
        name="direction"
        label={t.manage.direction}
        value={values.direction}
        error={errors.direction}
        options={DIRECTIONS.map((d) => ({ value: d, label: t.targets.directions[d] }))}
      />
      <TextField
        name="baselineYear"
        label={t.manage.baselineYear}
        value={values.baselineYear}
        error={errors.baselineYear}
      />
      <TextField
        name="baselineValue"
        label={t.manage.baselineValue}
        value={values.baselineValue}
        error={errors.baselineValue}
      />
      <TextField
        name="targetValue"
        label={t.manage.targetValue}
        value={values.targetValue}
        error={errors.targetValue}
      />
      <TextField name="note" label={t.manage.note} value={values.note} error={errors.note} />
      <button type="submit" class="button button-primary">
        {submit}
      </button>
    </form>
  );
}

/** A target's current version as the form's values. */
export const fieldsOf = (x: Target): Record<string, string> => ({
  code: x.code,
  metric: x.metric,
  labelDa: x.labelDa,
  labelEn: x.labelEn,
  direction: x.direction,
  baselineYear: x.baselineYear === null ? '' : String(x.baselineYear),
  baselineValue: numberForInput(x.baselineValue),
  targetValue: numberForInput(x.targetValue),
  note: x.note,
});
