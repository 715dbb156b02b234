import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createCluster, createOrganisation, randomCvr } from '../../../test/support/factories.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { viewableEvent } from '../content/queries.ts';
import { notificationsFor } from '../notifications/queries.ts';
import {
  acceptJointEvent,
  declineJointEvent,
  jointEventProposalsOf,
  proposalClusters,
  proposeJointEvent,
} from './joint-events.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const NOW = new Date('2026-05-04T08:00:00Z');

async function world() {
  const db = database.db;
  const hub = await createOrganisation(db, { kind: 'business_service', name: `Erhvervshus ${randomCvr()}` });
  const cluster = await createCluster(db, {
    cvr: randomCvr(),
    name: `Klynge ${randomCvr()}`,
    slug: `k-${randomCvr()}`,
  });
  return {
    hub,
    cluster,
    advisor: await createCaller(db, 'business_service_staff', { organisationId: hub.id }),
    staff: await createCaller(db, 'cluster_staff', { organisationId: cluster.id }),
  };
}

const proposal = (clusterId: string, over: Record<string, string> = {}) => ({
  clusterId,
  title: 'Robotter i fynske SMV’er',
  date: '2026-06-10',
  startTime: '09:00',
  endTime: '12:30',
  location: 'Odense Havn',
  description: 'En formiddag om automatisering for små virksomheder.',
  ...over,
});

const auditRows = (id: string) =>
  queryRows<{ action: string }>(
    database.db,
    sql`select action from audit_log where entity = 'joint_event_proposals' and entity_id = ${id} order by id`,
  );

describe(`joint events (${testDriver()})`, () => {
  it('a hub proposes, the cluster accepts: the event is published with both organisers, audited, and the hub is told', async () => {
    const w = await world();
    const { id } = await proposeJointEvent(database.db, w.advisor, proposal(w.cluster.id), NOW);
    const [waiting] = await jointEventProposalsOf(database.db, w.staff);
    expect(waiting).toMatchObject({ id, status: 'proposed', answerable: true, hubName: w.hub.name });
    // 09:00 Danish summer time is 07:00 UTC.
    expect(waiting?.startsAt.toISOString()).toBe('2026-06-10T07:00:00.000Z');
    expect((await jointEventProposalsOf(database.db, w.advisor))[0]?.answerable).toBe(false);
    expect((await notificationsFor(database.db, w.staff)).map((n) => n.text)).toEqual([
      `${w.hub.name} foreslår et fælles arrangement: Robotter i fynske SMV’er`,
    ]);

    const { slug } = await acceptJointEvent(database.db, w.staff, id, NOW);
    const event = await viewableEvent(database.db, null, slug, NOW);
    expect(event).toMatchObject({
      title: 'Robotter i fynske SMV’er',
      organisationName: w.cluster.name,
      coOrganisationName: w.hub.name,
      location: 'Odense Havn',
      isPublic: true,
    });
    const [answered] = await jointEventProposalsOf(database.db, w.advisor);
    expect(answered).toMatchObject({ status: 'accepted', eventSlug: slug });
    expect((await notificationsFor(database.db, w.advisor)).map((n) => n.text)).toEqual([
      'Det fælles arrangement er accepteret: Robotter i fynske SMV’er',
    ]);
    expect((await auditRows(id)).map((r) => r.action)).toEqual(['insert', 'update']);
    // Answered once only.
    await expectAppError(acceptJointEvent(database.db, w.staff, id, NOW), 'conflict');
  });

  it('the cluster declines with a reason the hub sees; a reason is required', async () => {
    const w = await world();
    const { id } = await proposeJointEvent(database.db, w.advisor, proposal(w.cluster.id), NOW);
    await expectAppError(declineJointEvent(database.db, w.staff, id, { reason: ' ' }, NOW), 'validation');
    await declineJointEvent(
      database.db,
      w.staff,
      id,
      { reason: 'Vi holder allerede en robotdag i juni.' },
      NOW,
    );
    const [declined] = await jointEventProposalsOf(database.db, w.advisor);
    expect(declined).toMatchObject({
      status: 'declined',
      declineReason: 'Vi holder allerede en robotdag i juni.',
      eventSlug: null,
    });
    await expectAppError(acceptJointEvent(database.db, w.staff, id, NOW), 'conflict');
  });

  it('refuses bad input with the field at fault', async () => {
    const w = await world();
    const cases: [Record<string, string>, string][] = [
      [{ title: '' }, 'title'],
      [{ date: '2026-13-40' }, 'date'],
      [{ endTime: '08:00' }, 'endTime'],
      // A date already past
      [{ date: '2026-05-01' }, 'date'],
      // Not a cluster: the hub itself
      [{ clusterId: w.hub.id }, 'clusterId'],
    ];
    for (const [over, field] of cases) {
      const err = await proposeJointEvent(database.db, w.advisor, proposal(w.cluster.id, over), NOW).catch(
        (e) => e,
      );
      expect(err, field).toMatchObject({ code: 'validation' });
      expect(err.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
  });

  it('refuses whoever is not the hub to propose or the cluster to answer', async () => {
    const w = await world();
    const other = await world();
    for (const caller of [w.staff, roleCaller('support_staff'), roleCaller('admin'), other.staff])
      await expectAppError(proposeJointEvent(database.db, caller, proposal(w.cluster.id), NOW), 'forbidden');
    await expectAppError(proposalClusters(database.db, w.staff), 'forbidden');
    const { id } = await proposeJointEvent(database.db, w.advisor, proposal(w.cluster.id), NOW);
    for (const caller of [w.advisor, other.staff, roleCaller('admin'), roleCaller('support_staff')]) {
      await expectAppError(acceptJointEvent(database.db, caller, id, NOW), 'forbidden');
      await expectAppError(
        declineJointEvent(database.db, caller, id, { reason: 'Nej tak.' }, NOW),
        'forbidden',
      );
    }
    await expectAppError(jointEventProposalsOf(database.db, roleCaller('funder')), 'forbidden');
    // The other cluster's staff do not see it.
    expect(await jointEventProposalsOf(database.db, other.staff)).toEqual([]);
  });
});
