import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, coordinationDecisions, coordinationMeetings } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import type { AppError } from '../errors.ts';
import { attentionOf } from '../landing/attention.ts';
import { notificationsFor, unreadCount } from '../notifications/queries.ts';
import { meetingDetail, meetingList } from './meeting-queries.ts';
import { completeDecision, conveneMeeting, publishMinutes, recordDecision } from './meetings.ts';

let database: Database;
let ministry: string;
let region: string;
let municipality: string;
let ministryFunder: Caller;
let regionFunder: Caller;
let outsiderFunder: Caller;
let cluster: string;
const NOW = new Date('2027-01-10T09:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  ministry = (await createOrganisation(db, { kind: 'funder', name: 'Ministeriet' })).id;
  region = (await createOrganisation(db, { kind: 'funder', name: 'Regionen' })).id;
  municipality = (await createOrganisation(db, { kind: 'funder', name: 'Kommunen' })).id;
  cluster = (await createOrganisation(db, { kind: 'cluster_organisation', name: 'Klyngen' })).id;
  ministryFunder = await createCaller(db, 'funder', { organisationId: ministry });
  regionFunder = await createCaller(db, 'funder', { organisationId: region });
  outsiderFunder = await createCaller(db, 'funder', { organisationId: municipality });
});
afterAll(async () => {
  await database?.close();
});

const meetingForm = (overrides: Record<string, unknown> = {}) => ({
  title: 'Forberedelse af robotopslaget',
  kind: 'before_call',
  heldOn: '2027-02-01',
  participantIds: [region],
  agenda: 'Velkomst\n\n  Arbejdsdeling mellem puljerne \nEventuelt',
  ...overrides,
});

describe('coordination meetings', () => {
  it('convenes a meeting with the convener among the participants and tells the others', async () => {
    const before = await unreadCount(database.db, regionFunder.principal);
    const { id, notifiedFunders } = await conveneMeeting(database.db, ministryFunder, meetingForm(), NOW);
    expect(notifiedFunders).toBe(1);
    const detail = await meetingDetail(database.db, regionFunder, id);
    expect(detail.meeting.agenda).toEqual(['Velkomst', 'Arbejdsdeling mellem puljerne', 'Eventuelt']);
    expect(detail.meeting.participants.map((p) => p.name)).toEqual(['Ministeriet', 'Regionen']);
    expect(detail.mayRecord).toBe(true);
    expect(await unreadCount(database.db, regionFunder.principal)).toBe(before + 1);
    const [told] = await notificationsFor(database.db, regionFunder);
    expect(told?.link).toBe(`/finansiering/koordinering/moeder/${id}`);
    const audited = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'coordination_meetings'), eq(auditLog.entityId, id)));
    expect(Number(audited[0]?.n)).toBe(1);
  });

  it('shows a meeting only to its participants and admins', async () => {
    const { id } = await conveneMeeting(database.db, ministryFunder, meetingForm({ title: 'Kun to' }), NOW);
    await expectAppError(meetingDetail(database.db, outsiderFunder, id), 'forbidden');
    const admin = await createCaller(database.db, 'admin');
    expect((await meetingDetail(database.db, admin, id)).mayRecord).toBe(false);
    const listed = await meetingList(database.db, outsiderFunder, '2027-01-10');
    expect(listed.meetings.map((m) => m.id)).not.toContain(id);
    expect((await meetingList(database.db, regionFunder, '2027-01-10')).meetings.map((m) => m.id)).toContain(
      id,
    );
  });

  it('refuses a convener who is not a funder and bad input with field errors', async () => {
    const staff = await createCaller(database.db, 'cluster_staff', { organisationId: cluster });
    await expectAppError(conveneMeeting(database.db, staff, meetingForm(), NOW), 'forbidden');
    await expectAppError(
      conveneMeeting(database.db, ministryFunder, meetingForm({ funderId: region }), NOW),
      'forbidden',
    );
    const bad = await conveneMeeting(
      database.db,
      ministryFunder,
      meetingForm({ agenda: ' \n ', kind: 'party', participantIds: [cluster] }),
      NOW,
    ).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(bad?.code).toBe('validation');
    expect((bad?.issues ?? []).map((i) => i.field).sort()).toEqual(['agenda', 'kind']);
    await expectAppError(
      conveneMeeting(database.db, ministryFunder, meetingForm({ participantIds: [cluster] }), NOW),
      'validation',
    );
  });

  it('publishes minutes once to the participants and refuses others', async () => {
    const { id } = await conveneMeeting(
      database.db,
      ministryFunder,
      meetingForm({ title: 'Opfølgning' }),
      NOW,
    );
    await expectAppError(
      publishMinutes(database.db, outsiderFunder, id, { minutes: '# Referat\n\nAftalt.' }, NOW),
      'forbidden',
    );
    const before = await unreadCount(database.db, ministryFunder.principal);
    await publishMinutes(
      database.db,
      regionFunder,
      id,
      { minutes: '# Referat\n\nAftalt arbejdsdeling.' },
      NOW,
    );
    await publishMinutes(
      database.db,
      regionFunder,
      id,
      { minutes: '# Referat\n\nAftalt arbejdsdelingen.' },
      NOW,
    );
    expect(await unreadCount(database.db, ministryFunder.principal)).toBe(before + 1);
    const [row] = await database.db
      .select({ minutes: coordinationMeetings.minutes, at: coordinationMeetings.minutesPublishedAt })
      .from(coordinationMeetings)
      .where(eq(coordinationMeetings.id, id));
    expect(row?.minutes).toBe('# Referat\n\nAftalt arbejdsdelingen.');
    expect(row?.at?.toISOString()).toBe(NOW.toISOString());
  });

  it('tracks a decision to done by the responsible funder and lists it on the landing page until then', async () => {
    const { id } = await conveneMeeting(
      database.db,
      ministryFunder,
      meetingForm({ title: 'Beslutninger' }),
      NOW,
    );
    const decision = { text: 'Regionen udsender opslaget', responsibleFunderId: region, dueOn: '2027-03-01' };
    await expectAppError(recordDecision(database.db, outsiderFunder, id, decision, NOW), 'forbidden');
    await expectAppError(
      recordDecision(
        database.db,
        ministryFunder,
        id,
        { ...decision, responsibleFunderId: municipality },
        NOW,
      ),
      'validation',
    );
    const decisionId = await recordDecision(
      database.db,
      ministryFunder,
      id,
      { ...decision, clusterId: cluster, callId: '' },
      NOW,
    );
    const open = (await meetingList(database.db, regionFunder, '2027-01-10')).openDecisions;
    expect(open.map((d) => [d.text, d.cluster?.name, d.mayComplete])).toEqual([
      ['Regionen udsender opslaget', 'Klyngen', true],
    ]);
    const attention = await attentionOf(database.db, regionFunder, NOW);
    expect(attention.find((a) => a.kind === 'decisionsOpen')?.count).toBe(1);
    await expectAppError(completeDecision(database.db, ministryFunder, decisionId, NOW), 'forbidden');
    expect(await completeDecision(database.db, regionFunder, decisionId, NOW)).toBe(id);
    await expectAppError(completeDecision(database.db, regionFunder, decisionId, NOW), 'conflict');
    const [row] = await database.db
      .select({ status: coordinationDecisions.status })
      .from(coordinationDecisions)
      .where(eq(coordinationDecisions.id, decisionId));
    expect(row?.status).toBe('done');
    expect((await attentionOf(database.db, regionFunder, NOW)).find((a) => a.kind === 'decisionsOpen')).toBe(
      undefined,
    );
  });
});
