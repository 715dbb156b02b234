/**
 * User administration: who has an account with which roles, and what an administrator may open.
 * Every function checks the policy itself (`admin.view`, `users.manage`).
 */
import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { memberships, type organisationKind, organisations, sessions, users } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { authorize, can, ROLES, type Role } from '../policy/policy.ts';
import { identitiesOf, type LinkedIdentity } from './identities.ts';
import { type SecondFactorStatus, secondFactorStatus } from './second-factor.ts';

/** The parts of administration the caller may open; refused to those who may open none. */
export interface AdministrationSections {
  users: boolean;
  audit: boolean;
  personalData: boolean;
}

export function administrationSections(caller: Caller): AdministrationSections {
  const p = authorize(caller.principal, 'admin.view');
  return {
    users: can(p, 'users.manage'),
    audit: can(p, 'audit.read'),
    personalData: can(p, 'personalData.manage'),
  };
}

export interface UserListRow {
  id: string;
  email: string;
  name: string;
  roles: { organisationName: string; role: Role }[];
}

export interface UserAdministration {
  users: UserListRow[];
  /** The organisations a new user can be made a member of. */
  organisations: { id: string; name: string; kind: (typeof organisationKind.enumValues)[number] }[];
  /** The roles a new user can be given. */
  roles: readonly Role[];
}

/** Every user with their roles, and what the form for a new user offers. */
export async function userAdministration(db: Queryable, caller: Caller): Promise<UserAdministration> {
  authorize(caller.principal, 'users.manage');
  const [userRows, organisationRows] = await Promise.all([
    queryRows<UserListRow>(
      db,
      sql`
      select u.id, u.email, u.name,
             coalesce(json_agg(json_build_object('organisationName', o.name, 'role', m.role)
                               order by o.name, m.role) filter (where m.role is not null), '[]') as roles
      from ${users} u
      left join ${memberships} m on m.user_id = u.id
      left join ${organisations} o on o.id = m.organisation_id
      group by u.id
      order by u.name, u.email`,
    ),
    db
      .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
      .from(organisations)
      .orderBy(asc(organisations.kind), asc(organisations.name)),
  ]);
  return { users: userRows, organisations: organisationRows, roles: ROLES };
}

export interface UserDetails {
  id: string;
  email: string;
  name: string;
  invited: boolean;
  disabled: boolean;
  erased: boolean;
  hasPassword: boolean;
  roles: { organisationName: string; role: Role }[];
  identities: LinkedIdentity[];
  secondFactor: SecondFactorStatus;
  activeSessions: number;
}

/** One user as an administrator sees them: roles, how they sign in, and how many sessions are open. */
export async function userDetails(db: Queryable, caller: Caller, userId: string, now: Date): Promise<UserDetails> {
  authorize(caller.principal, 'users.manage');
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound('user');
  const [roles, identities, secondFactor, [open]] = await Promise.all([
    db
      .select({ organisationName: organisations.name, role: memberships.role })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(organisations.name), asc(memberships.role)),
    identitiesOf(db, userId),
    secondFactorStatus(db, userId),
    db
      .select({ n: count() })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now))),
  ]);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    invited: user.invitedAt !== null,
    disabled: user.disabledAt !== null,
    erased: user.erasedAt !== null,
    hasPassword: user.passwordHash !== null,
    roles,
    identities,
    secondFactor,
    activeSessions: open?.n ?? 0,
  };
}
