import { asc, eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { memberships, organisations, users } from '../../db/schema/index.ts';
import type { Principal, Role } from '../policy/policy.ts';

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

export async function findUserById(db: Queryable, id: string) {
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

export interface UserListRow {
  id: string;
  email: string;
  name: string;
  roles: { organisationName: string; role: Role }[];
}

export async function listUsers(db: Queryable): Promise<UserListRow[]> {
  return queryRows<UserListRow>(
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
  );
}

export async function listOrganisationsForSelect(db: Queryable) {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .orderBy(asc(organisations.kind), asc(organisations.name));
}
