import type { CurrentUser } from '../domain/accounts/queries.ts';
import type { Caller } from '../domain/caller.ts';
import { AppError } from '../domain/errors.ts';
import type { AppContext } from './context.ts';

/** The signed-in user of the request; a visitor is sent to the login page (401 in the API). */
export function signedInUser(c: AppContext): CurrentUser {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue');
  return user;
}

/** The one way a page gets the caller of a domain command: the signed-in user, audited by e-mail. */
export function callerOf(c: AppContext): Caller {
  const user = signedInUser(c);
  return {
    principal: user,
    actor: { userId: user.userId, label: user.email, requestId: c.get('requestId') },
  };
}
