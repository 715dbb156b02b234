/**
 * The second factor of a password sign-in: a TOTP authenticator app (RFC 6238) with one-time
 * recovery codes for a lost phone. Admins and funders must prove it (the policy's
 * `awaitsSecondFactor`); anyone may enrol. A code is accepted once: its time step is recorded.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { recoveryCodes, totpAuthenticators } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import { personOf } from './queries.ts';
import type { SecretBox } from './secret-box.ts';
import { base32Encode, matchingStep, newTotpSecret, otpauthUri } from './totp.ts';

export const RECOVERY_CODE_COUNT = 10;
/** The issuer authenticator apps show beside the account. */
export const TOTP_ISSUER = 'Klyngeportalen';

export interface SecondFactorStatus {
  /** An authenticator is set up and confirmed. */
  enrolled: boolean;
  recoveryCodesLeft: number;
}

export async function secondFactorStatus(db: Queryable, userId: string): Promise<SecondFactorStatus> {
  const [[authenticator], [codes]] = await Promise.all([
    db
      .select({ confirmedAt: totpAuthenticators.confirmedAt })
      .from(totpAuthenticators)
      .where(eq(totpAuthenticators.userId, userId)),
    db
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
  ]);
  return { enrolled: !!authenticator?.confirmedAt, recoveryCodesLeft: codes?.n ?? 0 };
}

/** The caller's own status, for the two-step login pages. */
export async function ownSecondFactor(db: Queryable, caller: Caller): Promise<SecondFactorStatus> {
  authorize(caller.principal, 'account.secondFactor');
  return secondFactorStatus(db, (await personOf(db, caller)).id);
}

const wrongCode = () =>
  new AppError('validation', 'wrong or used code', [{ field: 'code', message: 'wrongCode' }]);
const alreadyEnrolled = () => new AppError('conflict', 'an authenticator is already set up');

export interface Enrolment {
  secret: string;
  /** What the QR code holds. */
  uri: string;
}

/**
 * The secret of an authenticator being set up: the pending one, or a new one. A person with a
 * confirmed authenticator must remove it (an administrator resets it) before setting up another,
 * so a password alone never replaces someone's second factor.
 */
export async function pendingEnrolment(db: Db, box: SecretBox, caller: Caller): Promise<Enrolment> {
  authorize(caller.principal, 'account.secondFactor');
  const user = await personOf(db, caller);
  const [existing] = await db.select().from(totpAuthenticators).where(eq(totpAuthenticators.userId, user.id));
  if (existing?.confirmedAt) throw alreadyEnrolled();
  const kept = existing ? box.open(existing.secret) : null;
  const secret =
    kept ??
    (await withActor(db, caller.actor, async (tx) => {
      // A pending secret no configured key opens any more is replaced by a new one.
      const fresh = newTotpSecret();
      await tx
        .insert(totpAuthenticators)
        .values({ userId: user.id, secret: box.seal(fresh) })
        .onConflictDoUpdate({ target: totpAuthenticators.userId, set: { secret: box.seal(fresh) } });
      return fresh;
    }));
  return { secret, uri: otpauthUri(secret, user.email, TOTP_ISSUER) };
}

/**
 * Confirms the pending authenticator with its current code and returns the recovery codes, shown
 * once. The code counts as the sign-in's second factor.
 */
export async function confirmEnrolment(
  db: Db,
  box: SecretBox,
  caller: Caller,
  code: string,
  now: Date,
): Promise<string[]> {
  authorize(caller.principal, 'account.secondFactor');
  const user = await personOf(db, caller);
  const [pending] = await db.select().from(totpAuthenticators).where(eq(totpAuthenticators.userId, user.id));
  if (!pending) throw new AppError('conflict', 'no authenticator is being set up');
  if (pending.confirmedAt) throw alreadyEnrolled();
  const secret = box.open(pending.secret);
  const step = secret === null ? null : matchingStep(secret, normaliseCode(code), now);
  if (step === null) throw wrongCode();
  return withActor(db, caller.actor, async (tx) => {
    await tx
      .update(totpAuthenticators)
      .set({ confirmedAt: now, lastUsedStep: step })
      .where(eq(totpAuthenticators.userId, user.id));
    return replaceRecoveryCodes(tx, user.id, now);
  });
}

