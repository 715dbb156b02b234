import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { coarseNetwork, describeDevice } from '../../domain/accounts/devices.ts';
import { loadCurrentUser } from '../../domain/accounts/queries.ts';
import {
  type AuthMethod,
  endSession,
  findSession,
  type SessionStart,
  startSession,
} from '../../domain/accounts/sessions.ts';
import { clientIp } from '../client-ip.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { cookieName, cookieOptions } from './cookies.ts';

/**
 * Loads the signed-in user, if any, from the session cookie: a session ends at its absolute
 * lifetime (SESSION_TTL_HOURS) or after SESSION_IDLE_MINUTES without a request.
 */
export const session: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { config, db, clock } = c.get('deps');
  const token = getCookie(c, cookieName(config, 'session')) ?? null;
  let user = null;
  let active = null;
  if (token && token.length <= 100) {
    active = await findSession(db, token, clock(), config.sessionIdleMinutes);
    const current = active ? await loadCurrentUser(db, active.userId) : null;
    // Without the two-step requirement (tests of other areas) every session counts as proven.
    if (active && current)
      user = { ...current, multiFactor: active.multiFactor || !config.twoStepLoginRequired };
  }
  c.set('user', user);
  c.set('session', user ? active : null);
  c.set('sessionToken', user ? token : null);
  if (token && !user) deleteCookie(c, cookieName(config, 'session'), cookieOptions(config));
  await next();
  // Personal pages must never be stored by shared caches.
  if (user) c.header('Cache-Control', 'private, no-store');
};

/**
 * Starts a fresh session (a new token: no session fixation, also when a second factor raises
 * the session's assurance) and sets its cookie. The session records the device and network.
 * The visitor's CSRF secret is dropped: forms of the session carry tokens of the session (csrf.ts).
 */
export async function signIn(
  c: AppContext,
  userId: string,
  method: AuthMethod,
  start: Omit<SessionStart, 'device' | 'network'> = {},
): Promise<void> {
  const { config, db, clock } = c.get('deps');
  const old = c.get('sessionToken');
  if (old) await endSession(db, old);
  const { token } = await startSession(db, userId, method, clock(), config.sessionTtlHours, {
    ...start,
    device: describeDevice(c.req.header('user-agent')),
    network: coarseNetwork(clientIp(c)),
  });
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
  c.set('session', null);
  c.set('sessionToken', null);
}
