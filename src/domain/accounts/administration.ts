/**
 * User administration: who has an account with which roles, and what an administrator may open.
 * Every function checks the policy itself (`admin.view`, `users.manage`).
 */
import { asc, inArray, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { memberships, type organisationKind, organisations, users } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { forbidden } from '../errors.ts';
import { authorize, ROLES, type Role } from '../policy/policy.ts';

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

export interface OrganisationMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

/** The users of one organisation with their roles there, by name. */
export async function organisationMembers(
  db: Queryable,
  caller: Caller,
  organisationId: string,
): Promise<OrganisationMember[]> {
  authorize(caller.principal, 'members.manage', { organisationId });
  return queryRows<OrganisationMember>(
    db,
    sql`select u.id as "userId", u.name, u.email, m.role
        from ${memberships} m join ${users} u on u.id = m.user_id
        where m.organisation_id = ${organisationId}
        order by u.name, u.email, m.role`,
  );
}

/**
 * The organisations whose users the caller manages as their organisation admin, by name, for
 * their own page (admins manage every organisation's from the administration instead).
 */
export async function administeredOrganisations(
  db: Queryable,
  caller: Caller,
): Promise<{ id: string; name: string }[]> {
  const ids = caller.principal.memberships
    .filter((m) => m.role === 'organisation_admin')
    .map((m) => m.organisationId);
  if (ids.length === 0) throw forbidden('Not an organisation admin');
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids))
    .orderBy(asc(organisations.name));
}
