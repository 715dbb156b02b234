import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Db } from '../../src/db/client.ts';
import { events } from '../../src/db/schema/index.ts';
import { answerRequest, register, requestMeeting } from '../../src/domain/matchmaking/participation.ts';
import { matchmakingPage } from '../../src/domain/matchmaking/queries.ts';
import { runScheduler } from '../../src/domain/matchmaking/scheduling.ts';
import { setUpMatchmaking } from '../../src/domain/matchmaking/setup.ts';
import { createCaller } from './callers.ts';
import { createOrganisation } from './factories.ts';

/**
 * A matchmaking event of `year` ending 1 March at 13:00 Danish time, where Ann and Bo met and
 * Cy registered without a meeting.
 */
export async function eventWithMeeting(db: Db, year: number) {
  const org = await createOrganisation(db, { kind: 'cluster_organisation' });
  const slug = `opfoelgning-${randomUUID().slice(0, 8)}`;
  await withActor(db, systemActor('test'), (tx) =>
    tx.insert(events).values({
      organisationId: org.id,
      slug,
      title: `Matchmaking ${year}`,
      startsAt: new Date(`${year}-03-01T08:00:00Z`),
      endsAt: new Date(`${year}-03-01T12:00:00Z`),
      publishedAt: new Date(`${year}-01-01T00:00:00Z`),
    }),
  );
  const before = new Date(`${year}-02-01T09:00:00Z`);
  const organiser = await createCaller(db, 'cluster_staff', { organisationId: org.id });
  const setup = {
    firstSlot: '09:00',
    slotMinutes: '20',
    slotCount: '2',
    tables: 'Bord 1',
    meetingsPerParticipant: '2',
    deadline: `${year}-02-28`,
    deadlineTime: '12:00',
  };
  await setUpMatchmaking(db, organiser, slug, setup, before);
  const slotIds = (await matchmakingPage(db, organiser, slug, before)).slots.map((s) => s.id);
  const ann = await createCaller(db, 'company_user');
  const bo = await createCaller(db, 'company_user');
  const cy = await createCaller(db, 'funder');
  const profile = { offers: 'Robotter', seeks: 'Kunder', slotIds };
  const annId = await register(db, ann, slug, { organisationName: 'Ann ApS', ...profile }, before);
  const boId = await register(db, bo, slug, { organisationName: 'Bo A/S', ...profile }, before);
  await register(db, cy, slug, { organisationName: 'Cy I/S', ...profile }, before);
  const requestId = await requestMeeting(db, ann, slug, { toParticipantId: boId, message: '' }, before);
  await answerRequest(db, bo, slug, requestId, { answer: 'accept' }, before);
  // Cy asked Ann too, but Ann never answered: no meeting, no follow-up for Cy.
  await requestMeeting(db, cy, slug, { toParticipantId: annId, message: '' }, before);
  expect((await runScheduler(db, organiser, slug, {}, before)).placed).toBe(1);
  const eventId = (await matchmakingPage(db, organiser, slug, before)).event.id;
  return { slug, eventId, organiser, ann, bo, cy };
}
