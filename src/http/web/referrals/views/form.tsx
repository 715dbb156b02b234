import { THEMES } from '../../../../domain/catalogue/themes.ts';
import { regionName } from '../../../../domain/reference/geography.ts';
import type { ReferralFormChoices } from '../../../../domain/referrals/queries.ts';
import { referralInput } from '../../../../domain/referrals/schemas.ts';
import type { Messages } from '../../../i18n/index.ts';
import { href, type Lang } from '../../../paths.ts';
import {
  Checkboxes,
  ErrorSummary,
  formList,
  formText,
  type PostedForm,
  RequiredFieldsNote,
  SelectField,
  schemaLabel,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { ReferralMessages } from '../messages.ts';

/** The form a hub advisor or a cluster refers a company with. */
export function ReferralFormView(p: {
  form: PostedForm;
  choices: ReferralFormChoices;
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: ReferralMessages;
}) {
  const { form, lang, t, choices } = p;
  const v = (k: string) => formText(form.values[k]);
  const region = (code: number | null) => (code === null ? t.unknown : regionName(code, lang));
  const label = (name: string, text: string) => schemaLabel(p.m, referralInput, name, text);
  return (
    <>
      <h1>{t.formTitle}</h1>
      <p class="font-lead">{t.formLead}</p>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={href('referralNew', lang)} novalidate>
        <RequiredFieldsNote m={p.m} />
        <CsrfField token={p.csrfToken} />
        {choices.senders.length > 1 && (
          <SelectField
            name="fromOrganisationId"
            // Unmarked: the list has no empty choice, so a sender is always chosen.
            label={t.from}
            value={v('fromOrganisationId')}
            options={choices.senders}
            error={form.errors.fromOrganisationId}
          />
        )}
        {/* Unmarked: a recipient or another actor is required, which no mark on one group can say. */}
        <Checkboxes
          name="recipientIds"
          legend={t.recipients}
          hint={t.recipientsHint}
          options={choices.organisations.map((o) => ({
            value: o.value,
            label: `${o.label} (${region(o.regionCode)})`,
          }))}
          checked={formList(form.values.recipientIds)}
          error={form.errors.recipientIds}
        />
        {choices.targets.length > 0 && (
          <Checkboxes
            name="targetIds"
            legend={t.targetsLegend}
            options={choices.targets}
            checked={formList(form.values.targetIds)}
            error={form.errors.targetIds}
          />
        )}
        <TextField name="cvr" label={label('cvr', t.cvr)} value={v('cvr')} error={form.errors.cvr} />
        <TextField
          name="companyName"
          label={label('companyName', t.companyName)}
          value={v('companyName')}
          error={form.errors.companyName}
        />
        <SelectField
          name="theme"
          label={label('theme', t.theme)}
          placeholder={t.chooseTheme}
          value={v('theme')}
          options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
          error={form.errors.theme}
        />
        <TextAreaField name="need" label={label('need', t.need)} value={v('need')} error={form.errors.need} />
        <TextField
          name="contactName"
          label={label('contactName', t.contactName)}
          value={v('contactName')}
          error={form.errors.contactName}
        />
        <TextField
          name="contactEmail"
          type="email"
          label={label('contactEmail', t.contactEmail)}
          value={v('contactEmail')}
          error={form.errors.contactEmail}
        />
        <TextField
          name="contactPhone"
          label={label('contactPhone', t.contactPhone)}
          value={v('contactPhone')}
          error={form.errors.contactPhone}
        />
        <Checkboxes
          name="consent"
          legend={label('consent', t.consentLegend)}
          options={[{ value: 'on', label: t.consent }]}
          checked={formList(form.values.consent)}
          error={form.errors.consent}
        />
        <button type="submit" class="button button-primary">
          {t.send}
        </button>
      </form>
    </>
  );
}
