import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { loadCurrentUser } from '../../domain/accounts/queries.ts';
import {
  type AuthMethod,
  endSession,
  findSessionUserId,
  startSession,
} from '../../domain/accounts/sessions.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { cookieName, cookieOptions } from './cookies.ts';

/** Loads the signed-in user, if any, from the session cookie. */
export const session: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { config, db, clock } = c.get('deps');
  const token = getCookie(c, cookieName(config, 'session')) ?? null;
  let user = null;
  if (token && token.length <= 100) {
    const userId = await findSessionUserId(db, token, clock());
    if (userId) user = await loadCurrentUser(db, userId);
  }
  c.set('user', user);
  c.set('sessionToken', user ? token : null);
  if (token && !user) deleteCookie(c, cookieName(config, 'session'), cookieOptions(config));
  await next();
  // Personal pages must never be stored by shared caches.
  if (user) c.header('Cache-Control', 'private, no-store');
};

/**
 * Starts a fresh session (a new token: no session fixation) and sets its cookie. The visitor's
 * CSRF secret is dropped: forms of the session carry tokens of the session (csrf.ts).
 */
export async function signIn(c: AppContext, userId: string, method: AuthMethod): Promise<void> {
  const { config, db, clock } = c.get('deps');
  const old = c.get('sessionToken');
  if (old) await endSession(db, old);
  const { token } = await startSession(db, userId, method, clock(), config.sessionTtlHours);
  setCookie(c, cookieName(config, 'session'), token, cookieOptions(config, config.sessionTtlHours * 3600));
  deleteCookie(c, cookieName(config, 'csrf'), cookieOptions(config));
}

export async function signOut(c: AppContext): Promise<void> {
  const { config, db } = c.get('deps');
  const token = c.get('sessionToken');
  if (token) await endSession(db, token);
  deleteCookie(c, cookieName(config, 'session'), cookieOptions(config));
  // The next visitor of this browser gets a CSRF secret of their own.
  deleteCookie(c, cookieName(config, 'csrf'), cookieOptions(config));
  c.set('user', null);
  c.set('sessionToken', null);
}
