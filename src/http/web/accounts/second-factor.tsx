import type { Hono } from 'hono';
import { raw } from 'hono/html';
import QRCode from 'qrcode';
import {
  confirmEnrolment,
  ownSecondFactor,
  pendingEnrolment,
  proveSecondFactor,
  renewRecoveryCodes,
} from '../../../domain/accounts/second-factor.ts';
import { totpCode } from '../../../domain/accounts/totp.ts';
import { DEMO_LOGINS, DEMO_TOTP_SECRET, demoNeedsSecondFactor } from '../../../domain/demo/users.ts';
import { AppError } from '../../../domain/errors.ts';
import { callerOf, signedInUser } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { signIn } from '../../middleware/session.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, TextField } from '../../views/forms.tsx';
import { type Chrome, CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { identityMessages } from './messages.ts';
import { safeNext } from './sign-in.ts';

const nextOf = (c: AppContext) => safeNext(c.req.query('next')) ?? href('account', c.get('lang'));

function CodeField({ ch, error }: { ch: Chrome; error: string | undefined }) {
  const t = identityMessages(ch.lang).secondFactor;
  return (
    <TextField name="code" label={t.code} hint={t.codeHint} autocomplete="one-time-code" error={error} />
  );
}

/** The demo shows its users' current code, as its login page shows their password. */
function DemoCode({ c, ch }: { c: AppContext; ch: Chrome }) {
  const email = c.get('user')?.email;
  const demo = DEMO_LOGINS.find((d) => d.email === email);
  if (!ch.syntheticData || !demo || !demoNeedsSecondFactor(demo)) return null;
  const code = totpCode(DEMO_TOTP_SECRET, c.get('deps').clock());
  return <p class="form-hint">{identityMessages(ch.lang).secondFactor.demoCode(code)}</p>;
}

/** Enter the authenticator's code (or a recovery code) after the password. */
function verifyPage(
  c: AppContext,
  opts: { errors?: FieldErrors; alert?: string; status?: 200 | 422 | 429 } = {},
) {
  const t = identityMessages(c.get('lang')).secondFactor;
  return renderPage(
    c,
    t.verifyTitle,
    (ch) => (
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1>{t.verifyTitle}</h1>
          <p>{t.verifyIntro}</p>
          {opts.alert && <Alert variant="error">{opts.alert}</Alert>}
          <ErrorSummary m={ch.m} errors={opts.errors ?? {}} />
          <form method="post" action={href('secondFactor', ch.lang, { next: nextOf(c) })} novalidate>
            <CsrfField token={ch.csrfToken} />
            <CodeField ch={ch} error={opts.errors?.code} />
            <button type="submit" class="button button-primary">
              {t.verify}
            </button>
          </form>
          <DemoCode c={c} ch={ch} />
        </div>
      </div>
    ),
    opts.status ?? 200,
  );
}

/** The session, renewed (a new token) now that it has proven a second factor. */
async function raiseSession(c: AppContext) {
  const session = c.get('session');
  if (!session) throw new AppError('unauthenticated', 'Sign in to continue');
  await signIn(c, session.userId, session.authMethod, {
    multiFactor: true,
    idTokenHint: session.idTokenHint ?? undefined,
  });
}

async function secondsUntilAllowed(c: AppContext, key: string): Promise<number> {
  const limiter = c.get('deps').limiters.secondFactor;
  const res = await limiter.get(key);
  if (!res || res.consumedPoints < limiter.points) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

async function verify(c: AppContext) {
  const deps = c.get('deps');
  const t = identityMessages(c.get('lang')).secondFactor;
  const user = signedInUser(c);
  const wait = await secondsUntilAllowed(c, user.userId);
  if (wait > 0) {
    c.header('Retry-After', String(wait));
    return verifyPage(c, { alert: t.rateLimited(wait), status: 429 });
  }
  const code = formFields(await c.req.parseBody()).code ?? '';
  try {
    await proveSecondFactor(deps.db, deps.secrets, callerOf(c), code, deps.clock());
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation') {
      await deps.limiters.secondFactor.penalty(user.userId, 1);
      c.get('log').warn({ event: 'second_factor_failed' }, 'wrong one-time code');
      return verifyPage(c, { errors: { code: t.wrongCode }, status: 422 });
    }
    throw e;
  }
  await deps.limiters.secondFactor.delete(user.userId);
  await raiseSession(c);
  return c.redirect(nextOf(c), 303);
}

async function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/** Set up an authenticator (QR code and key, confirmed by a code), or see the two-step login's state. */
async function setupPage(c: AppContext, opts: { errors?: FieldErrors; status?: 200 | 422 } = {}) {
  const deps = c.get('deps');
  const t = identityMessages(c.get('lang')).secondFactor;
  const caller = callerOf(c);
  const status = await ownSecondFactor(deps.db, caller);
  if (status.enrolled && caller.principal.multiFactor === false)
    return c.redirect(href('secondFactor', c.get('lang'), { next: nextOf(c) }), 303);
  const enrolment = status.enrolled ? null : await pendingEnrolment(deps.db, deps.secrets, caller);
  const qr = enrolment ? await qrSvg(enrolment.uri) : '';
  return renderPage(
    c,
    t.title,
    (ch) => (
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1>{t.title}</h1>
          {enrolment ? (
            <>
              <p>{t.enrolIntro}</p>
              <div class="totp-qr" role="img" aria-label={t.qrLabel}>
                {raw(qr)}
              </div>
              <p>
                {t.secretLabel}: <code class="totp-secret">{enrolment.secret}</code>
              </p>
              <ErrorSummary m={ch.m} errors={opts.errors ?? {}} />
              <form method="post" action={href('secondFactorSetup', ch.lang, { next: nextOf(c) })} novalidate>
                <CsrfField token={ch.csrfToken} />
                <CodeField ch={ch} error={opts.errors?.code} />
                <button type="submit" class="button button-primary">
                  {t.confirm}
                </button>
              </form>
            </>
          ) : (
            <>
              <Alert variant="success">{t.enrolled}</Alert>
              <p>{t.codesLeft(status.recoveryCodesLeft)}</p>
              <p>{t.renewIntro}</p>
              <form method="post" action={href('recoveryCodes', ch.lang)}>
                <CsrfField token={ch.csrfToken} />
                <button type="submit" class="button button-secondary">
                  {t.renewCodes}
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

/** The recovery codes, shown once, right after they are made. */
function codesPage(c: AppContext, codes: string[], next: string) {
  const t = identityMessages(c.get('lang')).secondFactor;
  return renderPage(c, t.codesTitle, () => (
    <div class="row">
      <div class="col-12 col-md-8 col-lg-6">
        <h1>{t.codesTitle}</h1>
        <Alert variant="warning">{t.codesIntro}</Alert>
        <ul class="recovery-codes">
          {codes.map((code) => (
            <li>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <a class="button button-primary" href={next}>
            {t.continue}
          </a>
        </p>
      </div>
    </div>
  ));
}

async function confirm(c: AppContext) {
  const deps = c.get('deps');
  const t = identityMessages(c.get('lang')).secondFactor;
  const code = formFields(await c.req.parseBody()).code ?? '';
  let codes: string[];
  try {
    codes = await confirmEnrolment(deps.db, deps.secrets, callerOf(c), code, deps.clock());
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation')
      return setupPage(c, { errors: { code: t.wrongCode }, status: 422 });
    throw e;
  }
  await raiseSession(c);
  return codesPage(c, codes, nextOf(c));
}

/** Two-step login: the code after the password, setting up an authenticator, and new recovery codes. */
export function registerSecondFactorPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'secondFactor', async (c) => {
    const caller = callerOf(c);
    if (caller.principal.multiFactor !== false) return c.redirect(nextOf(c), 303);
    const status = await ownSecondFactor(c.get('deps').db, caller);
    if (!status.enrolled)
      return c.redirect(href('secondFactorSetup', c.get('lang'), { next: nextOf(c) }), 303);
    return verifyPage(c);
  });
  onPage(app, 'POST', 'secondFactor', verify);
  onPage(app, 'GET', 'secondFactorSetup', (c) => setupPage(c));
  onPage(app, 'POST', 'secondFactorSetup', confirm);
  onPage(app, 'POST', 'recoveryCodes', async (c) => {
    const deps = c.get('deps');
    const codes = await renewRecoveryCodes(deps.db, callerOf(c), deps.clock());
    return codesPage(c, codes, href('secondFactorSetup', c.get('lang')));
  });
}
