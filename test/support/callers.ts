import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import type { Caller } from '../../src/domain/caller.ts';
import { AppError, type ErrorCode } from '../../src/domain/errors.ts';
import type { Membership, Role } from '../../src/domain/policy/policy.ts';
import { createUser } from './factories.ts';

/**
 * A new user with one role, in `organisationId` or a new organisation of a fitting kind, as the
 * caller of domain commands and queries (what `callerOf(c)` gives a page).
 */
export async function createCaller(
  db: Db,
  role: Role,
  opts: { organisationId?: string } = {},
): Promise<Caller & { email: string }> {
  const user = await createUser(db, role, opts);
  return {
    principal: { userId: user.id, memberships: [{ organisationId: user.organisationId, role }] },
    actor: { userId: user.id, label: user.email },
    email: user.email,
  };
}

/** Awaits `work` and expects it to fail with an AppError of `code` (e.g. the policy's `forbidden`). */
export async function expectAppError(work: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

/** The caller a page would build for a user with these memberships (audited by e-mail). */
export function callerWith(user: { id: string; email: string }, memberships: readonly Membership[]): Caller {
  return {
    principal: { userId: user.id, memberships },
    actor: { userId: user.id, label: user.email },
  };
}

/** A new user with one role (see createUser) and the caller it acts as. */
export async function createUserAndCaller(db: Db, role: Role, opts: { organisationId?: string } = {}) {
  const user = await createUser(db, role, opts);
  return { user, caller: callerWith(user, [{ organisationId: user.organisationId, role }]) };
}

/**
 * A caller with one role in an organisation (a new id unless given) and no user behind it, for
 * rules that need no user row: reads, refusals, an admin acting under no user (e.g. a token whose
 * creator is unknown). Audited under `label`.
 */
export function roleCaller(
  role: Role,
  organisationId: string = randomUUID(),
  label = `test:${role}`,
): Caller {
  return {
    principal: { userId: randomUUID(), memberships: [{ organisationId, role }] },
    actor: { userId: null, label },
  };
}
