import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { readableMail, startSmtpServer } from '../../../test/support/smtp.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { events } from '../../db/schema/index.ts';
import { createLogger } from '../../logger.ts';
import { announceMeetings, announceRequestChange } from './mail.ts';
import { answerRequest, cancelRequest, register, requestMeeting } from './participation.ts';
import { agendaOf, matchmakingPage } from './queries.ts';
import { runScheduler } from './scheduling.ts';
import { setUpMatchmaking } from './setup.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const NOW = new Date('2027-02-01T09:00:00Z');
const AFTER_DEADLINE = new Date('2027-02-28T12:00:00Z');
/** 1 March 2027, 09:00–13:00 Danish time (UTC+1). */
const STARTS = new Date('2027-03-01T08:00:00Z');

const SETUP = {
  firstSlot: '09:00',
  slotMinutes: '20',
  slotCount: '3',
  tables: 'Bord 1\nBord 2',
  meetingsPerParticipant: '2',
  deadline: '2027-02-28',
  deadlineTime: '12:00',
};

async function world() {
  const org = await createOrganisation(database.db, { kind: 'cluster_organisation' });
  const slug = `matchmaking-${randomUUID().slice(0, 8)}`;
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.insert(events).values({
      organisationId: org.id,
      slug,
      title: 'Matchmaking om robotter',
      startsAt: STARTS,
      endsAt: new Date('2027-03-01T12:00:00Z'),
      publishedAt: new Date('2027-01-01T00:00:00Z'),
    }),
  );
  const organiser = await createCaller(database.db, 'cluster_staff', { organisationId: org.id });
  const ann = await createCaller(database.db, 'company_user');
  const bo = await createCaller(database.db, 'funder');
  return { org, slug, organiser, ann, bo };
}

const slotIdsAt = async (
  slug: string,
  caller: Awaited<ReturnType<typeof createCaller>>,
  ...indices: number[]
) => {
  const page = await matchmakingPage(database.db, caller, slug, NOW);
  return indices.map((i) => page.slots[i]?.id as string);
};

