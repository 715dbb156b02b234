import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { memberships, organisations, users } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize, awaitsSecondFactor, type Principal, type Role } from '../policy/policy.ts';

export interface MembershipView {
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  organisationSlug: string;
  role: Role;
}

export interface CurrentUser extends Principal {
  email: string;
  name: string;
  memberships: MembershipView[];
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Queryable, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return row ?? null;
}

async function findUserById(db: Queryable, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** The signed-in user with every membership, as the pages and the policy need it. */
export async function loadCurrentUser(db: Queryable, userId: string): Promise<CurrentUser | null> {
  const user = await findUserById(db, userId);
  if (!user || user.disabledAt) return null;
  const rows = await db
    .select({
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      organisationSlug: organisations.slug,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name), asc(memberships.role));
  return { userId: user.id, email: user.email, name: user.name, memberships: rows };
}

/** Whether a sign-in with `multiFactor` leaves the user to prove a second factor first (their roles need one). */
export async function signInAwaitsSecondFactor(db: Queryable, userId: string, multiFactor: boolean) {
  const user = await loadCurrentUser(db, userId);
  return !!user && awaitsSecondFactor({ ...user, multiFactor });
}

const signInFirst = () => new AppError('unauthenticated', 'Sign in to continue');

/**
 * The active user behind a caller. A caller that is not a person (an API token acts for an
 * organisation) has no account: it is told to sign in, as a visitor would be.
 */
export async function personOf(db: Queryable, caller: Caller) {
  const id = caller.principal.userId;
  // People have uuids; an API token's principal (`token:…`) is not a person.
  const user = isUuid(id) ? await findUserById(db, id) : null;
  if (!user || user.disabledAt) throw signInFirst();
  return user;
}

/** The caller's own account: name, e-mail and every membership. */
export async function ownAccount(db: Queryable, caller: Caller): Promise<CurrentUser> {
  authorize(caller.principal, 'account.view');
  const id = caller.principal.userId;
  const account = isUuid(id) ? await loadCurrentUser(db, id) : null;
  if (!account) throw signInFirst();
  return account;
}
