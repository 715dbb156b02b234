import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { type Actor, withActor } from '../../../db/actor.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import { apiTokens, organisations } from '../../../db/schema/index.ts';
import type { Caller } from '../../caller.ts';
import { notFound } from '../../errors.ts';
import { tokenPrincipal } from '../../policy/policy.ts';

/**
 * API tokens of the reporting API. A token belongs to an organisation and is shown once, when it
 * is created; the database keeps only its SHA-256 hash and a short prefix that tells tokens apart
 * in lists and logs. The recognisable `klynge_` start lets secret scanners find leaked tokens.
 */
export const TOKEN_START = 'klynge_';
const TOKEN_FORMAT = /^klynge_[A-Za-z0-9_-]{43}$/;
/** `klynge_` and the first 8 characters of the secret: enough to tell tokens apart, useless to guess with. */
const PREFIX_LENGTH = TOKEN_START.length + 8;
/** Use is recorded at most this often per token, so reading the API does not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const hashApiToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Lifetimes offered when a token is created, in days; a token never lives longer than a year. */
export const TOKEN_LIFETIMES_DAYS = [30, 90, 180, 365] as const;
export type TokenLifetimeDays = (typeof TOKEN_LIFETIMES_DAYS)[number];
const DAY_MS = 86_400_000;

export interface ApiTokenRow {
  id: string;
  name: string;
  tokenPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
  /** When the e-mail reminder before expiry was sent (reminders.ts). */
  expiryRemindedAt: Date | null;
}

/** The organisation a presented token acts for. */
export interface ApiClient {
  tokenId: string;
  tokenPrefix: string;
  tokenName: string;
  organisationId: string;
  organisationKind: string;
  organisationName: string;
  organisationCvr: string | null;
}

/** Creates a token valid for `lifetimeDays` from now; the plaintext is in the result and nowhere else. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { organisationId: string; name: string; now: Date; lifetimeDays: TokenLifetimeDays },
): Promise<{ id: string; token: string; tokenPrefix: string; expiresAt: Date }> {
  const expiresAt = new Date(input.now.getTime() + input.lifetimeDays * DAY_MS);
  const token = `${TOKEN_START}${randomBytes(32).toString('base64url')}`;
  const tokenPrefix = token.slice(0, PREFIX_LENGTH);
  const [row] = await withActor(db, actor, (tx) =>
    tx
      .insert(apiTokens)
      .values({
        organisationId: input.organisationId,
        name: input.name,
        tokenHash: hashApiToken(token),
        tokenPrefix,
        createdBy: actor.userId,
        createdAt: input.now,
        expiresAt,
      })
      .returning({ id: apiTokens.id }),
  );
  if (!row) throw new Error('api token not created');
  return { id: row.id, token, tokenPrefix, expiresAt };
}

/** An organisation's tokens, active ones first, newest first. */
export async function listApiTokens(db: Queryable, organisationId: string): Promise<ApiTokenRow[]> {
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      tokenPrefix: apiTokens.tokenPrefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
      expiryRemindedAt: apiTokens.expiryRemindedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.organisationId, organisationId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

/** Revokes a token of the organisation; revoking a revoked token changes nothing. */
export async function revokeApiToken(
  db: Db,
  actor: Actor,
  input: { organisationId: string; tokenId: string; now: Date },
): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(input.tokenId)) throw notFound('api token');
  await withActor(db, actor, async (tx) => {
    const [row] = await tx
      .select({ revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.organisationId, input.organisationId)));
    if (!row) throw notFound('api token');
    if (row.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: input.now }).where(eq(apiTokens.id, input.tokenId));
  });
}

/** A presented token: the organisation it acts for, or why it is refused. */
export type TokenCheck = { client: ApiClient } | { refused: 'invalid' | 'expired' };

/**
 * Checks a presented token: refused when malformed, unknown, revoked or expired (expired is told
 * apart, so the caller can say what to do). The token is found by its hash, so the time taken
 * does not depend on how much of a guess matches a real token; the stored hash is compared once
 * more in constant time.
 */
export async function authenticateApiToken(db: Db, token: string, now: Date): Promise<TokenCheck> {
  if (!TOKEN_FORMAT.test(token)) return { refused: 'invalid' };
  const hash = hashApiToken(token);
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      tokenHash: apiTokens.tokenHash,
      tokenPrefix: apiTokens.tokenPrefix,
      tokenName: apiTokens.name,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
      organisationId: organisations.id,
      organisationKind: organisations.kind,
      organisationName: organisations.name,
      organisationCvr: organisations.cvr,
    })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .where(eq(apiTokens.tokenHash, hash));
  if (!row || row.revokedAt) return { refused: 'invalid' };
  if (!timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(hash))) return { refused: 'invalid' };
  if (new Date(row.expiresAt).getTime() <= now.getTime()) return { refused: 'expired' };
  const client: ApiClient = {
    tokenId: row.tokenId,
    tokenPrefix: row.tokenPrefix,
    tokenName: row.tokenName,
    organisationId: row.organisationId,
    organisationKind: row.organisationKind,
    organisationName: row.organisationName,
    organisationCvr: row.organisationCvr,
  };
  await withActor(db, apiActor(client), (tx) =>
    tx
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiTokens.id, row.tokenId),
          or(
            isNull(apiTokens.lastUsedAt),
            lt(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)),
          ),
        ),
      ),
  );
  return { client };
}

/** Who acts when a token is used: the token, by prefix and name, for the audit and delivery logs. */
export function apiActor(client: ApiClient, requestId?: string): Actor {
  return {
    userId: null,
    label: `api:${client.tokenPrefix} (${client.tokenName}, ${client.organisationName})`,
    requestId,
  };
}

/**
 * The caller a presented token acts as: its organisation's reporting rights (tokenPrincipal in the
 * policy module), audited as the token.
 */
export function tokenCaller(client: ApiClient, requestId?: string): Caller {
  return {
    principal: tokenPrincipal({
      id: client.tokenId,
      organisationId: client.organisationId,
      organisationKind: client.organisationKind,
    }),
    actor: apiActor(client, requestId),
  };
}
