import { MUNICIPALITIES } from '../../../../domain/reference/geography.ts';
import type { Messages } from '../../../i18n/index.ts';
import { href, type Lang } from '../../../paths.ts';
import {
  Alert,
  ErrorSummary,
  formText,
  type PostedForm,
  SelectField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { CompanyMessages } from '../messages.ts';

/** The form a cluster's staff invite a member company with. */
export function InvitationsView(p: {
  form: PostedForm;
  sentTo: string | null;
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: CompanyMessages;
}) {
  const { form, lang, t } = p;
  const v = (k: string) => formText(form.values[k]);
  const e = form.errors;
  return (
    <div class="row">
      <div class="col-12 col-md-10 col-lg-8">
        <h1>{t.invitationsTitle}</h1>
        <p class="font-lead">{t.invitationsLead}</p>
        {p.sentTo && <Alert variant="success">{t.invited(p.sentTo)}</Alert>}
        <ErrorSummary m={p.m} errors={e} />
        <form method="post" action={href('companyInvitations', lang)} novalidate>
          <CsrfField token={p.csrfToken} />
          <TextField
            name="organisationName"
            label={t.organisationName}
            value={v('organisationName')}
            error={e.organisationName}
          />
          <TextField name="cvr" label={t.cvr} value={v('cvr')} error={e.cvr} />
          <SelectField
            name="municipalityCode"
            label={t.municipality}
            placeholder={t.chooseMunicipality}
            value={v('municipalityCode')}
            options={[...MUNICIPALITIES]
              .sort((a, b) => a.name.localeCompare(b.name, 'da'))
              .map((m) => ({ value: String(m.code), label: m.name }))}
            error={e.municipalityCode}
          />
          <TextField name="email" type="email" label={t.email} value={v('email')} error={e.email} />
          <button type="submit" class="button button-primary">
            {t.invite}
          </button>
        </form>
      </div>
    </div>
  );
}
