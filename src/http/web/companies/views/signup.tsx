import { MIN_PASSWORD_LENGTH } from '../../../../domain/accounts/passwords.ts';
import { COUNTRIES, countryName } from '../../../../domain/companies/schemas.ts';
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

/** The sign-up form of a company or a foreign organisation, or the notice that the link is sent. */
export function SignupView(p: {
  form: PostedForm;
  sent: boolean;
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
        <h1>{t.signupTitle}</h1>
        {p.sent ? (
          <Alert variant="success">{t.signupSent}</Alert>
        ) : (
          <>
            <p class="font-lead">{t.signupLead}</p>
            <ErrorSummary m={p.m} errors={e} />
            <form method="post" action={href('companySignup', lang)} novalidate>
              <CsrfField token={p.csrfToken} />
              <TextField
                name="organisationName"
                label={t.organisationName}
                value={v('organisationName')}
                autocomplete="organization"
                error={e.organisationName}
              />
              <SelectField
                name="country"
                label={t.country}
                value={v('country') || 'DK'}
                options={COUNTRIES.map((code) => ({ value: code, label: countryName(code, lang) }))}
                error={e.country}
              />
              <TextField name="cvr" label={t.cvr} hint={t.cvrHint} value={v('cvr')} error={e.cvr} />
              <SelectField
                name="municipalityCode"
                label={t.municipality}
                hint={t.municipalityHint}
                placeholder={t.chooseMunicipality}
                value={v('municipalityCode')}
                options={[...MUNICIPALITIES]
                  .sort((a, b) => a.name.localeCompare(b.name, 'da'))
                  .map((m) => ({ value: String(m.code), label: m.name }))}
                error={e.municipalityCode}
              />
              <TextField
                name="registrationNumber"
                label={t.registrationNumber}
                hint={t.registrationNumberHint}
                value={v('registrationNumber')}
                error={e.registrationNumber}
              />
              <TextField name="name" label={t.name} value={v('name')} autocomplete="name" error={e.name} />
              <TextField
                name="email"
                type="email"
                label={t.email}
                value={v('email')}
                autocomplete="email"
                error={e.email}
              />
              <TextField
                name="password"
                type="password"
                label={t.password}
                hint={t.passwordHint(MIN_PASSWORD_LENGTH)}
                autocomplete="new-password"
                error={e.password}
              />
              <TextField
                name="confirm"
                type="password"
                label={t.confirm}
                autocomplete="new-password"
                error={e.confirm}
              />
              <button type="submit" class="button button-primary">
                {t.signupSubmit}
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}

/** The page a verification link opens: one button, so a mail scanner following links verifies nothing. */
export function VerifyView(p: {
  token: string;
  problem: string | null;
  /** For an invitation: the company, and the person's name and password to give. */
  invitation: { organisationName: string } | null;
  form: PostedForm;
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: CompanyMessages;
}) {
  const { t, lang } = p;
  const e = p.form.errors;
  return (
    <div class="row">
      <div class="col-12 col-md-8 col-lg-6">
        <h1>{p.invitation ? t.acceptTitle : t.verifyTitle}</h1>
        {p.problem ? (
          <>
            <Alert variant="error">{p.problem}</Alert>
            <p>
              <a href={href('companySignup', lang)}>{t.signupTitle}</a>
            </p>
          </>
        ) : (
          <>
            <p>{p.invitation ? t.acceptLead(p.invitation.organisationName) : t.verifyLead}</p>
            <ErrorSummary m={p.m} errors={e} />
            <form method="post" action={href('companyVerify', lang)} novalidate>
              <CsrfField token={p.csrfToken} />
              <input type="hidden" name="token" value={p.token} />
              {p.invitation && (
                <>
                  <TextField
                    name="name"
                    label={t.name}
                    value={formText(p.form.values.name)}
                    autocomplete="name"
                    error={e.name}
                  />
                  <TextField
                    name="password"
                    type="password"
                    label={t.password}
                    hint={t.passwordHint(MIN_PASSWORD_LENGTH)}
                    autocomplete="new-password"
                    error={e.password}
                  />
                  <TextField
                    name="confirm"
                    type="password"
                    label={t.confirm}
                    autocomplete="new-password"
                    error={e.confirm}
                  />
                </>
              )}
              <button type="submit" class="button button-primary">
                {t.verifySubmit}
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
