/**
 * A user's roles in an organisation: changed in place or taken away, by admins for every
 * organisation and by an organisation's own organisation admins for theirs (`members.manage`).
 * The installation keeps one administrator and an organisation with organisation admins keeps
 * one of them (docs/organisations.md); every change is audited through withActor.
 */
import { and, eq, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../../db/client.ts';
import { memberships, type organisationKind, organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize, can, type Principal, ROLES, type Role } from '../policy/policy.ts';

export type OrganisationKind = (typeof organisationKind.enumValues)[number];

/** The row of `membership` (a user in an organisation) holding `role`. */
const theMembership = (membership: { userId: string; organisationId: string }, role: Role) =>
  and(
    eq(memberships.userId, membership.userId),
    eq(memberships.organisationId, membership.organisationId),
    eq(memberships.role, role),
  );

/**
 * The roles an organisation admin may give in an organisation of each kind: its own work and
 * the organisation admin role, never a role that reaches beyond it (admin, or a funder's rights
 * in a cluster organisation).
 */
const WORK_ROLES: Record<OrganisationKind, readonly Role[]> = {
  cluster_organisation: ['cluster_staff'],
  funder: ['funder', 'assessor'],
  support_function: ['support_staff'],
  business_service: ['business_service_staff'],
  // A university or GTS institute has no work role of its own in the portal yet
  knowledge_institution: [],
  company: ['company_user'],
};

/** The roles `principal` may give in an organisation of `kind`: any for admins (`users.manage`). */
export function grantableRoles(principal: Principal, kind: OrganisationKind): readonly Role[] {
  if (can(principal, 'users.manage')) return ROLES;
  return [...WORK_ROLES[kind], 'organisation_admin'];
}

/** One organisation whose users the caller manages: its name and kind; not_found for none. */
export async function managedOrganisation(db: Queryable, caller: Caller, organisationId: string) {
  authorize(caller.principal, 'members.manage', { organisationId });
  if (!isUuid(organisationId)) throw notFound('organisation');
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org) throw notFound('organisation');
  return org;
}

/** The organisation's kind, after checking the caller may manage its members; not_found for no organisation. */
export async function managedOrganisationKind(
  db: Queryable,
  caller: Caller,
  organisationId: string,
): Promise<OrganisationKind> {
  return (await managedOrganisation(db, caller, organisationId)).kind;
}

/**
 * Refuses to take the last administrator's admin role, or an organisation's last organisation
 * admin's role there. Serialised, so two changes at once cannot take the last two.
 */
async function refuseLosingLastAdmin(
  tx: Tx,
  membership: { userId: string; organisationId: string; role: Role },
) {
  const { userId, organisationId, role } = membership;
  if (role !== 'admin' && role !== 'organisation_admin') return;
  const scope = role === 'admin' ? sql`true` : sql`organisation_id = ${organisationId}`;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`klynge.admins:${role === 'admin' ? '' : organisationId}`}))`,
  );
  const [{ others } = { others: 0 }] = await queryRows<{ others: number }>(
    tx,
    sql`select count(*)::int as others from ${memberships}
        where role = ${role} and ${scope}
          and not (user_id = ${userId} and organisation_id = ${organisationId})`,
  );
  if (others === 0) throw new AppError('conflict', `the last ${role}`);
}

const roleNamed = (role: string): Role => {
  const known = ROLES.find((r) => r === role);
  if (!known) throw notFound('membership');
  return known;
};

/** Takes a role in an organisation from a user; the user keeps their other memberships. */
export async function removeMembership(
  db: Db,
  caller: Caller,
  membership: { userId: string; organisationId: string; role: string },
): Promise<void> {
  await managedOrganisationKind(db, caller, membership.organisationId);
  const role = roleNamed(membership.role);
  if (!isUuid(membership.userId)) throw notFound('membership');
  await withActor(db, caller.actor, async (tx) => {
    await refuseLosingLastAdmin(tx, { ...membership, role });
    const removed = await tx
      .delete(memberships)
      .where(theMembership(membership, role))
      .returning({ userId: memberships.userId });
    if (removed.length === 0) throw notFound('membership');
  });
}

/**
 * Changes a user's role in an organisation in place (one audited update, no remove and invite):
 * to a role the caller may give there, which the user does not already hold there.
 */
export async function changeMembershipRole(
  db: Db,
  caller: Caller,
  membership: { userId: string; organisationId: string; role: string; newRole: string },
): Promise<void> {
  const kind = await managedOrganisationKind(db, caller, membership.organisationId);
  const role = roleNamed(membership.role);
  const newRole = ROLES.find((r) => r === membership.newRole);
  if (!newRole || !grantableRoles(caller.principal, kind).includes(newRole))
    throw new AppError('validation', 'role not grantable', [
      { field: 'newRole', message: 'roleNotGrantable' },
    ]);
  if (!isUuid(membership.userId)) throw notFound('membership');
  if (newRole === role) return;
  await withActor(db, caller.actor, async (tx) => {
    await refuseLosingLastAdmin(tx, { ...membership, role });
    const [held] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(theMembership(membership, newRole));
    if (held) throw new AppError('conflict', 'role held', [{ field: 'newRole', message: 'roleHeld' }]);
    const changed = await tx
      .update(memberships)
      .set({ role: newRole })
      .where(theMembership(membership, role))
      .returning({ userId: memberships.userId });
    if (changed.length === 0) throw notFound('membership');
  });
}