describe(`matchmaking (${testDriver()})`, () => {
  it('two participants register, request and accept a meeting; the organiser schedules it where both are free', async () => {
    const w = await world();
    await setUpMatchmaking(database.db, w.organiser, w.slug, SETUP, NOW);
    const slots = (await matchmakingPage(database.db, w.organiser, w.slug, NOW)).slots;
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2027-03-01T08:00:00.000Z',
      '2027-03-01T08:20:00.000Z',
      '2027-03-01T08:40:00.000Z',
    ]);
    const [s0, s1, s2] = slots.map((s) => s.id);
    const profile = { offers: 'Robotceller', seeks: 'Pilotkunder' };
    await register(
      database.db,
      w.ann,
      w.slug,
      { organisationName: 'Ann ApS', ...profile, slotIds: [s0, s1] },
      NOW,
    );
    const boId = await register(
      database.db,
      w.bo,
      w.slug,
      { organisationName: 'Bo A/S', ...profile, slotIds: [s1, s2] },
      NOW,
    );

    const requestId = await requestMeeting(
      database.db,
      w.ann,
      w.slug,
      { toParticipantId: boId, message: 'Kaffe?' },
      NOW,
    );
    const annSees = await matchmakingPage(database.db, w.ann, w.slug, NOW);
    expect(
      annSees.participants.map((p) => [p.organisationName, p.request?.direction, p.request?.status]),
    ).toEqual([['Bo A/S', 'sent', 'pending']]);
    await answerRequest(database.db, w.bo, w.slug, requestId, { answer: 'accept' }, NOW);

    const result = await runScheduler(database.db, w.organiser, w.slug, {}, NOW);
    expect(result).toEqual({ placed: 1, unplaced: 0, changed: [requestId] });
    const annAgenda = (await agendaOf(database.db, w.ann, w.slug, NOW)).agenda;
    const boAgenda = (await agendaOf(database.db, w.bo, w.slug, NOW)).agenda;
    expect(annAgenda.map((a) => [a.startsAt.toISOString(), a.table, a.withOrganisation])).toEqual([
      ['2027-03-01T08:20:00.000Z', 'Bord 1', 'Bo A/S'],
    ]);
    expect(boAgenda.map((a) => [a.startsAt.toISOString(), a.table, a.withOrganisation])).toEqual([
      ['2027-03-01T08:20:00.000Z', 'Bord 1', 'Ann ApS'],
    ]);
    const figures = (await matchmakingPage(database.db, w.organiser, w.slug, NOW)).figures;
    expect(figures).toEqual({ participants: 2, pending: 0, accepted: 1, placed: 1 });

    // Both sides are told by e-mail, through a real SMTP server.
    const smtp = await startSmtpServer();
    try {
      const deps = { db: database.db, mailer: smtp.mailer, logger: createLogger({ logLevel: 'silent' }) };
      await announceMeetings(deps, result.changed, { da: 'https://x.dk/a', en: 'https://x.dk/en/a' });
      expect(smtp.received.map((r) => r.to).sort()).toEqual([[w.ann.email], [w.bo.email]].sort());
      expect(smtp.received[0]?.data).toContain('Bord 1');
    } finally {
      await smtp.close();
    }
  });

  it('a re-run keeps a confirmed meeting where it is, unless asked to reschedule everything', async () => {
    const w = await world();
    await setUpMatchmaking(database.db, w.organiser, w.slug, SETUP, NOW);
    const [s0, s1] = await slotIdsAt(w.slug, w.organiser, 0, 1);
    const carl = await createCaller(database.db, 'company_user');
    const p = { offers: '', seeks: '' };
    const annId = await register(
      database.db,
      w.ann,
      w.slug,
      { organisationName: 'Ann', ...p, slotIds: [s0, s1] },
      NOW,
    );
    await register(database.db, w.bo, w.slug, { organisationName: 'Bo', ...p, slotIds: [s0, s1] }, NOW);
    const boId = (await matchmakingPage(database.db, w.ann, w.slug, NOW)).participants[0]?.id as string;
    const annBo = await requestMeeting(
      database.db,
      w.bo,
      w.slug,
      { toParticipantId: annId, message: '' },
      NOW,
    );
    await answerRequest(database.db, w.ann, w.slug, annBo, { answer: 'accept' }, NOW);
    await runScheduler(database.db, w.organiser, w.slug, {}, NOW);
    const first = (await agendaOf(database.db, w.ann, w.slug, NOW)).agenda[0];
    expect(first?.startsAt.toISOString()).toBe('2027-03-01T08:00:00.000Z');

    // Carl is free only in the first slot, where Ann's confirmed meeting with Bo sits.
    const carlId = await register(
      database.db,
      carl,
      w.slug,
      { organisationName: 'Carl', ...p, slotIds: [s0] },
      NOW,
    );
    const annCarl = await requestMeeting(
      database.db,
      carl,
      w.slug,
      { toParticipantId: annId, message: '' },
      NOW,
    );
    await answerRequest(database.db, w.ann, w.slug, annCarl, { answer: 'accept' }, NOW);
    expect(await runScheduler(database.db, w.organiser, w.slug, {}, NOW)).toEqual({
      placed: 1,
      unplaced: 1,
      changed: [],
    });
    const moved = await runScheduler(database.db, w.organiser, w.slug, { rescheduleAll: 'yes' }, NOW);
    expect({ ...moved, changed: [...moved.changed].sort() }).toEqual({
      placed: 2,
      unplaced: 0,
      changed: [annBo, annCarl].sort(),
    });
    const annAgenda = (await agendaOf(database.db, w.ann, w.slug, NOW)).agenda;
    expect(annAgenda.map((a) => [a.startsAt.toISOString(), a.withOrganisation])).toEqual([
      ['2027-03-01T08:00:00.000Z', 'Carl'],
      ['2027-03-01T08:20:00.000Z', 'Bo'],
    ]);
    expect([boId, carlId]).toHaveLength(2);
  });

  it('refuses callers the rules leave out, with forbidden', async () => {
    const w = await world();
    await expectAppError(
      setUpMatchmaking(database.db, roleCaller('cluster_staff'), w.slug, SETUP, NOW),
      'forbidden',
    );
    await setUpMatchmaking(database.db, w.organiser, w.slug, SETUP, NOW);
    await expectAppError(runScheduler(database.db, w.ann, w.slug, {}, NOW), 'forbidden');
    const [s0] = await slotIdsAt(w.slug, w.organiser, 0);
    const p = { offers: '', seeks: '', slotIds: [s0] };
    await register(database.db, w.ann, w.slug, { organisationName: 'Ann', ...p }, NOW);
    const boId = await register(database.db, w.bo, w.slug, { organisationName: 'Bo', ...p }, NOW);
    const id = await requestMeeting(database.db, w.ann, w.slug, { toParticipantId: boId, message: '' }, NOW);
    // Only the invited side answers; the sender cannot accept their own request.
    await expectAppError(
      answerRequest(database.db, w.ann, w.slug, id, { answer: 'accept' }, NOW),
      'forbidden',
    );
    // The support function organises any event.
    const support = await createCaller(database.db, 'support_staff');
    expect((await runScheduler(database.db, support, w.slug, {}, NOW)).placed).toBe(0);
  });

  it('refuses bad input with the field named, a second request for a pair, and requests after the deadline', async () => {
    const w = await world();
    await expectAppError(
      setUpMatchmaking(database.db, w.organiser, w.slug, { ...SETUP, slotCount: 'mange', tables: '' }, NOW),
      'validation',
    );
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from matchmaking_events`,
    );
    const before = row?.n;
    await expectAppError(
      setUpMatchmaking(database.db, w.organiser, w.slug, { ...SETUP, deadline: '2027-03-02' }, NOW),
      'validation',
    );
    const [after] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from matchmaking_events`,
    );
    expect(after?.n).toBe(before);

    await setUpMatchmaking(database.db, w.organiser, w.slug, SETUP, NOW);
    const [s0] = await slotIdsAt(w.slug, w.organiser, 0);
    await expectAppError(
      register(
        database.db,
        w.ann,
        w.slug,
        { organisationName: 'Ann', offers: '', seeks: '', slotIds: [randomUUID()] },
        NOW,
      ),
      'validation',
    );
    const annId = await register(
      database.db,
      w.ann,
      w.slug,
      { organisationName: 'Ann', offers: '', seeks: '', slotIds: [s0] },
      NOW,
    );
    const boId = await register(
      database.db,
      w.bo,
      w.slug,
      { organisationName: 'Bo', offers: '', seeks: '', slotIds: [s0] },
      NOW,
    );
    await requestMeeting(database.db, w.ann, w.slug, { toParticipantId: boId, message: '' }, NOW);
    await expectAppError(
      requestMeeting(database.db, w.bo, w.slug, { toParticipantId: annId, message: '' }, NOW),
      'conflict',
    );
    await expectAppError(
      requestMeeting(database.db, w.ann, w.slug, { toParticipantId: annId, message: '' }, NOW),
      'validation',
    );
    const carl = await createCaller(database.db, 'company_user');
    const carlId = await register(
      database.db,
      carl,
      w.slug,
      { organisationName: 'Carl', offers: '', seeks: '', slotIds: [s0] },
      NOW,
    );
    await expectAppError(
      requestMeeting(database.db, w.ann, w.slug, { toParticipantId: carlId, message: '' }, AFTER_DEADLINE),
      'conflict',
    );
    // The unanswered request shows as expired after the deadline.
    const annSees = await matchmakingPage(database.db, w.ann, w.slug, AFTER_DEADLINE);
    expect(annSees.participants.find((p) => p.id === boId)?.request?.status).toBe('expired');
  });

  it('the sender withdraws a pending request and may send it again; either side cancels a meeting, freeing its table', async () => {
    const w = await world();
    await setUpMatchmaking(database.db, w.organiser, w.slug, SETUP, NOW);
    const [s0] = await slotIdsAt(w.slug, w.organiser, 0);
    const p = { offers: '', seeks: '', slotIds: [s0] };
    const annId = await register(database.db, w.ann, w.slug, { organisationName: 'Ann', ...p }, NOW);
    const boId = await register(database.db, w.bo, w.slug, { organisationName: 'Bo', ...p }, NOW);
    const carl = await createCaller(database.db, 'company_user');
    await register(database.db, carl, w.slug, { organisationName: 'Carl', ...p }, NOW);
    const id = await requestMeeting(database.db, w.ann, w.slug, { toParticipantId: boId, message: '' }, NOW);

    // Only the two sides; the invited side answers rather than withdraws.
    await expectAppError(cancelRequest(database.db, carl, w.slug, id, NOW), 'forbidden');
    await expectAppError(cancelRequest(database.db, w.organiser, w.slug, id, NOW), 'forbidden');
    await expectAppError(cancelRequest(database.db, w.bo, w.slug, id, NOW), 'conflict');
    await expectAppError(cancelRequest(database.db, w.ann, w.slug, id, AFTER_DEADLINE), 'conflict');
    expect(await cancelRequest(database.db, w.ann, w.slug, id, NOW)).toEqual({
      change: 'withdrawn',
      otherParticipantId: boId,
    });
    const boSees = await matchmakingPage(database.db, w.bo, w.slug, NOW);
    expect(boSees.participants.find((c) => c.id === annId)?.request).toEqual({
      id,
      direction: 'received',
      status: 'withdrawn',
    });
    await expectAppError(cancelRequest(database.db, w.ann, w.slug, id, NOW), 'conflict');

    // Bo asks Ann this time: the pair keeps its one request, now from Bo.
    expect(
      await requestMeeting(database.db, w.bo, w.slug, { toParticipantId: annId, message: 'Nu?' }, NOW),
    ).toBe(id);
    await answerRequest(database.db, w.ann, w.slug, id, { answer: 'accept' }, NOW);
    expect((await runScheduler(database.db, w.organiser, w.slug, {}, NOW)).placed).toBe(1);
    // The meeting cannot be cancelled once it has begun (its slot starts at STARTS).
    await expectAppError(cancelRequest(database.db, w.bo, w.slug, id, STARTS), 'conflict');
    expect(await cancelRequest(database.db, w.ann, w.slug, id, NOW)).toEqual({
      change: 'cancelled',
      otherParticipantId: boId,
    });
    expect((await agendaOf(database.db, w.bo, w.slug, NOW)).agenda).toEqual([]);
    const [left] = await queryRows<{ meetings: number; status: string; audited: number }>(
      database.db,
      sql`select (select count(*)::int from matchmaking_meetings where request_id = ${id}) as meetings,
                 (select status::text from meeting_requests where id = ${id}) as status,
                 (select count(*)::int from audit_log where entity = 'meeting_requests' and entity_id = ${id}
                    and after->>'status' = 'cancelled') as audited`,
    );
    expect(left).toEqual({ meetings: 0, status: 'cancelled', audited: 1 });
    expect((await matchmakingPage(database.db, w.organiser, w.slug, NOW)).figures).toEqual({
      participants: 3,
      pending: 0,
      accepted: 0,
      placed: 0,
    });

    // The other side is told, through a real SMTP server, by the one who acted.
    const smtp = await startSmtpServer();
    try {
      const deps = { db: database.db, mailer: smtp.mailer, logger: createLogger({ logLevel: 'silent' }) };
      await announceRequestChange(deps, id, boId, 'cancelled', {
        da: 'https://x.dk/a',
        en: 'https://x.dk/en/a',
      });
      expect(smtp.received.map((r) => r.to)).toEqual([[w.bo.email]]);
      expect(readableMail(smtp.received[0]?.data ?? '')).toContain(
        'company_user (Ann) har aflyst jeres møde.',
      );
    } finally {
      await smtp.close();
    }
  });
});
