import type { Hono } from 'hono';
import {
  pendingSignup,
  requestSignup,
  type SignupRequest,
  verifySignup,
} from '../../../domain/companies/signup.ts';
import { AppError } from '../../../domain/errors.ts';
import { clientIp } from '../../client-ip.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { EMPTY_FORM, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { type CompanyMessages, companyMessages } from './messages.ts';
import { SignupView, VerifyView } from './views/signup.tsx';

const messagesOf = (c: AppContext) => companyMessages(c.get('lang'));

/** The labels that name each field of the sign-up form in its error messages. */
const signupLabels = (t: CompanyMessages) => ({
  organisationName: t.organisationName,
  country: t.country,
  cvr: t.cvr,
  municipalityCode: t.municipality,
  registrationNumber: t.registrationNumber,
  name: t.name,
  email: t.email,
  password: t.password,
  confirm: t.confirm,
});

function signupPage(c: AppContext, form: PostedForm = EMPTY_FORM, sent = false) {
  const t = messagesOf(c);
  const status = Object.keys(form.errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    t.signupTitle,
    ({ csrfToken, m }) => (
      <SignupView form={form} sent={sent} csrfToken={csrfToken} m={m} lang={c.get('lang')} t={t} />
    ),
    status,
  );
}

/** The e-mail a sign-up sends: the verification link, or a note that the address has an account. */
function signupMail(c: AppContext, request: SignupRequest) {
  const t = messagesOf(c);
  const site = c.get('deps').config.publicUrl;
  const lang = c.get('lang');
  return request.outcome === 'verify'
    ? {
        to: request.email,
        subject: t.verifyMailSubject,
        text: t.verifyMailBody(
          request.name,
          `${site}${href('companyVerify', lang, { token: request.token })}`,
        ),
      }
    : {
        to: request.email,
        subject: t.existsMailSubject,
        text: t.existsMailBody(request.name, `${site}${href('login', lang)}`),
      };
}

/** Records a sign-up and mails its link; rate limited per client like the other mail-sending forms. */
async function signup(c: AppContext) {
  const deps = c.get('deps');
  const t = messagesOf(c);
  const values = formFields(await c.req.parseBody());
  const wait = await deps.limiters.mail.consume(clientIp(c)).then(
    () => 0,
    (r: { msBeforeNext: number }) => Math.ceil(r.msBeforeNext / 1000),
  );
  if (wait > 0) throw new AppError('rate_limited', c.get('m').login.rateLimited(wait));
  let request: SignupRequest;
  try {
    request = await requestSignup(deps.db, values, deps.clock(), c.get('requestId'));
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation') {
      const errors = toFieldErrors(err.issues, c.get('m'), t.errors, signupLabels(t));
      return signupPage(c, { values, errors });
    }
    throw err;
  }
  // The page answers the same whether or not the address has an account; the mail tells which.
  const mail = signupMail(c, request);
  await deps.jobs.enqueue('mail', { ...mail });
  return signupPage(c, EMPTY_FORM, true);
}

/** The page of a sign-up's or an invitation's link; an unknown, used or expired link says so at once. */
async function verifyPage(
  c: AppContext,
  token: string,
  form: PostedForm = EMPTY_FORM,
  problem: string | null = null,
) {
  const deps = c.get('deps');
  const t = messagesOf(c);
  const pending = await pendingSignup(deps.db, token, deps.clock());
  const shown = problem ?? (pending ? null : t.verifyInvalid);
  const invitation = pending?.invitation ? { organisationName: pending.organisationName } : null;
  return renderPage(
    c,
    invitation ? t.acceptTitle : t.verifyTitle,
    ({ csrfToken, m }) => (
      <VerifyView
        token={token}
        problem={shown}
        invitation={invitation}
        form={form}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    // Opening a dead link is no failed request (as with a password reset's link); a refused post is.
    problem || Object.keys(form.errors).length > 0 ? 422 : 200,
  );
}

/** Creates the account from the link's token (and an invitation's name and password), then sends the person to log in. */
async function verify(c: AppContext) {
  const deps = c.get('deps');
  const t = messagesOf(c);
  const { token = '', ...values } = formFields(await c.req.parseBody());
  try {
    await verifySignup(deps.db, token, deps.clock(), c.get('requestId'), values);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation') {
      const onToken = err.issues.find((i) => i.field === 'token');
      if (onToken)
        return verifyPage(
          c,
          token,
          EMPTY_FORM,
          onToken.message === 'emailTaken' ? t.verifyEmailTaken : t.verifyInvalid,
        );
      const labels = { name: t.name, password: t.password, confirm: t.confirm };
      return verifyPage(c, token, {
        values,
        errors: toFieldErrors(err.issues, c.get('m'), t.errors, labels),
      });
    }
    throw err;
  }
  return c.redirect(href('login', c.get('lang'), { status: 'account-created' }), 303);
}

export function registerSignupPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'companySignup', (c) => signupPage(c));
  onPage(app, 'POST', 'companySignup', signup);
  onPage(app, 'GET', 'companyVerify', (c) => verifyPage(c, c.req.query('token') ?? ''));
  onPage(app, 'POST', 'companyVerify', verify);
}
