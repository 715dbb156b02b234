import type { Hono } from 'hono';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import {
  findValidResetToken,
  issuePasswordResetToken,
  resetPassword,
} from '../../../domain/accounts/commands.ts';
import { MIN_PASSWORD_LENGTH } from '../../../domain/accounts/passwords.ts';
import { forgotPasswordForm, resetPasswordForm } from '../../../domain/accounts/schemas.ts';
import { AppError } from '../../../domain/errors.ts';
import { clientIp } from '../../client-ip.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { messages } from '../../i18n/index.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, TextField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';

function forgotPage(
  c: AppContext,
  opts: { email?: string; errors?: FieldErrors; sent?: boolean; status?: 200 | 422 },
) {
  const m = c.get('m');
  return renderPage(
    c,
    m.forgot.title,
    (ch) => (
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1>{m.forgot.title}</h1>
          {opts.sent ? (
            <Alert variant="success">{m.forgot.sent}</Alert>
          ) : (
            <>
              <p>{m.forgot.intro}</p>
              <ErrorSummary m={m} errors={opts.errors ?? {}} />
              <form method="post" action={href('forgotPassword', ch.lang)} novalidate>
                <CsrfField token={ch.csrfToken} />
                <TextField
                  name="email"
                  type="email"
                  label={m.forgot.email}
                  value={opts.email}
                  autocomplete="email"
                  error={opts.errors?.email}
                />
                <button type="submit" class="button button-primary">
                  {m.forgot.submit}
                </button>
              </form>
            </>
          )}
        </div>
      </div>
    ),
    opts.status ?? 200,
  );
}

function resetPage(
  c: AppContext,
  opts: { token: string; invalid?: boolean; errors?: FieldErrors; status?: 200 | 422 },
) {
  const m = c.get('m');
  return renderPage(
    c,
    m.reset.title,
    (ch) => (
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1>{m.reset.title}</h1>
          {opts.invalid ? (
            <>
              <Alert variant="error">{m.reset.invalidToken}</Alert>
              <p>
                <a href={href('forgotPassword', ch.lang)}>{m.forgot.title}</a>
              </p>
            </>
          ) : (
            <>
              <ErrorSummary m={m} errors={opts.errors ?? {}} />
              <form method="post" action={href('resetPassword', ch.lang)} novalidate>
                <CsrfField token={ch.csrfToken} />
                <input type="hidden" name="token" value={opts.token} />
                <TextField
                  name="password"
                  type="password"
                  label={m.reset.password}
                  hint={m.reset.passwordHint(MIN_PASSWORD_LENGTH)}
                  autocomplete="new-password"
                  error={opts.errors?.password}
                />
                <TextField
                  name="confirm"
                  type="password"
                  label={m.reset.confirm}
                  autocomplete="new-password"
                  error={opts.errors?.confirm}
                />
                <button type="submit" class="button button-primary">
                  {m.reset.submit}
                </button>
              </form>
            </>
          )}
        </div>
      </div>
    ),
    opts.status ?? 200,
  );
}

const passwordResetJob = z.object({ email: z.string(), lang: z.enum(['da', 'en']) });

/**
 * The password-reset job: a one-time link to the account's address, when there is an account.
 * A failure to send is thrown, so the queue tries again.
 */
export async function mailPasswordReset(deps: Deps, data: unknown): Promise<void> {
  const { email, lang } = passwordResetJob.parse(data);
  const issued = await issuePasswordResetToken(deps.db, email, deps.clock());
  if (!issued) return;
  const m = messages(lang);
  const link = `${deps.config.publicUrl}${href('resetPassword', lang, { token: issued.token })}`;
  await deps.mailer.send({
    to: issued.user.email,
    subject: m.forgot.mailSubject,
    text: m.forgot.mailBody(issued.user.name, link),
  });
}

/** Mails a one-time link that sets a new password (a job), rate limited per client. */
async function requestPasswordReset(c: AppContext) {
  const deps = c.get('deps');
  const m = c.get('m');
  const lang = c.get('lang');
  const fields = formFields(await c.req.parseBody());
  const parsed = forgotPasswordForm.safeParse(fields);
  if (!parsed.success) {
    return forgotPage(c, {
      email: fields.email,
      errors: toFieldErrors(parsed.error.issues, m, {}, { email: m.forgot.email }),
      status: 422,
    });
  }
  const wait = await deps.limiters.mail.consume(clientIp(c)).then(
    () => 0,
    (r: { msBeforeNext: number }) => Math.ceil(r.msBeforeNext / 1000),
  );
  if (wait > 0) throw new AppError('rate_limited', m.login.rateLimited(wait));
  // The answer comes first, the same whether or not the account exists: the token and the mail
  // (however slow the mail server) are made by a job after it, so the time taken tells nothing.
  await deps.jobs.enqueue('password-reset-mail', { email: parsed.data.email, lang });
  return forgotPage(c, { sent: true });
}

async function resetForm(c: AppContext) {
  const token = c.req.query('token') ?? '';
  const { db, clock } = c.get('deps');
  const valid = token.length >= 20 && token.length <= 200 && (await findValidResetToken(db, token, clock()));
  return resetPage(c, { token, invalid: !valid });
}

async function setNewPassword(c: AppContext) {
  const deps = c.get('deps');
  const m = c.get('m');
  const fields = formFields(await c.req.parseBody());
  const parsed = resetPasswordForm.safeParse(fields);
  if (!parsed.success) {
    return resetPage(c, {
      token: fields.token ?? '',
      errors: toFieldErrors(
        parsed.error.issues,
        m,
        {},
        { password: m.reset.password, confirm: m.reset.confirm },
      ),
      status: 422,
    });
  }
  try {
    await resetPassword(deps.db, parsed.data.token, parsed.data.password, deps.clock(), c.get('requestId'));
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation')
      return resetPage(c, { token: '', invalid: true, status: 422 });
    throw e;
  }
  return c.redirect(href('login', c.get('lang'), { status: 'password-reset' }), 303);
}

/** A forgotten password: a one-time link by e-mail, and the page that sets a new password with it. */
export function registerPasswordResetPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'forgotPassword', (c) => forgotPage(c, {}));
  onPage(app, 'POST', 'forgotPassword', requestPasswordReset);
  onPage(app, 'GET', 'resetPassword', resetForm);
  onPage(app, 'POST', 'resetPassword', setNewPassword);
}
