import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { reportingPeriods } from '../../src/db/schema/index.ts';
import type { Caller } from '../../src/domain/caller.ts';
import { tokenPrincipal } from '../../src/domain/policy/policy.ts';
import { deliveryWorkspace, getDelivery, listDeliveries } from '../../src/domain/reporting/delivery/log.ts';
import { roleCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createCluster } from '../support/factories.ts';
import { dataFingerprint, deliver, textFile } from './delivery-helpers.ts';

/**
 * Who may deliver what, and who sees which delivery: the same rules whichever way a delivery
 * comes (web, API, command line), because submitDelivery and the delivery log ask the reporting
 * policy with the caller themselves.
 */
let database: Database;
const A = '29403473';
const B = '12345674';
let clusterA: string;
let clusterB: string;

beforeAll(async () => {
  database = await createTestDatabase();
  clusterA = (await createCluster(database.db, { cvr: A, name: 'Klynge A', slug: 'rights-a' })).id;
  clusterB = (await createCluster(database.db, { cvr: B, name: 'Klynge B', slug: 'rights-b' })).id;
});
afterAll(() => database?.close());

const activities = (cvr: string, ref: string) =>
  textFile(
    'activities.csv',
    `cluster_cvr,activity_ref,title,category,start_date\n${cvr},${ref},Møde,networking,2024-03-01\n`,
  );
const register = () =>
  textFile('clusters.csv', `cvr,name,league,municipality_code\n10000009,Ny klynge,emerging,101\n`);
const page = { limit: 100, offset: 0 };
const logged = async () =>
  (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from deliveries`))[0]?.n ?? 0;

describe(`delivering (${testDriver()})`, () => {
  it('refuses every caller who reports for no cluster, before reading a file or writing the log', async () => {
    const before = [await dataFingerprint(database), await logged()];
    const funderToken: Caller = {
      principal: tokenPrincipal({ id: 't', organisationId: clusterA, organisationKind: 'funder' }),
      actor: { userId: null, label: 'api:test' },
    };
    for (const who of [
      roleCaller('admin'),
      roleCaller('funder'),
      roleCaller('support_staff'),
      roleCaller('assessor', clusterA),
      roleCaller('business_service_staff', clusterA),
      funderToken,
    ]) {
      await expect(deliver(database, [activities(A, 'X1')], who), who.actor.label).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect([await dataFingerprint(database), await logged()]).toEqual(before);
  });

  it("lets a cluster's staff deliver for it only, never the cluster register", async () => {
    const staffA = roleCaller('cluster_staff', clusterA);
    const own = await deliver(database, [activities(A, 'A1')], staffA);
    expect(own.ok).toBe(true);
    const foreign = await deliver(database, [activities(B, 'B1')], staffA);
    expect(foreign.ok ? [] : foreign.errors.map((e) => [e.column, e.code])).toEqual([
      ['cluster_cvr', 'notYourCluster'],
    ]);
    const registered = await deliver(database, [register()], staffA);
    expect(registered.ok ? [] : registered.errors.map((e) => [e.column, e.code])).toEqual([
      ['cvr', 'clustersNotAllowed'],
    ]);
    // The log names the cluster it came from.
    const entry = await getDelivery(database.db, staffA, own.deliveryId);
    expect([entry.status, entry.organisationId]).toEqual(['loaded', clusterA]);
  });

  it("tells a cluster's staff nothing of another cluster's activities but that they may not report for it", async () => {
    // Cluster B has a locked year with an activity in it.
    expect((await deliver(database, [activities(B, 'B-LOCKED')])).ok).toBe(true);
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(reportingPeriods).values({ clusterId: clusterB, year: 2024, status: 'locked' }),
    );
    const participants = textFile(
      'participants.csv',
      `cluster_cvr,activity_ref,participant_type,cvr,name\n${B},B-LOCKED,company,10000009,Firma ApS\n${B},B-NONE,company,10000009,Firma ApS\n`,
    );
    const outcome = await deliver(
      database,
      [activities(B, 'B-LOCKED'), participants],
      roleCaller('cluster_staff', clusterA),
    );
    // Not "period locked" (which says the activity exists and its year is locked), nor
    // "unknown activity" (which says the other does not exist).
    expect(outcome.ok ? [] : outcome.errors.map((e) => [e.file, e.line, e.column, e.code])).toEqual([
      ['activities.csv', 2, 'cluster_cvr', 'notYourCluster'],
      ['participants.csv', 2, 'cluster_cvr', 'notYourCluster'],
      ['participants.csv', 3, 'cluster_cvr', 'notYourCluster'],
    ]);
  });

  it('lets the command line (the system) deliver the cluster register, logged without an organisation', async () => {
    const outcome = await deliver(database, [register()]);
    expect(outcome.ok).toBe(true);
    const entry = await getDelivery(database.db, roleCaller('admin'), outcome.deliveryId);
    expect([entry.organisationId, entry.actorLabel]).toEqual([null, 'system:test']);
  });
});

describe(`the delivery log (${testDriver()})`, () => {
  it("shows a cluster's staff its own deliveries only; funders, support staff and admins all", async () => {
    const staffA = roleCaller('cluster_staff', clusterA);
    const staffB = roleCaller('cluster_staff', clusterB);
    const ofA = await deliver(database, [activities(A, 'L1')], staffA);
    await expect(getDelivery(database.db, staffB, ofA.deliveryId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(getDelivery(database.db, roleCaller('assessor'), ofA.deliveryId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const idsOf = async (who: Caller) => (await listDeliveries(database.db, who, page)).rows.map((r) => r.id);
    expect(await idsOf(staffB)).not.toContain(ofA.deliveryId);
    expect(await idsOf(staffA)).toContain(ofA.deliveryId);
    const total = await logged();
    for (const who of [roleCaller('funder'), roleCaller('support_staff'), roleCaller('admin')])
      expect((await listDeliveries(database.db, who, page)).total).toBe(total);
    expect(await listDeliveries(database.db, roleCaller('assessor'), page)).toEqual({ total: 0, rows: [] });
  });

  it('opens the workspace page to those who see deliveries, with the upload to those who may deliver', async () => {
    const staff = await deliveryWorkspace(database.db, roleCaller('cluster_staff', clusterA));
    const funder = await deliveryWorkspace(database.db, roleCaller('funder'));
    expect([staff.mayDeliver, staff.followsPeriods]).toEqual([true, false]);
    expect([funder.mayDeliver, funder.followsPeriods]).toEqual([false, true]);
    await expect(deliveryWorkspace(database.db, roleCaller('assessor'))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(getDelivery(database.db, roleCaller('funder'), 'not-an-id')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
