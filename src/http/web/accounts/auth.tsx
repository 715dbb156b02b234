import type { Hono } from 'hono';
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import {
  authenticateWithPassword,
  findValidResetToken,
  issuePasswordResetToken,
  recordSignIn,
  recordSignOut,
  resetPassword,
} from '../../../domain/accounts/commands.ts';
import { MIN_PASSWORD_LENGTH } from '../../../domain/accounts/passwords.ts';
import { forgotPasswordForm, loginForm, resetPasswordForm } from '../../../domain/accounts/schemas.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../../domain/demo/users.ts';
import { AppError } from '../../../domain/errors.ts';
import { callerOf } from '../../caller.ts';
import { clientIp } from '../../client-ip.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { signIn, signOut } from '../../middleware/session.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, TextField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';

/** Only local paths are followed after login, never another site. */
export function safeNext(next: string | undefined): string | undefined {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) ? next : undefined;
}

type Status = 'logged-out' | 'password-reset';

async function loginPage(
  c: AppContext,
  opts: { email?: string; errors?: FieldErrors; alert?: string; status?: 200 | 422 | 429 },
) {
  const m = c.get('m');
  const next = safeNext(c.req.query('next'));
  const notice = { 'logged-out': m.login.loggedOut, 'password-reset': m.login.passwordReset }[
    c.req.query('status') as Status
  ];
  return renderPage(
    c,
    m.login.title,
    (ch) => (
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1>{m.login.title}</h1>
          {notice && <Alert variant="success">{notice}</Alert>}
          {opts.alert && <Alert variant="error">{opts.alert}</Alert>}
          <ErrorSummary m={m} errors={opts.errors ?? {}} />
          <form method="post" action={href('login', ch.lang, { next })} novalidate>
            <CsrfField token={ch.csrfToken} />
            <TextField
              name="email"
              type="email"
              label={m.login.email}
              value={opts.email}
              autocomplete="username"
              error={opts.errors?.email}
            />
            <TextField
              name="password"
              type="password"
              label={m.login.password}
              autocomplete="current-password"
              error={opts.errors?.password}
            />
            <button type="submit" class="button button-primary">
              {m.login.submit}
            </button>
          </form>
          <p class="mt-5">
            <a href={href('forgotPassword', ch.lang)}>{m.login.forgot}</a>
          </p>
          <p class="form-hint">{m.login.otherMethods}</p>
          {ch.syntheticData && <DemoLogins c={c} />}
        </div>
      </div>
    ),
    opts.status ?? 200,
  );
}

function DemoLogins({ c }: { c: AppContext }) {
  const m = c.get('m');
  return (
    <section aria-labelledby="demo-logins" class="mt-7">
      <h2 id="demo-logins" class="h3">
        {m.login.demoHeading}
      </h2>
      <p>{m.login.demoText(DEMO_PASSWORD)}</p>
      <table class="table table--compact">
        <thead>
          <tr>
            <th scope="col">{m.account.role}</th>
            <th scope="col">{m.login.email}</th>
            <th scope="col">{m.account.organisation}</th>
          </tr>
        </thead>
        <tbody>
          {DEMO_LOGINS.map((d) => (
            <tr>
              <td>{m.roles[d.role]}</td>
              <td>{d.email}</td>
              <td>{d.organisation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

async function secondsUntilAllowed(limiter: RateLimiterMemory, key: string): Promise<number> {
  const res = await limiter.get(key);
  if (!res || res.consumedPoints < limiter.points) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

export function registerAuthPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'login', (c) => loginPage(c, {}));

  onPage(app, 'POST', 'login', async (c) => {
    const deps = c.get('deps');
    const m = c.get('m');
    const fields = formFields(await c.req.parseBody());
    const parsed = loginForm.safeParse(fields);
    if (!parsed.success) {
      return loginPage(c, {
        email: fields.email,
        errors: toFieldErrors(parsed.error.issues, m),
        status: 422,
      });
    }
    const { email, password } = parsed.data;
    const key = `${clientIp(c)}|${email.toLowerCase()}`;
    const wait = await secondsUntilAllowed(deps.limiters.login, key);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return loginPage(c, { email, alert: m.login.rateLimited(wait), status: 429 });
    }
    const user = await authenticateWithPassword(deps.db, email, password);
    if (!user) {
      await deps.limiters.login.penalty(key, 1);
      c.get('log').warn({ event: 'login_failed' }, 'failed login');
      return loginPage(c, { email, alert: m.login.invalid, status: 422 });
    }
    await deps.limiters.login.delete(key);
    await signIn(c, user.id, 'password');
    await recordSignIn(deps.db, user, 'password', c.get('requestId'));
    return c.redirect(safeNext(c.req.query('next')) ?? href('account', c.get('lang')), 303);
  });

  onPage(app, 'POST', 'logout', async (c) => {
    // Who signs out is known only until the session ends.
    const caller = c.get('user') ? callerOf(c) : null;
    await signOut(c);
    if (caller) await recordSignOut(c.get('deps').db, caller);
    return c.redirect(href('login', c.get('lang'), { status: 'logged-out' }), 303);
  });

  onPage(app, 'GET', 'forgotPassword', (c) => forgotPage(c, {}));

  onPage(app, 'POST', 'forgotPassword', async (c) => {
    const deps = c.get('deps');
    const m = c.get('m');
    const lang = c.get('lang');
    const fields = formFields(await c.req.parseBody());
    const parsed = forgotPasswordForm.safeParse(fields);
    if (!parsed.success) {
      return forgotPage(c, {
        email: fields.email,
        errors: toFieldErrors(parsed.error.issues, m),
        status: 422,
      });
    }
    const wait = await deps.limiters.mail.consume(clientIp(c)).then(
      () => 0,
      (r: { msBeforeNext: number }) => Math.ceil(r.msBeforeNext / 1000),
    );
    if (wait > 0) throw new AppError('rate_limited', m.login.rateLimited(wait));
    const issued = await issuePasswordResetToken(deps.db, parsed.data.email, deps.clock());
    if (issued) {
      const link = `${deps.config.publicUrl}${href('resetPassword', lang, { token: issued.token })}`;
      await deps.mailer.send({
        to: issued.user.email,
        subject: m.forgot.mailSubject,
        text: m.forgot.mailBody(issued.user.name, link),
      });
    }
    // The same answer whether or not the account exists.
    return forgotPage(c, { sent: true });
  });

  onPage(app, 'GET', 'resetPassword', async (c) => {
    const token = c.req.query('token') ?? '';
    const { db, clock } = c.get('deps');
    const valid =
      token.length >= 20 && token.length <= 200 && (await findValidResetToken(db, token, clock()));
    return resetPage(c, { token, invalid: !valid });
  });

  onPage(app, 'POST', 'resetPassword', async (c) => {
    const deps = c.get('deps');
    const m = c.get('m');
    const fields = formFields(await c.req.parseBody());
    const parsed = resetPasswordForm.safeParse(fields);
    if (!parsed.success) {
      return resetPage(c, {
        token: fields.token ?? '',
        errors: toFieldErrors(parsed.error.issues, m),
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
  });
}

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
