import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerWith, createUserAndCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation, createUser } from '../../../test/support/factories.ts';
import { withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, memberships } from '../../db/schema/index.ts';
import { organisationMembers } from './administration.ts';
import { inviteMember, createUser as inviteUser } from './commands.ts';
import { changeMembershipRole, removeMembership } from './memberships.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const rolesOf = (userId: string, organisationId: string) =>
  database.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));

describe('memberships of an organisation', () => {
  it('lists them for admins only; an admin removes a role, audited; the last administrator keeps theirs', async () => {
    // The only administrator of this database.
    const { user: admin, caller } = await createUserAndCaller(database.db, 'admin');
    const { caller: funder } = await createUserAndCaller(database.db, 'funder');
    const cluster = await createOrganisation(database.db, { name: 'Medlemsklyngen' });
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });

    await expectAppError(organisationMembers(database.db, funder, cluster.id), 'forbidden');
    expect(await organisationMembers(database.db, caller, cluster.id)).toEqual([
      { userId: staff.id, name: staff.name, email: staff.email, role: 'cluster_staff' },
    ]);

    const membership = { userId: staff.id, organisationId: cluster.id, role: 'cluster_staff' as const };
    await expectAppError(removeMembership(database.db, funder, membership), 'forbidden');
    await removeMembership(database.db, caller, membership);
    expect(await organisationMembers(database.db, caller, cluster.id)).toEqual([]);
    const deletions = await database.db
      .select({ actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'memberships'), eq(auditLog.action, 'delete')));
    expect(deletions).toEqual([{ actor: admin.id }]);
    await expectAppError(removeMembership(database.db, caller, membership), 'not_found');

    const ownAdmin = { userId: admin.id, organisationId: admin.organisationId, role: 'admin' as const };
    await expectAppError(removeMembership(database.db, caller, ownAdmin), 'conflict');
    expect(await database.db.select().from(memberships).where(eq(memberships.userId, admin.id))).toHaveLength(
      1,
    );
    // With a second administrator, the first may lose the role.
    await createUser(database.db, 'admin');
    await removeMembership(database.db, caller, ownAdmin);
    expect(await database.db.select().from(memberships).where(eq(memberships.userId, admin.id))).toEqual([]);
  });
});

describe('changing a role in place, and organisation admins', () => {
  it('lets an admin change a role in place, audited as one update', async () => {
    const { caller: admin } = await createUserAndCaller(database.db, 'admin');
    const cluster = await createOrganisation(database.db);
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
    const membership = { userId: staff.id, organisationId: cluster.id, role: 'cluster_staff' };
    await changeMembershipRole(database.db, admin, { ...membership, newRole: 'organisation_admin' });
    expect(await rolesOf(staff.id, cluster.id)).toEqual([{ role: 'organisation_admin' }]);
    const updates = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'memberships'), eq(auditLog.actorLabel, admin.actor.label)));
    expect(updates).toEqual([{ action: 'update' }]);
  });

  it("lets an organisation admin manage their own organisation's users, and no other's", async () => {
    const cluster = await createOrganisation(database.db);
    const other = await createOrganisation(database.db);
    const { caller: orgAdmin } = await createUserAndCaller(database.db, 'organisation_admin', {
      organisationId: cluster.id,
    });
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
    const stranger = await createUser(database.db, 'cluster_staff', { organisationId: other.id });

    // Another organisation's users, and the whole user list, are not theirs.
    await expectAppError(organisationMembers(database.db, orgAdmin, other.id), 'forbidden');
    const strangerRole = { userId: stranger.id, organisationId: other.id, role: 'cluster_staff' };
    await expectAppError(
      changeMembershipRole(database.db, orgAdmin, { ...strangerRole, newRole: 'organisation_admin' }),
      'forbidden',
    );
    await expectAppError(removeMembership(database.db, orgAdmin, strangerRole), 'forbidden');

    // Their own: list, invite, change role (only to the organisation's own roles), remove.
    expect((await organisationMembers(database.db, orgAdmin, cluster.id)).map((m) => m.role).sort()).toEqual([
      'cluster_staff',
      'organisation_admin',
    ]);
    const invited = await inviteUser(
      database.db,
      orgAdmin,
      {
        email: 'ny@klynge.example',
        name: 'Ny Medarbejder',
        organisationId: cluster.id,
        role: 'cluster_staff',
      },
      new Date(),
    );
    expect(await rolesOf(invited.user.id, cluster.id)).toEqual([{ role: 'cluster_staff' }]);
    await expectAppError(
      inviteUser(
        database.db,
        orgAdmin,
        { email: 'admin@klynge.example', name: 'X', organisationId: cluster.id, role: 'admin' },
        new Date(),
      ),
      'validation',
    );
    const staffRole = { userId: staff.id, organisationId: cluster.id, role: 'cluster_staff' };
    // A funder's rights in a cluster organisation, or the installation's admin role, are not for it to give.
    await expectAppError(
      changeMembershipRole(database.db, orgAdmin, { ...staffRole, newRole: 'funder' }),
      'validation',
    );
    await expectAppError(
      changeMembershipRole(database.db, orgAdmin, { ...staffRole, newRole: 'admin' }),
      'validation',
    );
    await changeMembershipRole(database.db, orgAdmin, { ...staffRole, newRole: 'organisation_admin' });
    expect(await rolesOf(staff.id, cluster.id)).toEqual([{ role: 'organisation_admin' }]);
    await removeMembership(database.db, orgAdmin, {
      userId: invited.user.id,
      organisationId: cluster.id,
      role: 'cluster_staff',
    });
    expect(await rolesOf(invited.user.id, cluster.id)).toEqual([]);
  });

  it("keeps an organisation's last organisation admin, by removal or demotion", async () => {
    const cluster = await createOrganisation(database.db);
    const { user, caller: orgAdmin } = await createUserAndCaller(database.db, 'organisation_admin', {
      organisationId: cluster.id,
    });
    const own = { userId: user.id, organisationId: cluster.id, role: 'organisation_admin' };
    await expectAppError(
      changeMembershipRole(database.db, orgAdmin, { ...own, newRole: 'cluster_staff' }),
      'conflict',
    );
    await expectAppError(removeMembership(database.db, orgAdmin, own), 'conflict');
    expect(await rolesOf(user.id, cluster.id)).toEqual([{ role: 'organisation_admin' }]);
    // Another organisation's organisation admin does not count for this one.
    await createUser(database.db, 'organisation_admin');
    await expectAppError(removeMembership(database.db, orgAdmin, own), 'conflict');
    // With a second one in the organisation, the first may step down (and then manages no more).
    await createUser(database.db, 'organisation_admin', { organisationId: cluster.id });
    await changeMembershipRole(database.db, orgAdmin, { ...own, newRole: 'cluster_staff' });
    expect(await rolesOf(user.id, cluster.id)).toEqual([{ role: 'cluster_staff' }]);
    const demoted = callerWith(user, [{ organisationId: cluster.id, role: 'cluster_staff' }]);
    await expectAppError(organisationMembers(database.db, demoted, cluster.id), 'forbidden');
  });

  it('refuses a role the user already holds there', async () => {
    const { caller } = await createUserAndCaller(database.db, 'admin');
    const cluster = await createOrganisation(database.db);
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
    const staffRole = { userId: staff.id, organisationId: cluster.id, role: 'cluster_staff' };
    await createUser(database.db, 'organisation_admin', { organisationId: cluster.id });
    await withActor(database.db, caller.actor, (tx) =>
      tx
        .insert(memberships)
        .values({ userId: staff.id, organisationId: cluster.id, role: 'organisation_admin' }),
    );
    await expectAppError(
      changeMembershipRole(database.db, caller, { ...staffRole, newRole: 'organisation_admin' }),
      'conflict',
    );
    expect((await rolesOf(staff.id, cluster.id)).map((r) => r.role).sort()).toEqual([
      'cluster_staff',
      'organisation_admin',
    ]);
  });
});

