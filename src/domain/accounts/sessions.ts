import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, lt, ne, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { sessions } from '../../db/schema/index.ts';
import { recordEvent } from '../audit/queries.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../policy/policy.ts';

/**
 * Sessions are independent of how the user proved who they are: an identity provider (the
 * password check, or an OIDC provider such as MitID Erhverv through NemLog-in) resolves a user id
 * and calls startSession with its own method name.
 */
export type AuthMethod = 'password' | `oidc:${string}`;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
export const newToken = () => randomBytes(32).toString('base64url');

/** What a session records of where it was started; see devices.ts. */
export interface SessionOrigin {
  device: string;
  network: string;
}

export interface SessionStart extends Partial<SessionOrigin> {
  /** Proven with more than one factor (see Principal.multiFactor). */
  multiFactor?: boolean;
  /** The identity provider's ID token, kept for logging out there too. */
  idTokenHint?: string | undefined;
}

/** A session is refreshed at most once a minute: its idle timeout need not be exact to the second. */
const SEEN_RESOLUTION_MS = 60_000;

export async function startSession(
  db: Queryable,
  userId: string,
  authMethod: AuthMethod,
  now: Date,
  ttlHours: number,
  start: SessionStart = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    authMethod,
    multiFactor: start.multiFactor ?? false,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    device: start.device ?? '',
    network: start.network ?? '',
    idTokenHint: start.idTokenHint ?? null,
  });
  // Housekeeping on the write path keeps the table small between runs of the retention job.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  return { token, expiresAt };
}

export interface ActiveSession {
  id: string;
  userId: string;
  authMethod: AuthMethod;
  multiFactor: boolean;
  idTokenHint: string | null;
}

/**
 * The session of a cookie's token: unexpired and used within the idle timeout, or null. Marks it
 * as seen (at most once a minute, so a page view rarely writes).
 */
export async function findSession(
  db: Queryable,
  token: string,
  now: Date,
  idleMinutes: number,
): Promise<ActiveSession | null> {
  const idleSince = new Date(now.getTime() - idleMinutes * 60_000);
  const [row] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      authMethod: sessions.authMethod,
      multiFactor: sessions.multiFactor,
      idTokenHint: sessions.idTokenHint,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleSince),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= SEEN_RESOLUTION_MS)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.id));
  const { lastSeenAt: _seen, ...session } = row;
  return { ...session, authMethod: session.authMethod as AuthMethod };
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

export interface SessionView {
  id: string;
  authMethod: string;
  multiFactor: boolean;
  device: string;
  network: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** The session of this very request. */
  current: boolean;
}

/** The caller's active sessions (device, network, times), the most recently used first. */
export async function ownSessions(
  db: Queryable,
  caller: Caller,
  currentSessionId: string | null,
  now: Date,
  idleMinutes: number,
): Promise<SessionView[]> {
  const p = authorize(caller.principal, 'account.sessions');
  const idleSince = new Date(now.getTime() - idleMinutes * 60_000);
  const rows = await db
    .select({
      id: sessions.id,
      authMethod: sessions.authMethod,
      multiFactor: sessions.multiFactor,
      device: sessions.device,
      network: sessions.network,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(
      and(eq(sessions.userId, p.userId), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince)),
    )
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
  return rows.map((r) => ({ ...r, current: r.id === currentSessionId }));
}

const sessionEvent = (caller: Caller, entityId: string, action: string, details?: unknown) => ({
  actorUserId: caller.actor.userId,
  actorLabel: caller.actor.label,
  entity: 'session',
  entityId,
  action,
  requestId: caller.actor.requestId,
  details,
});

/** Ends one of the caller's own sessions (signs out that device); not found when it is not theirs. */
export async function endOwnSession(db: Queryable, caller: Caller, sessionId: string): Promise<void> {
  const p = authorize(caller.principal, 'account.sessions');
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, p.userId)))
    .returning({ id: sessions.id });
  if (ended.length === 0) throw notFound('session');
  await recordEvent(db, sessionEvent(caller, p.userId, 'end', { session: sessionId }));
}

/** Ends every session of the caller but the one of this request. */
export async function endOwnOtherSessions(db: Queryable, caller: Caller, keepToken: string): Promise<number> {
  const p = authorize(caller.principal, 'account.sessions');
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, p.userId), ne(sessions.tokenHash, hashToken(keepToken))))
    .returning({ id: sessions.id });
  await recordEvent(db, sessionEvent(caller, p.userId, 'end_others', { sessions: ended.length }));
  return ended.length;
}

/** An administrator ends every session of a user (a lost laptop, a person who left). */
export async function endUserSessions(db: Queryable, caller: Caller, userId: string): Promise<number> {
  authorize(caller.principal, 'users.manage');
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  await recordEvent(db, sessionEvent(caller, userId, 'end_all', { sessions: ended.length }));
  return ended.length;
}

/** Sessions past their absolute lifetime or their idle timeout: the retention job deletes them. */
export const endedSessions = (now: Date, idleMinutes: number) =>
  or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000)));
