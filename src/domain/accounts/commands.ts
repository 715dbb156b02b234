import { and, eq, gt, isNull } from 'drizzle-orm';
import { type Actor, withActor } from '../../db/actor.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { memberships, organisations, passwordResetTokens, users } from '../../db/schema/index.ts';
import { recordEvent } from '../audit/queries.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import { grantableRoles, managedOrganisationKind } from './memberships.ts';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './passwords.ts';
import { findUserByEmail, normaliseEmail, personOf } from './queries.ts';
import type { CreateUserInput } from './schemas.ts';
import { type AuthMethod, endAllSessions, hashToken, newToken } from './sessions.ts';

const RESET_TOKEN_TTL_MS = 3600_000;

/**
 * The password identity provider: returns the user id when the password is right. An unknown
 * e-mail still costs one argon2 verification, so response time does not reveal accounts.
 */
export async function authenticateWithPassword(db: Queryable, email: string, password: string) {
  const user = await findUserByEmail(db, email);
  if (!user?.passwordHash || user.disabledAt) {
    await verifyPassword(DUMMY_PASSWORD_HASH, password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}

/**
 * Records a sign-in in the audit log, as the user who signed in (an event, not a row change); the
 * first sign-in of an invited person accepts the invitation.
 */
export async function recordSignIn(
  db: Db,
  user: { id: string; email: string; invitedAt: Date | null },
  method: AuthMethod,
  requestId: string,
): Promise<void> {
  if (user.invitedAt) {
    await withActor(db, { userId: user.id, label: user.email, requestId }, (tx) =>
      tx.update(users).set({ invitedAt: null }).where(eq(users.id, user.id)),
    );
  }
  await recordEvent(db, {
    actorUserId: user.id,
    actorLabel: user.email,
    entity: 'session',
    entityId: user.id,
    action: 'login',
    requestId,
    details: { method },
  });
}

/** Records that the caller signed out. */
export async function recordSignOut(db: Queryable, caller: Caller): Promise<void> {
  const { actor, principal } = caller;
  await recordEvent(db, {
    actorUserId: actor.userId,
    actorLabel: actor.label,
    entity: 'session',
    entityId: principal.userId,
    action: 'logout',
    requestId: actor.requestId,
  });
}

/** Changes the caller's own password, given the current one, and ends their other sessions. */
export async function changePassword(
  db: Db,
  caller: Caller,
  input: { current: string; password: string },
  keepSessionToken: string,
): Promise<void> {
  authorize(caller.principal, 'account.changePassword');
  const user = await personOf(db, caller);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
    throw new AppError('validation', 'wrong current password', [
      { field: 'current', message: 'wrongCurrent' },
    ]);
  }
  const passwordHash = await hashPassword(input.password);
  await withActor(db, caller.actor, async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    await endAllSessions(tx, user.id, keepSessionToken);
  });
}

/** Issues a one-time token; null when no active user has that e-mail (the caller says nothing). */
export async function issuePasswordResetToken(db: Queryable, email: string, now: Date) {
  const user = await findUserByEmail(db, email);
  if (!user || user.disabledAt) return null;
  const token = newToken();
  await db.insert(passwordResetTokens).values({
    tokenHash: hashToken(token),
    userId: user.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
  });
  return { user, token };
}

export async function findValidResetToken(db: Queryable, token: string, now: Date) {
  const [row] = await db
    .select({ userId: passwordResetTokens.userId, email: users.email })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
        isNull(users.disabledAt),
      ),
    );
  return row ?? null;
}

/** Sets a new password from a reset token, uses the token up and ends every session of the user. */
export async function resetPassword(db: Db, token: string, password: string, now: Date, requestId?: string) {
  const found = await findValidResetToken(db, token, now);
  if (!found)
    throw new AppError('validation', 'invalid or expired token', [
      { field: 'token', message: 'invalidToken' },
    ]);
  const passwordHash = await hashPassword(password);
  const actor: Actor = { userId: found.userId, label: found.email, requestId };
  await withActor(db, actor, async (tx) => {
    // The conditional update makes a token usable once even when two requests race.
    const used = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.tokenHash, hashToken(token)), isNull(passwordResetTokens.usedAt)))
      .returning({ userId: passwordResetTokens.userId });
    if (used.length === 0) {
      throw new AppError('validation', 'token already used', [{ field: 'token', message: 'invalidToken' }]);
    }
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, found.userId));
    await endAllSessions(tx, found.userId);
  });
}

/** Creates a user without a password, with one membership; the caller mails a set-password link. */
export async function createUser(db: Db, caller: Caller, input: CreateUserInput, now: Date) {
  authorize(caller.principal, 'members.manage', { organisationId: input.organisationId });
  const email = normaliseEmail(input.email);
  if (await findUserByEmail(db, email)) {
    throw new AppError('conflict', 'email taken', [{ field: 'email', message: 'emailTaken' }]);
  }
  const [org] = await db
    .select({ id: organisations.id, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!org)
    throw new AppError('validation', 'unknown organisation', [
      { field: 'organisationId', message: 'invalid' },
    ]);
  // An organisation admin gives only their organisation's own roles (memberships.ts).
  if (!grantableRoles(caller.principal, org.kind).includes(input.role))
    throw new AppError('validation', 'role not grantable', [{ field: 'role', message: 'roleNotGrantable' }]);
  return withActor(db, caller.actor, async (tx) => {
    const [user] = await tx.insert(users).values({ email, name: input.name, invitedAt: now }).returning();
    if (!user) throw new Error('insert returned no user');
    await tx.insert(memberships).values({ userId: user.id, organisationId: org.id, role: input.role });
    const reset = await issuePasswordResetToken(tx, email, now);
    if (!reset) throw new Error('new user has no reset token');
    return { user, token: reset.token };
  });
}

/**
 * Invites a person into an organisation with a role: a new user (with a set-password token, as
 * createUser), or a membership added to the existing user of that e-mail (no token: they sign in
 * as before), so one person can work in a second organisation. Refused when they hold the role there.
 */
export async function inviteMember(
  db: Db,
  caller: Caller,
  input: CreateUserInput,
  now: Date,
): Promise<{ user: { id: string; email: string; name: string }; token: string | null }> {
  authorize(caller.principal, 'members.manage', { organisationId: input.organisationId });
  const existing = await findUserByEmail(db, normaliseEmail(input.email));
  if (!existing) return createUser(db, caller, input, now);
  const kind = await managedOrganisationKind(db, caller, input.organisationId);
  if (!grantableRoles(caller.principal, kind).includes(input.role))
    throw new AppError('validation', 'role not grantable', [{ field: 'role', message: 'roleNotGrantable' }]);
  await withActor(db, caller.actor, async (tx) => {
    const added = await tx
      .insert(memberships)
      .values({ userId: existing.id, organisationId: input.organisationId, role: input.role })
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    if (added.length === 0)
      throw new AppError('conflict', 'role held', [{ field: 'email', message: 'roleHeld' }]);
  });
  return { user: { id: existing.id, email: existing.email, name: existing.name }, token: null };
}
