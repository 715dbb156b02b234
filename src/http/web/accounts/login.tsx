import type { Hono } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { authenticateWithPassword, recordSignIn, recordSignOut } from '../../../domain/accounts/commands.ts';
import { loginForm } from '../../../domain/accounts/schemas.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../../domain/demo/users.ts';
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

async function secondsUntilAllowed(limiter: RateLimiterAbstract, key: string): Promise<number> {
  const res = await limiter.get(key);
  if (!res || res.consumedPoints < limiter.points) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

async function login(c: AppContext) {
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
  const client = clientIp(c);
  const account = `${client}|${email.toLowerCase()}`;
  const wait = Math.max(
    await secondsUntilAllowed(deps.limiters.login, account),
    await secondsUntilAllowed(deps.limiters.loginClient, client),
  );
  if (wait > 0) {
    c.header('Retry-After', String(wait));
    return loginPage(c, { email, alert: m.login.rateLimited(wait), status: 429 });
  }
  const user = await authenticateWithPassword(deps.db, email, password);
  if (!user) {
    await deps.limiters.login.penalty(account, 1);
    await deps.limiters.loginClient.penalty(client, 1);
    c.get('log').warn({ event: 'login_failed' }, 'failed login');
    return loginPage(c, { email, alert: m.login.invalid, status: 422 });
  }
  // The account's count starts over; the client's does not, or one known password would reset it.
  await deps.limiters.login.delete(account);
  await signIn(c, user.id, 'password');
  await recordSignIn(deps.db, user, 'password', c.get('requestId'));
  return c.redirect(safeNext(c.req.query('next')) ?? href('account', c.get('lang')), 303);
}

/** Ends the session; the sign-out is recorded as the person who was signed in. */
async function logout(c: AppContext) {
  // Who signs out is known only until the session ends.
  const caller = c.get('user') ? callerOf(c) : null;
  await signOut(c);
  if (caller) await recordSignOut(c.get('deps').db, caller);
  return c.redirect(href('login', c.get('lang'), { status: 'logged-out' }), 303);
}

/**
 * Signing in with e-mail and password, and signing out. Failed logins are limited per client and
 * e-mail, and per client across e-mails.
 */
export function registerLoginPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'login', (c) => loginPage(c, {}));
  onPage(app, 'POST', 'login', login);
  onPage(app, 'POST', 'logout', logout);
}
