import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import { type Database, queryRows } from '../../db/client.ts';
import {
  events,
  matchmakingEvents,
  matchmakingParticipants,
  memberships,
  users,
} from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { addPlatformAudience, addUploadedAudience } from './audiences.ts';
import { registrantEvents } from './event-registrants.ts';
import { createSurvey } from './surveys.ts';

let database: Database;
let support: Caller;
let clusterOrg: string;
let eventId: string;
const NOW = new Date('2027-02-01T10:00:00Z');
const settings = {
  titleDa: 'Evaluering af arrangementet',
  titleEn: 'Event evaluation',
  anonymous: 'on',
  resultsAudience: 'owners',
  closesOn: '2027-03-31',
  start: 'template:event_evaluation',
};
const tag = randomUUID().slice(0, 8);
/** The four registrants: one without any organisation, one with two memberships, two plain. */
const REGISTRANTS = ['uden-org', 'to-medlemskaber', 'tredje', 'fjerde'].map(
  (name) => `${name}-${tag}@example.dk`,
);

beforeAll(async () => {
  database = await createTestDatabase();
  const supportOrg = await createOrganisation(database.db, { kind: 'support_function' });
  support = await createCaller(database.db, 'support_staff', { organisationId: supportOrg.id });
  clusterOrg = (await createOrganisation(database.db, { kind: 'cluster_organisation' })).id;
  const otherCluster = (await createOrganisation(database.db, { kind: 'cluster_organisation' })).id;
  eventId = await withActor(database.db, systemActor('test'), async (tx) => {
    const [event] = await tx
      .insert(events)
      .values({
        organisationId: clusterOrg,
        slug: `arrangement-${tag}`,
        title: 'Matchmaking om robotter',
        startsAt: new Date('2027-01-20T08:00:00Z'),
        endsAt: new Date('2027-01-20T12:00:00Z'),
        publishedAt: new Date('2027-01-01T00:00:00Z'),
      })
      .returning({ id: events.id });
    if (!event) throw new Error('event not created');
    await tx.insert(matchmakingEvents).values({
      eventId: event.id,
      tables: ['Bord 1'],
      meetingsPerParticipant: 2,
      requestDeadline: new Date('2027-01-19T11:00:00Z'),
    });
    const people = await tx
      .insert(users)
      .values(REGISTRANTS.map((email) => ({ email, name: email.split('@')[0] as string })))
      .returning({ id: users.id, email: users.email });
    const twoMemberships = people.find((p) => p.email === REGISTRANTS[1]);
    if (!twoMemberships) throw new Error('registrant not created');
    await tx.insert(memberships).values([
      { userId: twoMemberships.id, organisationId: clusterOrg, role: 'cluster_staff' },
      { userId: twoMemberships.id, organisationId: otherCluster, role: 'cluster_staff' },
    ]);
    await tx
      .insert(matchmakingParticipants)
      .values(people.map((p) => ({ eventId: event.id, userId: p.id, organisationName: 'Test ApS' })));
    return event.id;
  });
});
afterAll(async () => {
  await database?.close();
});

const invitationsBySource = (surveyId: string) =>
  queryRows<{ source: string; n: number }>(
    database.db,
    sql`select source, count(*)::int as n from survey_invitations where survey_id = ${surveyId}
        group by source order by source`,
  );

describe(`an event's registrants as a survey's audience on ${testDriver()}`, () => {
  it('invites each registrant once, with or without an organisation, and counts those already invited', async () => {
    const surveyId = await createSurvey(database.db, support, settings, NOW);
    // One registrant is on an uploaded list already.
    const uploaded = await addUploadedAudience(
      database.db,
      support,
      surveyId,
      new TextEncoder().encode(`email\n${REGISTRANTS[3]}\n`),
    );
    expect(uploaded.result?.added).toBe(1);
    const audience = { source: 'event_registrants', eventId };
    const result = await addPlatformAudience(database.db, support, surveyId, audience, NOW);
    expect(result).toEqual({ added: 3, alreadyInvited: 1, optedOut: 0, withoutEmail: 0 });
    expect(await invitationsBySource(surveyId)).toEqual([
      { source: 'csv', n: 1 },
      { source: `event:${eventId}`, n: 3 },
    ]);
    const again = await addPlatformAudience(database.db, support, surveyId, audience, NOW);
    expect(again).toEqual({ added: 0, alreadyInvited: 4, optedOut: 0, withoutEmail: 0 });
  });

  it('lists the events whose registrants a person may invite, with the registrants counted', async () => {
    const listed = (await registrantEvents(database.db, support)).find((e) => e.id === eventId);
    expect(listed).toEqual({
      id: eventId,
      title: 'Matchmaking om robotter',
      startsAt: new Date('2027-01-20T08:00:00Z'),
      registrants: 4,
    });
    const funder = await createCaller(database.db, 'funder');
    expect(await registrantEvents(database.db, funder)).toEqual([]);
  });

  it("refuses another organisation's event to an owner who may not see its registrants", async () => {
    const funder = await createCaller(database.db, 'funder');
    const surveyId = await createSurvey(database.db, funder, settings, NOW);
    await expectAppError(
      addPlatformAudience(database.db, funder, surveyId, { source: 'event_registrants', eventId }, NOW),
      'forbidden',
    );
    expect(await invitationsBySource(surveyId)).toEqual([]);
  });

  it('refuses a caller who does not manage the survey, and an event that has no registrations', async () => {
    const surveyId = await createSurvey(database.db, support, settings, NOW);
    const clusterStaff = await createCaller(database.db, 'cluster_staff', { organisationId: clusterOrg });
    await expectAppError(
      addPlatformAudience(database.db, clusterStaff, surveyId, { source: 'event_registrants', eventId }, NOW),
      'forbidden',
    );
    await expectAppError(
      addPlatformAudience(
        database.db,
        support,
        surveyId,
        { source: 'event_registrants', eventId: randomUUID() },
        NOW,
      ),
      'validation',
    );
    expect(await invitationsBySource(surveyId)).toEqual([]);
  });
});
