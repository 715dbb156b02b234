import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import {
  approveYear,
  createCluster,
  createOrganisation,
  createUser,
  randomCvr,
} from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import { type Database, queryRows } from '../../db/client.ts';
import {
  auditLog,
  clusters,
  fundingGrants,
  memberships,
  organisationMerges,
  organisations,
} from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { mergeOrganisations, mergePreview } from './merge.ts';

let database: Database;
let admin: Caller;
let support: Caller;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createCaller(database.db, 'admin');
  support = await createCaller(database.db, 'support_staff');
});
afterAll(() => database?.close());

/**
 * How many rows of every table point at the organisation, over every foreign key to
 * organisations(id) the database has: written here from the catalogue, apart from merge.ts, so a
 * table added later is checked without changing this test.
 */
async function referencesTo(id: string): Promise<number> {
  const keys = await queryRows<{ tbl: string; col: string }>(
    database.db,
    sql`select c.conrelid::regclass::text as tbl, a.attname as col
        from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'f' and c.confrelid = 'organisations'::regclass`,
  );
  expect(keys.length).toBeGreaterThan(40);
  let total = 0;
  for (const k of keys) {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ${sql.identifier(k.tbl)} where ${sql.identifier(k.col)} = ${id}`,
    );
    total += row?.n ?? 0;
  }
  return total;
}

const grant = (funderId: string, clusterId: string, year: number) =>
  withActor(database.db, systemActor('test'), (tx) =>
    tx.insert(fundingGrants).values({ funderId, clusterId, year, amountDkk: 1_000_000 }),
  );

const funder = async (name: string) => {
  const org = await createOrganisation(database.db, { kind: 'funder', name });
  const cvr = randomCvr();
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.update(organisations).set({ cvr }).where(eq(organisations.id, org.id)),
  );
  return { ...org, cvr };
};

const clusterNamed = (name: string) =>
  createCluster(database.db, { name, cvr: randomCvr(), slug: `merge-${randomUUID()}` });

describe('merging two records of one organisation', () => {
  it('moves every reference to the survivor, deletes the duplicate and logs its name and CVR, audited', async () => {
    const duplicate = await funder('Region Midtjylland (dublet)');
    const survivor = await funder('Region Midtjylland');
    const cluster = await clusterNamed('Flet-klyngen');
    const staff = await createUser(database.db, 'funder', { organisationId: duplicate.id });
    await grant(duplicate.id, cluster.id, 2025);
    await grant(survivor.id, cluster.id, 2026);
    expect(await referencesTo(duplicate.id)).toBe(2);

    const preview = await mergePreview(database.db, support, duplicate.id, survivor.id);
    expect(preview.refused).toBeNull();
    expect(preview.references).toEqual([
      { table: 'funding_grants', column: 'funder_id', count: 1 },
      { table: 'memberships', column: 'organisation_id', count: 1 },
    ]);

    const result = await mergeOrganisations(database.db, support, {
      removedId: duplicate.id,
      survivorId: survivor.id,
    });
    expect(result.movedReferences).toBe(2);
    expect(await referencesTo(duplicate.id)).toBe(0);
    expect(await database.db.select().from(organisations).where(eq(organisations.id, duplicate.id))).toEqual(
      [],
    );
    const years = await database.db
      .select({ year: fundingGrants.year })
      .from(fundingGrants)
      .where(eq(fundingGrants.funderId, survivor.id))
      .orderBy(fundingGrants.year);
    expect(years).toEqual([{ year: 2025 }, { year: 2026 }]);
    const [role] = await database.db.select().from(memberships).where(eq(memberships.userId, staff.id));
    expect(role?.organisationId).toBe(survivor.id);

    const [log] = await database.db
      .select()
      .from(organisationMerges)
      .where(eq(organisationMerges.removedId, duplicate.id));
    expect(log).toMatchObject({
      survivorId: survivor.id,
      removedKind: 'funder',
      removedName: 'Region Midtjylland (dublet)',
      removedCvr: duplicate.cvr,
      movedReferences: 2,
    });
    const audited = await database.db
      .select({ entity: auditLog.entity, action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorUserId, support.actor.userId ?? ''),
          inArray(auditLog.entity, ['organisations', 'organisation_merges', 'memberships', 'funding_grants']),
        ),
      )
      .orderBy(auditLog.id);
    expect(audited).toEqual([
      { entity: 'funding_grants', action: 'update' },
      { entity: 'memberships', action: 'update' },
      { entity: 'organisations', action: 'delete' },
      { entity: 'organisation_merges', action: 'insert' },
    ]);
  });

  it('keeps the survivor’s cluster profile and drops the duplicate’s, for clusters that have not reported', async () => {
    const duplicate = await clusterNamed('Robotklyngen (dublet)');
    const survivor = await clusterNamed('Robotklyngen');
    await mergeOrganisations(database.db, admin, { removedId: duplicate.id, survivorId: survivor.id });
    const profiles = await database.db
      .select({ id: clusters.organisationId })
      .from(clusters)
      .where(inArray(clusters.organisationId, [duplicate.id, survivor.id]));
    expect(profiles).toEqual([{ id: survivor.id }]);
    expect(await referencesTo(duplicate.id)).toBe(0);
  });

  it('refuses, writing nothing: another kind, a reported cluster, a row the survivor already has', async () => {
    const hub = await createOrganisation(database.db, { kind: 'business_service', name: 'Erhvervshus Fyn' });
    const fund = await funder('Fonden');
    await expectAppError(
      mergeOrganisations(database.db, admin, { removedId: hub.id, survivorId: fund.id }),
      'conflict',
    );
    const reported = await clusterNamed('Indberettende klynge');
    const other = await clusterNamed('Anden klynge');
    await approveYear(database.db, reported.id, 2025);
    const refusal = await mergePreview(database.db, admin, reported.id, other.id);
    expect(refusal.refused).toBe('mergeReported');
    await expectAppError(
      mergeOrganisations(database.db, admin, { removedId: reported.id, survivorId: other.id }),
      'conflict',
    );

    // Both funders fund the same cluster in 2025: moving the grant would duplicate the survivor's.
    const duplicate = await funder('Kommune (dublet)');
    const survivor = await funder('Kommune');
    const cluster = await clusterNamed('Fælles klynge');
    await createUser(database.db, 'funder', { organisationId: duplicate.id });
    await grant(duplicate.id, cluster.id, 2025);
    await grant(survivor.id, cluster.id, 2025);
    const before = await referencesTo(duplicate.id);
    const auditBefore = await database.db.$count(auditLog);
    await expectAppError(
      mergeOrganisations(database.db, admin, { removedId: duplicate.id, survivorId: survivor.id }),
      'conflict',
    );
    expect(await referencesTo(duplicate.id)).toBe(before);
    expect(await database.db.$count(auditLog)).toBe(auditBefore);
    expect(await database.db.$count(organisationMerges, eq(organisationMerges.removedId, duplicate.id))).toBe(
      0,
    );
  });

  it('is forbidden to funders and cluster staff', async () => {
    const duplicate = await funder('Fond A');
    const survivor = await funder('Fond B');
    for (const role of ['funder', 'cluster_staff'] as const) {
      const caller = await createCaller(database.db, role);
      await expectAppError(
        mergeOrganisations(database.db, caller, { removedId: duplicate.id, survivorId: survivor.id }),
        'forbidden',
      );
      await expectAppError(mergePreview(database.db, caller, duplicate.id, survivor.id), 'forbidden');
    }
    expect(await database.db.$count(organisations, eq(organisations.id, duplicate.id))).toBe(1);
  });
});
