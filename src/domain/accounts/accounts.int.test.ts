import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation, TEST_PASSWORD } from '../../../test/support/factories.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { tokenPrincipal } from '../policy/policy.ts';
import { userAdministration } from './administration.ts';
import { changePassword, createUser } from './commands.ts';
import { ownAccount } from './queries.ts';

let database: Database;
let admin: Caller & { email: string };
let funder: Caller & { email: string };
/** An API token of a cluster organisation: it acts for the organisation, it is no person. */
let token: Caller;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createCaller(database.db, 'admin');
  funder = await createCaller(database.db, 'funder');
  const cluster = await createOrganisation(database.db);
  token = {
    principal: tokenPrincipal({
      id: 'abc',
      organisationId: cluster.id,
      organisationKind: 'cluster_organisation',
    }),
    actor: { userId: null, label: 'token:abc' },
  };
});
afterAll(() => database?.close());

const NOW = new Date('2025-06-01T10:00:00Z');
const userByEmail = (email: string) => database.db.select().from(users).where(eq(users.email, email));

describe('user administration is for admins only', () => {
  it('createUser: a funder gets forbidden and no user is created; an admin creates one', async () => {
    const org = await createOrganisation(database.db);
    const input = { email: 'ny@test.dk', name: 'Ny Bruger', organisationId: org.id, role: 'funder' as const };
    await expectAppError(createUser(database.db, funder, input, NOW), 'forbidden');
    expect(await userByEmail('ny@test.dk')).toEqual([]);
    const created = await createUser(database.db, admin, input, NOW);
    expect(created.user.email).toBe('ny@test.dk');
  });

  it('userAdministration: forbidden for cluster staff', async () => {
    const staff = await createCaller(database.db, 'cluster_staff');
    await expectAppError(userAdministration(database.db, staff), 'forbidden');
    const { users: listed, roles } = await userAdministration(database.db, admin);
    expect(listed.map((u) => u.email)).toContain(admin.email);
    expect(roles).toContain('cluster_staff');
  });
});

describe('own account', () => {
  it('changePassword: an API token is told to sign in, and a wrong current password is refused', async () => {
    const input = { current: TEST_PASSWORD, password: 'a brand new password' };
    await expectAppError(changePassword(database.db, token, input, ''), 'unauthenticated');
    await expectAppError(
      changePassword(database.db, funder, { ...input, current: 'not the password' }, ''),
      'validation',
    );
    const [before] = await userByEmail(funder.email);
    await changePassword(database.db, funder, input, '');
    const [after] = await userByEmail(funder.email);
    expect(after?.passwordHash).not.toBe(before?.passwordHash);
  });

  it('ownAccount: an API token is told to sign in; a person sees their memberships', async () => {
    await expectAppError(ownAccount(database.db, token), 'unauthenticated');
    const account = await ownAccount(database.db, funder);
    expect([account.email, account.memberships.map((m) => m.role)]).toEqual([funder.email, ['funder']]);
  });
});
