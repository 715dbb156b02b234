/**
 * What every way of signing in shares: the session, the audit entry, and where the person goes
 * next (to prove a second factor first when their role needs one).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { recordSignIn } from '../../../domain/accounts/commands.ts';
import { loadCurrentUser, signInAwaitsSecondFactor } from '../../../domain/accounts/queries.ts';
import type { AuthMethod, SessionStart } from '../../../domain/accounts/sessions.ts';
import { landingPageOf } from '../../../domain/site/sections.ts';
import type { AppContext } from '../../context.ts';
import { cookieName, cookieOptions } from '../../middleware/cookies.ts';
import { signIn } from '../../middleware/session.ts';
import { href, LANGS, type PageKey } from '../../paths.ts';

/** Only local paths are followed after login, never another site. */
export function safeNext(next: string | undefined): string | undefined {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) ? next : undefined;
}

/** Signs the user in and answers with the redirect to the page they go to next. */
export async function completeSignIn(
  c: AppContext,
  user: { id: string; email: string; invitedAt: Date | null },
  method: AuthMethod,
  start: Omit<SessionStart, 'device' | 'network'>,
  next: string | undefined,
): Promise<Response> {
  const { db, config } = c.get('deps');
  await signIn(c, user.id, method, start);
  await recordSignIn(db, user, method, c.get('requestId'));
  const lang = c.get('lang');
  const target = safeNext(next) ?? (await landingHref(c, user.id));
  const proven = (start.multiFactor ?? false) || !config.twoStepLoginRequired;
  if (await signInAwaitsSecondFactor(db, user.id, proven))
    return c.redirect(href('secondFactor', lang, { next: target }), 303);
  return c.redirect(target, 303);
}

/** The signed-in person's landing page (what waits for them), or their account when they have none. */
async function landingHref(c: AppContext, userId: string): Promise<string> {
  const person = await loadCurrentUser(c.get('deps').db, userId);
  return href((landingPageOf(person) ?? 'account') as PageKey, c.get('lang'));
}

/**
 * A login in progress at an identity provider, kept in a short-lived signed cookie between the
 * redirect to the provider and its return: the values the callback must check, where to go
 * next, and whether the person links the identity to the account they are signed in to.
 */
const pendingLogin = z.object({
  provider: z.string(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  next: z.string().optional(),
  lang: z.enum(LANGS),
  link: z.boolean(),
  startedAt: z.number(),
});
export type PendingLogin = z.infer<typeof pendingLogin>;

/** A login at the provider must come back within ten minutes. */
const PENDING_LOGIN_SECONDS = 600;

const signature = (c: AppContext, payload: string) =>
  createHmac('sha256', c.get('deps').config.sessionSecret).update(`login:${payload}`).digest('base64url');

export function rememberPendingLogin(c: AppContext, login: PendingLogin): void {
  const { config } = c.get('deps');
  const payload = Buffer.from(JSON.stringify(login)).toString('base64url');
  setCookie(
    c,
    cookieName(config, 'login'),
    `${payload}.${signature(c, payload)}`,
    cookieOptions(config, PENDING_LOGIN_SECONDS),
  );
}

/** The pending login of this browser, used up: null when missing, forged or too old. */
export function takePendingLogin(c: AppContext): PendingLogin | null {
  const { config, clock } = c.get('deps');
  const name = cookieName(config, 'login');
  const value = getCookie(c, name);
  if (value === undefined) return null;
  deleteCookie(c, name, cookieOptions(config));
  const [payload = '', mac = ''] = value.split('.');
  const expected = Buffer.from(signature(c, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const login = pendingLogin.parse(JSON.parse(Buffer.from(payload, 'base64url').toString()));
    return clock().getTime() - login.startedAt <= PENDING_LOGIN_SECONDS * 1000 ? login : null;
  } catch {
    return null;
  }
}
