import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/evaluation/fixture.ts';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createUser } from '../../../test/support/factories.ts';
import { withActor } from '../../db/actor.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { auditLog, clusters, participations, users } from '../../db/schema/index.ts';
import { linkIdentity } from '../accounts/identities.ts';
import { startSession } from '../accounts/sessions.ts';
import type { Caller } from '../caller.ts';
import { type AccountScope, performanceAccount } from '../performance/account.ts';
import { eraseParticipant, eraseUser } from './erasure.ts';
import { participantDataExport, userDataExport } from './export.ts';

let database: Database;
let admin: Caller;
let clusterCvr: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const fixture = await loadFixture(database.db, 'erasure');
  clusterCvr = fixture.cvrs.Delta as string;
  admin = await createCaller(database.db, 'admin');
}, 60_000);
afterAll(async () => {
  await database?.close();
});

const SCOPES: AccountScope[] = [{ kind: 'national' }, { kind: 'league', league: 'regional' }];
const accounts = async (scope: AccountScope) =>
  Promise.all([2022, 2023].map((year) => performanceAccount(database.db, year, scope)));
const allAccounts = async () => Promise.all(SCOPES.map(accounts));

/**
 * Where a value is left: every text, varchar and JSON column of every table of the schema,
 * read from the catalogue here (not from the code under test), searched for the value anywhere.
 */
async function tablesHolding(value: string): Promise<string[]> {
  const columns = await queryRows<{ table: string; column: string }>(
    database.db,
    sql`select table_name as "table", column_name as "column" from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'json', 'jsonb')
        order by table_name, column_name`,
  );
  const found: string[] = [];
  for (const { table, column } of columns) {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where strpos(${sql.identifier(column)}::text, ${value}) > 0`,
    );
    if ((row?.n ?? 0) > 0) found.push(`${table}.${column}`);
  }
  return found;
}

/** A cluster's staff member with a trace in many tables: sessions, an identity, the audit log, the cluster's contact. */
async function personWithHistory() {
  const staff = await createUser(database.db, 'cluster_staff');
  const name = `Person ${staff.id.slice(0, 8)}`;
  const caller: Caller = {
    principal: {
      userId: staff.id,
      memberships: [{ organisationId: staff.organisationId, role: 'cluster_staff' }],
    },
    actor: { userId: staff.id, label: staff.email },
  };
  await withActor(database.db, caller.actor, async (tx) => {
    await tx.update(users).set({ name }).where(eq(users.id, staff.id));
    await tx
      .update(clusters)
      .set({ contactName: name, contactEmail: staff.email })
      .where(sql`${clusters.organisationId} = (select id from organisations where cvr = ${clusterCvr})`);
  });
  await startSession(database.db, staff.id, 'password', new Date(), 12, {
    device: 'Firefox, Linux',
    network: '10.0.0.0/24',
  });
  await linkIdentity(database.db, caller, 'nemlogin', `subject-${staff.id}`);
  return { ...staff, name, caller };
}

describe(`erasure of personal data (${testDriver()})`, () => {
  it('erases a user: figures unchanged, none of their values left in any table, the erasure audited without them', async () => {
    const person = await personWithHistory();
    const before = await allAccounts();
    expect((await tablesHolding(person.email)).length).toBeGreaterThan(2);
    expect(await tablesHolding(person.name)).toContain('audit_log.after');

    await eraseUser(database.db, admin, person.id, new Date());

    expect(await allAccounts()).toEqual(before);
    expect(await tablesHolding(person.email)).toEqual([]);
    expect(await tablesHolding(person.name)).toEqual([]);
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.action, 'erase'));
    const erasure = entries.filter((e) => e.entityId === person.id);
    expect(erasure).toHaveLength(1);
    expect(erasure[0]?.actorUserId).toBe(admin.principal.userId);
    const [user] = await database.db.select().from(users).where(eq(users.id, person.id));
    expect(user?.erasedAt).not.toBeNull();
    expect(user?.passwordHash).toBeNull();
  });

  it('erases a participant (a sole proprietorship): figures unchanged, CVR number and name gone everywhere', async () => {
    const [firm] = await queryRows<{ cvr: string; name: string; n: number }>(
      database.db,
      sql`select p.cvr, min(p.name) as name, count(*)::int as n from ${participations} p
          where p.name like 'Firma %' group by p.cvr order by p.cvr limit 1`,
    );
    if (!firm) throw new Error('fixture has no company');
    const before = await allAccounts();

    const { pseudonym } = await eraseParticipant(database.db, admin, firm.cvr);

    expect(await allAccounts()).toEqual(before);
    expect(await tablesHolding(firm.cvr)).toEqual([]);
    expect(await tablesHolding(firm.name)).toEqual([]);
    const moved = await database.db.select().from(participations).where(eq(participations.cvr, pseudonym));
    expect(moved).toHaveLength(firm.n);
  });

  it('is an administrator’s: anyone else is refused, and no one erases their own account here', async () => {
    const person = await personWithHistory();
    const staff = await createCaller(database.db, 'cluster_staff');
    await expectAppError(eraseUser(database.db, staff, person.id, new Date()), 'forbidden');
    await expectAppError(eraseParticipant(database.db, staff, clusterCvr), 'forbidden');
    await expectAppError(eraseUser(database.db, admin, admin.principal.userId, new Date()), 'conflict');
  });
});

describe(`export of personal data (${testDriver()})`, () => {
  it("gives a person their own data, an administrator anyone's, and refuses others", async () => {
    const person = await personWithHistory();
    const own = await userDataExport(database.db, person.caller, person.id, new Date());
    const tables = own.sections.map((s) => s.table);
    expect(tables[0]).toBe('users');
    expect(tables).toEqual(expect.arrayContaining(['sessions', 'user_identities', 'audit_log', 'clusters']));
    const text = JSON.stringify(own);
    expect(text).toContain(person.email);
    expect(text).not.toContain('"password_hash"');
    expect((await userDataExport(database.db, admin, person.id, new Date())).subject).toEqual(own.subject);
    const other = await createCaller(database.db, 'cluster_staff');
    await expectAppError(userDataExport(database.db, other, person.id, new Date()), 'forbidden');
    await expectAppError(
      participantDataExport(database.db, person.caller, clusterCvr, new Date()),
      'forbidden',
    );
  });
});
