import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { withActor } from '../../../db/actor.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import { apiTokens, organisations } from '../../../db/schema/index.ts';
import type { Caller } from '../../caller.ts';
import { AppError, notFound } from '../../errors.ts';
import { authorize } from '../../policy/policy.ts';
import { tokenOrganisations } from '../policy.ts';
import { uuidArray } from '../uuid-array.ts';

/**
 * API tokens of the reporting API. A token belongs to an organisation (a cluster organisation or
 * a funder) and is managed by those the policy allows (apiTokens.manage). It is shown once, when
 * it is created; the database keeps only its SHA-256 hash and a short prefix that tells tokens
 * apart in lists and logs. The recognisable `klynge_` start lets secret scanners find leaked tokens.
 */
const TOKEN_START = 'klynge_';
/** `klynge_` and the first 8 characters of the secret: enough to tell tokens apart, useless to guess with. */
const PREFIX_LENGTH = TOKEN_START.length + 8;
/** The kinds of organisation that have tokens: their token acts with their staff's reporting rights. */
const TOKEN_KINDS = ['cluster_organisation', 'funder'] as const;

export const hashApiToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Lifetimes offered when a token is created, in days; a token never lives longer than a year. */
export const TOKEN_LIFETIMES_DAYS = [30, 90, 180, 365] as const;
export type TokenLifetimeDays = (typeof TOKEN_LIFETIMES_DAYS)[number];
const DAY_MS = 86_400_000;
/** Tokens an organisation may have working at once (neither revoked nor expired). */
export const MAX_ACTIVE_TOKENS = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a new token is asked with; issues carry message keys (nameRequired, nameTooLong,
 * lifetimeInvalid; tooManyTokens when the organisation has MAX_ACTIVE_TOKENS working).
 */
const newToken = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'nameRequired')
    .max(100, 'nameTooLong')
    .regex(/^[^\p{Cc}]*$/u, 'nameRequired'),
  lifetime: z.coerce
    .number()
    .refine(
      (n): n is TokenLifetimeDays => (TOKEN_LIFETIMES_DAYS as readonly number[]).includes(n),
      'lifetimeInvalid',
    ),
});

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

/** An organisation the caller manages tokens for: forbidden for another's, not_found for no organisation. */
function authorizeTokens(caller: Caller, organisationId: string): void {
  authorize(caller.principal, 'apiTokens.manage', { organisationId });
  if (!UUID.test(organisationId)) throw notFound('organisation');
}

/**
 * Creates a token of the organisation, valid for `lifetime` days (one of TOKEN_LIFETIMES_DAYS) from
 * now; the plaintext is in the result and nowhere else. Refused with forbidden (not the caller's to
 * manage), validation (name or lifetime, or MAX_ACTIVE_TOKENS already working) or not_found (no
 * organisation that has tokens).
 */
export async function createApiToken(
  db: Db,
  caller: Caller,
  input: { organisationId: string; name: string | undefined; lifetime: unknown; now: Date },
): Promise<{ id: string; name: string; token: string; tokenPrefix: string; expiresAt: Date }> {
  authorizeTokens(caller, input.organisationId);
  const parsed = newToken.safeParse(input);
  if (!parsed.success)
    throw new AppError(
      'validation',
      'Invalid API token',
      parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), message: i.message })),
    );
  const expiresAt = new Date(input.now.getTime() + parsed.data.lifetime * DAY_MS);
  const token = `${TOKEN_START}${randomBytes(32).toString('base64url')}`;
  const tokenPrefix = token.slice(0, PREFIX_LENGTH);
  const [row] = await withActor(db, caller.actor, async (tx) => {
    // The organisation's row is locked, so two requests cannot both take the last place.
    const [org] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, input.organisationId), inArray(organisations.kind, TOKEN_KINDS)))
      .for('update');
    if (!org) throw notFound('organisation');
    const [active] = await tx
      .select({ n: count() })
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.organisationId, org.id),
          isNull(apiTokens.revokedAt),
          gt(apiTokens.expiresAt, input.now),
        ),
      );
    if ((active?.n ?? 0) >= MAX_ACTIVE_TOKENS)
      throw new AppError(
        'validation',
        `The organisation already has ${MAX_ACTIVE_TOKENS} working API tokens`,
        [{ field: 'name', message: 'tooManyTokens' }],
      );
    return tx
      .insert(apiTokens)
      .values({
        organisationId: input.organisationId,
        name: parsed.data.name,
        tokenHash: hashApiToken(token),
        tokenPrefix,
        createdBy: caller.actor.userId,
        createdAt: input.now,
        expiresAt,
      })
      .returning({ id: apiTokens.id });
  });
  if (!row) throw new Error('api token not created');
  return { id: row.id, name: parsed.data.name, token, tokenPrefix, expiresAt };
}

/** An organisation's tokens, active ones first, newest first, for a caller who manages them. */
export async function listApiTokens(
  db: Queryable,
  caller: Caller,
  organisationId: string,
): Promise<ApiTokenRow[]> {
  authorizeTokens(caller, organisationId);
  return db
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
    .orderBy(isNotNull(apiTokens.revokedAt), desc(apiTokens.createdAt));
}

/** Revokes a token of the organisation; revoking a revoked token changes nothing. */
export async function revokeApiToken(
  db: Db,
  caller: Caller,
  input: { organisationId: string; tokenId: string; now: Date },
): Promise<void> {
  authorizeTokens(caller, input.organisationId);
  if (!UUID.test(input.tokenId)) throw notFound('api token');
  await withActor(db, caller.actor, async (tx) => {
    const [row] = await tx
      .select({ revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.organisationId, input.organisationId)));
    if (!row) throw notFound('api token');
    if (row.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: input.now }).where(eq(apiTokens.id, input.tokenId));
  });
}

export interface TokenOrganisation {
  id: string;
  name: string;
}

/** The organisations whose tokens the caller manages, its own first, then by name; refused when none. */
async function tokenOrganisationsOf(db: Queryable, caller: Caller): Promise<TokenOrganisation[]> {
  const ids = tokenOrganisations(caller.principal);
  const own = [...new Set(caller.principal.memberships.map((m) => m.organisationId))];
  const rows =
    ids?.length === 0
      ? []
      : await db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(
            and(inArray(organisations.kind, TOKEN_KINDS), ids ? inArray(organisations.id, ids) : undefined),
          )
          .orderBy(desc(sql`${organisations.id} = any(${uuidArray(own)})`), asc(organisations.name));
  if (rows.length === 0) throw new AppError('forbidden', 'No organisation whose API tokens you manage');
  return rows;
}

/**
 * The workspace's token page: the organisations whose tokens the caller manages, the one it asks
 * for (its first when it asks for none or for one it does not manage) and that one's tokens.
 */
export async function tokenWorkspace(db: Queryable, caller: Caller, asked: string | undefined) {
  const organisations = await tokenOrganisationsOf(db, caller);
  const organisation = organisations.find((o) => o.id === asked) ?? (organisations[0] as TokenOrganisation);
  return { organisations, organisation, tokens: await listApiTokens(db, caller, organisation.id) };
}
