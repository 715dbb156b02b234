import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { sessions } from '../../db/schema/index.ts';

/**
 * Sessions are independent of how the user proved who they are: an identity provider (the
 * password check today; an OIDC provider such as MitID Erhverv later) resolves a user id and
 * calls startSession with its own method name. Nothing else changes when a provider is added.
 */
export type AuthMethod = 'password' | `oidc:${string}`;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
export const newToken = () => randomBytes(32).toString('base64url');

export async function startSession(
  db: Queryable,
  userId: string,
  authMethod: AuthMethod,
  now: Date,
  ttlHours: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, authMethod, createdAt: now, expiresAt });
  // Housekeeping on the write path keeps the table small without a scheduler.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  return { token, expiresAt };
}

export async function findSessionUserId(db: Queryable, token: string, now: Date): Promise<string | null> {
  const [row] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
  return row?.userId ?? null;
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function endAllSessions(db: Queryable, userId: string, exceptToken?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptToken
        ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashToken(exceptToken)))
        : eq(sessions.userId, userId),
    );
}
