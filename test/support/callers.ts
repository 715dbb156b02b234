import type { Db } from '../../src/db/client.ts';
import type { Caller } from '../../src/domain/caller.ts';
import type { Membership, Role } from '../../src/domain/policy/policy.ts';
import { createUser } from './factories.ts';

/** The caller a page would build for a user with these memberships (audited by e-mail). */
export function callerWith(user: { id: string; email: string }, memberships: readonly Membership[]): Caller {
  return {
    principal: { userId: user.id, memberships },
    actor: { userId: user.id, label: user.email },
  };
}

/** A new user with one role (see createUser) and the caller it acts as. */
export async function createCaller(db: Db, role: Role, opts: { organisationId?: string } = {}) {
  const user = await createUser(db, role, opts);
  return { user, caller: callerWith(user, [{ organisationId: user.organisationId, role }]) };
}