/**
 * Checks the second factor of the caller's sign-in: the authenticator's code (each time step
 * once, even when two requests race) or an unused recovery code, which is then used up.
 */
export async function proveSecondFactor(
  db: Db,
  box: SecretBox,
  caller: Caller,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery'> {
  authorize(caller.principal, 'account.secondFactor');
  const user = await personOf(db, caller);
  const given = normaliseCode(code);
  if (/^\d{6}$/.test(given)) {
    const [authenticator] = await db
      .select()
      .from(totpAuthenticators)
      .where(eq(totpAuthenticators.userId, user.id));
    const secret = authenticator?.confirmedAt ? box.open(authenticator.secret) : null;
    const step = secret === null ? null : matchingStep(secret, given, now);
    if (step === null) throw wrongCode();
    const accepted = await withActor(db, caller.actor, (tx) =>
      tx
        .update(totpAuthenticators)
        .set({ lastUsedStep: step })
        .where(
          and(
            eq(totpAuthenticators.userId, user.id),
            or(isNull(totpAuthenticators.lastUsedStep), lt(totpAuthenticators.lastUsedStep, step)),
          ),
        )
        .returning({ userId: totpAuthenticators.userId }),
    );
    if (accepted.length === 0) throw wrongCode();
    return 'totp';
  }
  const used = await withActor(db, caller.actor, (tx) =>
    tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveryCodes.codeHash, hashRecoveryCode(given)),
          eq(recoveryCodes.userId, user.id),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ userId: recoveryCodes.userId }),
  );
  if (used.length === 0) throw wrongCode();
  return 'recovery';
}

/**
 * New recovery codes in place of the old ones, shown once. Only in a session that proved its
 * second factor: otherwise a password alone could mint a way past it.
 */
export async function renewRecoveryCodes(db: Db, caller: Caller, now: Date): Promise<string[]> {
  authorize(caller.principal, 'account.secondFactor');
  if (caller.principal.multiFactor === false)
    throw new AppError('second_factor', 'Prove a second factor first');
  const user = await personOf(db, caller);
  if (!(await secondFactorStatus(db, user.id)).enrolled) throw new AppError('conflict', 'no authenticator');
  return withActor(db, caller.actor, (tx) => replaceRecoveryCodes(tx, user.id, now));
}

/** An administrator removes a user's authenticator and recovery codes (a lost phone); the user sets up a new one. */
export async function resetSecondFactor(db: Db, caller: Caller, userId: string): Promise<void> {
  authorize(caller.principal, 'users.manage');
  await withActor(db, caller.actor, async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(totpAuthenticators).where(eq(totpAuthenticators.userId, userId));
  });
}

async function replaceRecoveryCodes(tx: Queryable, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ codeHash: hashRecoveryCode(code), userId, createdAt: now })));
  return codes;
}

/** 80 random bits as 16 base32 characters in groups of four, e.g. ABCD-EFGH-JKLM-NPQR. */
function newRecoveryCode(): string {
  return base32Encode(randomBytes(10)).match(/.{4}/g)?.join('-') ?? '';
}

/** Codes as people type them: spaces and hyphens ignored, any case. */
const normaliseCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/** 80 random bits need no slow hash: a SHA-256 cannot be reversed by guessing. */
const hashRecoveryCode = (code: string) =>
  createHash('sha256').update(normaliseCode(code)).digest('base64url');

/**
 * Seals every stored TOTP secret that is not sealed with the current key: values written before
 * encryption, and values sealed with a previous key. Idempotent; returns how many it changed.
 * The audit log never holds these secrets (see the audit migration).
 */
export async function sealStoredTotpSecrets(db: Db, box: SecretBox): Promise<number> {
  const rows = await db
    .select({ userId: totpAuthenticators.userId, secret: totpAuthenticators.secret })
    .from(totpAuthenticators);
  const resealed = rows.flatMap((row) => {
    if (box.isCurrent(row.secret)) return [];
    const plain = box.open(row.secret);
    return plain === null ? [] : [{ userId: row.userId, secret: box.seal(plain) }];
  });
  if (resealed.length === 0) return 0;
  await withActor(db, systemActor('secrets'), async (tx) => {
    for (const row of resealed)
      await tx
        .update(totpAuthenticators)
        .set({ secret: row.secret })
        .where(eq(totpAuthenticators.userId, row.userId));
  });
  return resealed.length;
}
