import { THEMES } from '../../../../domain/catalogue/themes.ts';
import { REGIONS, regionName } from '../../../../domain/reference/geography.ts';
import type { Messages } from '../../../i18n/index.ts';
import { href, type Lang } from '../../../paths.ts';
import {
  Checkboxes,
  DateInput,
  datePartsOf,
  ErrorSummary,
  formList,
  formText,
  type PostedForm,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { CoordinationMessages } from '../messages.ts';

/** The form a funder records a funding plan with. */
export function FundingPlanFormView(p: {
  form: PostedForm;
  clusters: { value: string; label: string }[];
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: CoordinationMessages;
}) {
  const { form, lang } = p;
  const tp = p.t.fundingPlans;
  const v = (k: string) => formText(form.values[k]);
  return (
    <>
      <h1>{tp.formTitle}</h1>
      <p class="font-lead">{tp.formLead}</p>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={href('fundingPlanNew', lang)} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextField
          name="title"
          label={tp.plan}
          hint={tp.titleHint}
          value={v('title')}
          error={form.errors.title}
        />
        <TextAreaField
          rows={5}
          name="description"
          label={tp.description}
          hint={tp.descriptionHint}
          value={v('description')}
          error={form.errors.description}
        />
        <SelectField
          name="theme"
          label={tp.theme}
          placeholder={tp.chooseTheme}
          value={v('theme')}
          options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
          error={form.errors.theme}
        />
        <Checkboxes
          name="regionCodes"
          legend={tp.regions}
          options={REGIONS.map((r) => ({ value: String(r.code), label: regionName(r.code, lang) }))}
          checked={formList(form.values.regionCodes)}
          error={form.errors.regionCodes}
        />
        <TextField
          name="budgetDkk"
          label={tp.budget}
          hint={tp.budgetHint}
          value={v('budgetDkk')}
          error={form.errors.budgetDkk}
        />
        <DateInput
          name="decisionDate"
          legend={tp.decisionDate}
          hint={tp.dateHint}
          m={p.m}
          value={datePartsOf(
            Object.fromEntries(Object.entries(form.values).map(([k, x]) => [k, formText(x)])),
            'decisionDate',
          )}
          error={form.errors.decisionDate}
        />
        <Checkboxes
          name="relatedClusterIds"
          legend={tp.related}
          hint={tp.relatedHint}
          options={p.clusters}
          checked={formList(form.values.relatedClusterIds)}
          error={form.errors.relatedClusterIds}
        />
        <button type="submit" class="button button-primary">
          {tp.submit}
        </button>
      </form>
    </>
  );
}