describe('inviting into an organisation', () => {
  it('adds a membership to an existing user in a second organisation, audited, and creates a new one otherwise', async () => {
    const first = await createOrganisation(database.db);
    const second = await createOrganisation(database.db);
    const { user: orgAdmin, caller } = await createUserAndCaller(database.db, 'organisation_admin', {
      organisationId: second.id,
    });
    const { caller: outsider } = await createUserAndCaller(database.db, 'organisation_admin', {
      organisationId: first.id,
    });
    const person = await createUser(database.db, 'cluster_staff', { organisationId: first.id });
    const invitation = { email: person.email.toUpperCase(), name: 'Ignoreret', organisationId: second.id };

    await expectAppError(
      inviteMember(database.db, outsider, { ...invitation, role: 'cluster_staff' }, new Date()),
      'forbidden',
    );
    await expectAppError(
      inviteMember(database.db, caller, { ...invitation, role: 'funder' }, new Date()),
      'validation',
    );
    const added = await inviteMember(
      database.db,
      caller,
      { ...invitation, role: 'cluster_staff' },
      new Date(),
    );
    expect(added).toEqual({ user: { id: person.id, email: person.email, name: person.name }, token: null });
    expect(await rolesOf(person.id, first.id)).toEqual([{ role: 'cluster_staff' }]);
    expect(await rolesOf(person.id, second.id)).toEqual([{ role: 'cluster_staff' }]);
    const audited = await database.db
      .select({ actor: auditLog.actorUserId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'memberships'),
          eq(auditLog.action, 'insert'),
          eq(auditLog.entityId, `${person.id}/${second.id}/cluster_staff`),
          eq(auditLog.actorUserId, orgAdmin.id),
        ),
      );
    expect(audited).toHaveLength(1);
    // The same role again is refused; nothing is added twice.
    await expectAppError(
      inviteMember(database.db, caller, { ...invitation, role: 'cluster_staff' }, new Date()),
      'conflict',
    );
    // A new e-mail makes a new user with a set-password token.
    const fresh = await inviteMember(
      database.db,
      caller,
      { email: 'helt.ny@klynge.example', name: 'Helt Ny', organisationId: second.id, role: 'cluster_staff' },
      new Date(),
    );
    expect(fresh.token).toEqual(expect.any(String));
    expect(await rolesOf(fresh.user.id, second.id)).toEqual([{ role: 'cluster_staff' }]);
  });
});
