/**
 * Signing in with an external identity (OpenID Connect: MitID Erhverv through NemLog-in, or a
 * staff provider such as Entra ID) and the links between identities and users. The first login
 * of an identity links it to an invited user by e-mail, or, for MitID Erhverv with a CVR number
 * that no organisation of the portal has, creates a company organisation with the person as its
 * user; otherwise the person is refused. An administrator can unlink an identity.
 */
import { and, asc, eq } from 'drizzle-orm';
import { type Actor, withActor } from '../../db/actor.ts';
import type { Db, Queryable, Tx } from '../../db/client.ts';
import { memberships, organisations, userIdentities, users } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import type { IdentityClaims } from './identity-claims.ts';
import { findUserByEmail, personOf } from './queries.ts';
import { type SecondFactorStatus, secondFactorStatus } from './second-factor.ts';

type User = typeof users.$inferSelect;

/** Why a first login could not be given an account; each has its own explanation on the page. */
export type Refusal =
  /** No invitation for the e-mail, and no CVR to make a company account with. */
  | 'unknown_user'
  /** A company account needs an e-mail address, and the provider gave none. */
  | 'no_email'
  /** The e-mail belongs to an existing account: its owner links the identity from the account page. */
  | 'email_taken'
  /** The CVR is an organisation of another kind (a cluster, a funder): its people are invited. */
  | 'organisation_invites_only'
  /** The linked user is disabled or erased. */
  | 'disabled';

export type IdentitySignIn =
  | {
      outcome: 'signed_in';
      user: User;
      /** How the first login got its account, if this was it. */
      created?: 'linked_invitation' | 'company_created' | 'company_joined';
    }
  | { outcome: 'refused'; reason: Refusal };

const refused = (reason: Refusal): IdentitySignIn => ({ outcome: 'refused', reason });
const usable = (u: User) => !u.disabledAt && !u.erasedAt;

/** Resolves the user of an identity at `provider`, linking or creating one at its first login. */
export async function signInWithIdentity(
  db: Db,
  provider: string,
  claims: IdentityClaims,
  now: Date,
  requestId?: string,
): Promise<IdentitySignIn> {
  const [linked] = await db
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, claims.subject)));
  if (linked) return usable(linked.user) ? { outcome: 'signed_in', user: linked.user } : refused('disabled');

  const existing = claims.email ? await findUserByEmail(db, claims.email) : null;
  // The person acts on their own behalf: the audit log names them by the e-mail they came with.
  const actor: Actor = {
    userId: existing?.id ?? null,
    label: claims.email ?? `${provider}:${claims.subject}`,
    requestId,
  };
  if (existing?.invitedAt && claims.emailTrusted && usable(existing)) {
    await withActor(db, actor, async (tx) => {
      await link(tx, existing.id, provider, claims.subject);
      await tx.update(users).set({ invitedAt: null, updatedAt: now }).where(eq(users.id, existing.id));
    });
    return { outcome: 'signed_in', user: { ...existing, invitedAt: null }, created: 'linked_invitation' };
  }
  if (!claims.cvr) return refused(existing ? 'email_taken' : 'unknown_user');
  if (!claims.email) return refused('no_email');
  if (existing) return refused('email_taken');
  const { cvr, email } = claims;
  return withActor(db, actor, async (tx) => {
    const [organisation] = await tx
      .select({ id: organisations.id, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.cvr, cvr));
    if (organisation && organisation.kind !== 'company') return refused('organisation_invites_only');
    const companyId = organisation?.id ?? (await createCompany(tx, cvr, claims.organisationName));
    const [user] = await tx
      .insert(users)
      .values({ email, name: claims.name ?? email, createdAt: now, updatedAt: now })
      .returning();
    if (!user) throw new Error('insert returned no user');
    await tx.insert(memberships).values({ userId: user.id, organisationId: companyId, role: 'company_user' });
    await link(tx, user.id, provider, claims.subject);
    return { outcome: 'signed_in', user, created: organisation ? 'company_joined' : 'company_created' };
  });
}

/**
 * A company that signed in itself (kind `company`), named as its provider said, else by its CVR
 * number; the company accounts of matchmaking build on the same organisation.
 */
async function createCompany(tx: Tx, cvr: string, name: string | null): Promise<string> {
  const [company] = await tx
    .insert(organisations)
    .values({ kind: 'company', name: name ?? `CVR ${cvr}`, slug: `virksomhed-${cvr}`, cvr })
    .returning({ id: organisations.id });
  if (!company) throw new Error('insert returned no organisation');
  return company.id;
}

async function link(tx: Queryable, userId: string, provider: string, subject: string) {
  await tx.insert(userIdentities).values({ userId, provider, subject });
}

/**
 * Links an identity to the signed-in caller's own account (e.g. MitID Erhverv besides the
 * password). Refused when the identity already belongs to another user.
 */
export async function linkIdentity(db: Db, caller: Caller, provider: string, subject: string): Promise<void> {
  authorize(caller.principal, 'account.linkIdentity');
  const user = await personOf(db, caller);
  const [taken] = await db
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, subject)));
  if (taken?.userId === user.id) return;
  if (taken) throw new AppError('conflict', 'identity linked to another user');
  await withActor(db, caller.actor, (tx) => link(tx, user.id, provider, subject));
}

export interface LinkedIdentity {
  id: string;
  provider: string;
  subject: string;
  createdAt: Date;
}

export function identitiesOf(db: Queryable, userId: string): Promise<LinkedIdentity[]> {
  return db
    .select({
      id: userIdentities.id,
      provider: userIdentities.provider,
      subject: userIdentities.subject,
      createdAt: userIdentities.createdAt,
    })
    .from(userIdentities)
    .where(eq(userIdentities.userId, userId))
    .orderBy(asc(userIdentities.createdAt));
}

export interface AccountSecurity {
  hasPassword: boolean;
  secondFactor: SecondFactorStatus;
  identities: LinkedIdentity[];
}

/** How the caller signs in: a password or not, the two-step login, the linked identities. */
export async function ownAccountSecurity(db: Queryable, caller: Caller): Promise<AccountSecurity> {
  authorize(caller.principal, 'account.view');
  const user = await personOf(db, caller);
  const [secondFactor, identities] = await Promise.all([
    secondFactorStatus(db, user.id),
    identitiesOf(db, user.id),
  ]);
  return { hasPassword: user.passwordHash !== null, secondFactor, identities };
}

/** An administrator removes the link between a user and an identity; the next login with it is a first login. */
export async function unlinkIdentity(
  db: Db,
  caller: Caller,
  userId: string,
  identityId: string,
): Promise<void> {
  authorize(caller.principal, 'users.manage');
  const removed = await withActor(db, caller.actor, (tx) =>
    tx
      .delete(userIdentities)
      .where(and(eq(userIdentities.id, identityId), eq(userIdentities.userId, userId)))
      .returning({ id: userIdentities.id }),
  );
  if (removed.length === 0) throw notFound('identity');
}
