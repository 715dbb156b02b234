import type { Hono } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { authenticateWithPassword, recordSignOut } from '../../../domain/accounts/commands.ts';
import { loginForm } from '../../../domain/accounts/schemas.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../../domain/demo/users.ts';
import { callerOf } from '../../caller.ts';
import { clientIp } from '../../client-ip.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { signOut } from '../../middleware/session.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, TextField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { identityMessages } from './messages.ts';
import { completeSignIn, safeNext } from './sign-in.ts';

type Status = 'logged-out' | 'password-reset' | 'account-created';

async function loginPage(
  c: AppContext,
  opts: { email?: string; errors?: FieldErrors; alert?: string; status?: 200 | 422 | 429 },
) {
  const m = c.get('m');
  const next = safeNext(c.req.query('next'));
  const notice = {
    'logged-out': m.login.loggedOut,
    'password-reset': m.login.passwordReset,
    'account-created': m.login.accountCreated,
  }[c.req.query('status') as Status];
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
          <ProviderLogins c={c} lang={ch.lang} next={next} />
          {ch.syntheticData && <DemoLogins c={c} />}
        </div>
      </div>
    ),
    opts.status ?? 200,
  );
}

/** A login button for each configured identity provider (MitID Erhverv first where configured). */
function ProviderLogins({ c, lang, next }: { c: AppContext; lang: Lang; next: string | undefined }) {
  const providers = c.get('deps').identityProviders.providers;
  if (providers.length === 0) return null;
  const t = identityMessages(lang).providers;
  return (
    <section aria-labelledby="provider-logins" class="mt-7">
      <h2 id="provider-logins" class="h3">
        {t.heading}
      </h2>
      <ul class="nobullet-list">
        {providers.map((p) => (
          <li class="mb-4">
            <a
              class="button button-secondary"
              href={pageHref('loginWithProvider', lang, { provider: p.id }, { next })}
            >
              {t.button(p.name)}
            </a>
          </li>
        ))}
      </ul>
    </section>
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
      <p>{m.login.demoSecondFactor(DEMO_TOTP_SECRET)}</p>
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
      errors: toFieldErrors(parsed.error.issues, m, {}, { email: m.login.email, password: m.login.password }),
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
  return completeSignIn(c, user, 'password', {}, c.req.query('next'));
}

/**
 * Ends the session; the sign-out is recorded as the person who was signed in. A session from an
 * identity provider that offers logout ends there too (RP-initiated logout), which then sends
 * the browser back to the login page.
 */
async function logout(c: AppContext) {
  const deps = c.get('deps');
  const lang = c.get('lang');
  // Who signs out, and how they signed in, is known only until the session ends.
  const caller = c.get('user') ? callerOf(c) : null;
  const session = c.get('session');
  await signOut(c);
  if (caller) await recordSignOut(deps.db, caller);
  const loggedOut = href('login', lang, { status: 'logged-out' });
  const provider = session?.authMethod.startsWith('oidc:') ? session.authMethod.slice('oidc:'.length) : null;
  const atProvider =
    provider && session?.idTokenHint
      ? await deps.identityProviders.logoutUrl(
          provider,
          session.idTokenHint,
          `${deps.config.publicUrl}${loggedOut}`,
        )
      : null;
  return c.redirect(atProvider ?? loggedOut, 303);
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
