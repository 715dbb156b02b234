import type { Hono } from 'hono';
import { linkIdentity, type Refusal, signInWithIdentity } from '../../../domain/accounts/identities.ts';
import { mapClaims } from '../../../domain/accounts/identity-claims.ts';
import { AppError, notFound } from '../../../domain/errors.ts';
import { LoginFailed } from '../../../identity/relying-party.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { identityMessages } from './messages.ts';
import { completeSignIn, rememberPendingLogin, safeNext, takePendingLogin } from './sign-in.ts';

/**
 * The redirect URI registered at every provider: on the public address, one path per provider,
 * the same for both languages (the pending login remembers the language).
 */
export const redirectUriOf = (c: AppContext, provider: string) =>
  `${c.get('deps').config.publicUrl}${pageHref('loginReturn', 'da', { provider })}`;

function providerOf(c: AppContext) {
  const id = c.req.param('provider') ?? '';
  const provider = c.get('deps').identityProviders.provider(id);
  if (!provider) throw notFound('identity provider');
  return provider;
}

/** Sends the browser to the provider, remembering what its return must prove. */
async function startLogin(c: AppContext, link: boolean) {
  const provider = providerOf(c);
  const deps = c.get('deps');
  try {
    const { url, pending } = await deps.identityProviders.startLogin(
      provider.id,
      redirectUriOf(c, provider.id),
    );
    rememberPendingLogin(c, {
      provider: provider.id,
      ...pending,
      next: link ? href('account', c.get('lang')) : safeNext(c.req.query('next')),
      lang: c.get('lang'),
      link,
      startedAt: deps.clock().getTime(),
    });
    return c.redirect(url, 303);
  } catch (err) {
    if (!(err instanceof LoginFailed)) throw err;
    c.get('log').warn(
      { event: 'oidc_start_failed', provider: provider.id, reason: err.message },
      'login start failed',
    );
    return failure(c, c.get('lang'), 'failed', 502);
  }
}

function failure(c: AppContext, lang: Lang, why: 'failed' | 'expired', status: 400 | 502) {
  const t = identityMessages(lang).providers;
  return renderPage(
    c,
    t.failedTitle,
    () => (
      <>
        <h1>{t.failedTitle}</h1>
        <Alert variant="error">{why === 'failed' ? t.failed : t.expired}</Alert>
        <p>
          <a href={href('login', lang)}>{t.tryAgain}</a>
        </p>
      </>
    ),
    status,
  );
}

function refusal(c: AppContext, lang: Lang, reason: Refusal) {
  const t = identityMessages(lang).providers;
  return renderPage(
    c,
    t.refusedTitle,
    () => (
      <>
        <h1>{t.refusedTitle}</h1>
        <Alert variant="warning">{t.refused[reason]}</Alert>
        <p>
          <a href={href('login', lang)}>{t.tryAgain}</a>
        </p>
      </>
    ),
    403,
  );
}

/** The provider's return: checks the protocol, then signs in (or links the identity to the account). */
async function finishLogin(c: AppContext) {
  const provider = providerOf(c);
  const deps = c.get('deps');
  const log = c.get('log');
  const pending = takePendingLogin(c);
  if (!pending || pending.provider !== provider.id) {
    log.warn(
      { event: 'oidc_no_pending_login', provider: provider.id },
      'login return without a pending login',
    );
    return failure(c, c.get('lang'), 'expired', 400);
  }
  const { lang } = pending;
  const callbackUrl = new URL(`${redirectUriOf(c, provider.id)}${new URL(c.req.url).search}`);
  let completed: Awaited<ReturnType<typeof deps.identityProviders.finishLogin>>;
  try {
    completed = await deps.identityProviders.finishLogin(provider.id, callbackUrl, pending);
  } catch (err) {
    if (!(err instanceof LoginFailed)) throw err;
    log.warn({ event: 'oidc_login_failed', provider: provider.id, reason: err.message }, 'login failed');
    return failure(c, lang, 'failed', 400);
  }
  const claims = mapClaims(provider.claims, completed.claims, { trustEmail: provider.trustEmail });
  if (pending.link) return linkToAccount(c, provider, claims.subject, lang);
  const result = await signInWithIdentity(deps.db, provider.id, claims, deps.clock(), c.get('requestId'));
  if (result.outcome === 'refused') {
    log.warn({ event: 'oidc_login_refused', provider: provider.id, reason: result.reason }, 'login refused');
    return refusal(c, lang, result.reason);
  }
  if (result.created)
    log.info({ event: 'oidc_first_login', provider: provider.id, created: result.created }, 'first login');
  return completeSignIn(
    c,
    result.user,
    `oidc:${provider.id}`,
    { multiFactor: claims.multiFactor, idTokenHint: completed.idToken },
    pending.next,
  );
}

async function linkToAccount(
  c: AppContext,
  provider: { id: string; name: string },
  subject: string,
  lang: Lang,
) {
  try {
    await linkIdentity(c.get('deps').db, callerOf(c), provider.id, subject);
  } catch (e) {
    if (e instanceof AppError && e.code === 'conflict')
      return c.redirect(href('account', lang, { status: 'link-taken' }), 303);
    throw e;
  }
  return c.redirect(href('account', lang, { status: 'linked', provider: provider.id }), 303);
}

/** Login through the configured OpenID Connect providers, and linking one to the signed-in account. */
export function registerIdentityProviderPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'loginWithProvider', (c) => startLogin(c, false));
  onPage(app, 'GET', 'loginReturn', finishLogin);
  onPage(app, 'POST', 'accountLinkIdentity', (c) => {
    callerOf(c);
    return startLogin(c, true);
  });
}
