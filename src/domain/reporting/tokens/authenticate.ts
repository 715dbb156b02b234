import { timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { type Actor, withActor } from '../../../db/actor.ts';
import type { Db } from '../../../db/client.ts';
import { apiTokens, organisations } from '../../../db/schema/index.ts';
import type { Caller } from '../../caller.ts';
import { tokenPrincipal } from '../../policy/policy.ts';
import { hashApiToken } from './tokens.ts';

/**
 * A token presented to the reporting API: checked, then turned into the caller it acts as, so
 * the API's requests meet the same domain rules as the web's.
 */
const TOKEN_FORMAT = /^klynge_[A-Za-z0-9_-]{43}$/;
/** Use is recorded at most this often per token, so reading the API does not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The organisation a presented token acts for. */
export interface ApiClient {
  tokenId: string;
  tokenPrefix: string;
  tokenName: string;
  organisationId: string;
  organisationKind: string;
  organisationName: string;
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
function apiActor(client: ApiClient, requestId?: string): Actor {
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
