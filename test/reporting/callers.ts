import { randomUUID } from 'node:crypto';
import type { Caller } from '../../src/domain/caller.ts';
import type { Role } from '../../src/domain/policy/policy.ts';

/** The caller of a user with one role in one organisation, as callerOf(c) makes it for a signed-in user. */
export const userCaller = (
  user: { id: string; email: string; organisationId: string },
  role: Role,
): Caller => ({
  principal: { userId: user.id, memberships: [{ organisationId: user.organisationId, role }] },
  actor: { userId: user.id, label: user.email },
});

/**
 * A caller with one role in an organisation, for rules that need no user row (reads, refusals,
 * an admin making tokens that have no creator); audited under `label`.
 */
export const roleCaller = (
  role: Role,
  organisationId: string = randomUUID(),
  label = `test:${role}`,
): Caller => ({
  principal: { userId: randomUUID(), memberships: [{ organisationId, role }] },
  actor: { userId: null, label },
});
