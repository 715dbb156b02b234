import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation, createUser } from '../../../test/support/factories.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, memberships } from '../../db/schema/index.ts';
import { organisationMembers } from './administration.ts';
import { removeMembership } from './commands.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

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
