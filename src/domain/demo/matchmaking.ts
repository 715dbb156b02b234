import type { Tx } from '../../db/client.ts';
import {
  matchmakingAvailability,
  matchmakingEvents,
  matchmakingParticipants,
  matchmakingSlots,
  meetingRequests,
  users,
} from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { addDays, danishTimeToInstant } from '../content/time.ts';
import { DEMO_REFERENCE_DATE } from './dataset.ts';
import { demoUuid } from './ids.ts';
import { createRandom } from './random.ts';

/** The demo event that says "book meetings" (./content.ts), 14 days after the reference date. */
const EVENT_TITLE = 'Matchmaking om fødevareinnovation';
const EVENT_DAY = addDays(DEMO_REFERENCE_DATE, 14);
const SLOT_COUNT = 8;
export const DEMO_MATCHMAKING_PARTICIPANTS = 40;
const PARTICIPANTS = DEMO_MATCHMAKING_PARTICIPANTS;
const REQUESTS = 90;

const FIRST =
  'Anna Bo Carla Dennis Ella Frank Gitte Hans Ida Jonas Karen Lars Maja Niels Olivia Peter Rikke Søren Tina Ulrik'.split(
    ' ',
  );
const LAST = 'Syntetisk Demosen Prøvesen Eksempel'.split(' ');
const TRADES = [
  'Mejeri',
  'Bageri',
  'Ingredienser',
  'Emballage',
  'Fødevareteknik',
  'Plantebaseret',
  'Fiskeforædling',
  'Laboratorium',
];
const OFFERS = [
  'Pilotanlæg til små serier',
  'Analyse af holdbarhed',
  'Nye proteinkilder',
  'Genanvendelig emballage',
  'Sensorik og smagspaneler',
];
const SEEKS = [
  'Partnere til et innovationsprojekt',
  'Leverandør af råvarer',
  'Forskere i fermentering',
  'Kunder til en ny ingrediens',
  'Investorer',
];

const at = (time: string) => danishTimeToInstant(EVENT_DAY, time) as Date;

/**
 * Matchmaking at the demo food event: 8 rounds of 20 minutes from 09:30 at 10 tables, up to 6
 * meetings each, requests until noon the day before; 40 synthetic participants (users without a
 * password, marked "syntetisk") with random availability and 90 requests, most of them accepted,
 * so the organiser (the support function, or the event's cluster) can run the scheduler.
 */
export async function insertDemoMatchmaking(tx: Tx): Promise<number> {
  const random = createRandom(21);
  const eventId = demoUuid(`event:${slugFromTitle(EVENT_TITLE)}`);
  await tx.insert(matchmakingEvents).values({
    eventId,
    tables: Array.from({ length: 10 }, (_, i) => `Bord ${i + 1}`),
    meetingsPerParticipant: 6,
    requestDeadline: danishTimeToInstant(addDays(EVENT_DAY, -1), '12:00') as Date,
  });
  const slots = Array.from({ length: SLOT_COUNT }, (_, i) => ({
    id: demoUuid(`matchmaking-slot:${i}`),
    eventId,
    startsAt: new Date(at('09:30').getTime() + i * 20 * 60_000),
    endsAt: new Date(at('09:30').getTime() + (i + 1) * 20 * 60_000),
  }));
  await tx.insert(matchmakingSlots).values(slots);
  const people = Array.from({ length: PARTICIPANTS }, (_, i) => {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    return {
      userId: demoUuid(`matchmaking-user:${i}`),
      participantId: demoUuid(`matchmaking-participant:${i}`),
      email: `deltager${String(i + 1).padStart(2, '0')}@matchmaking.example`,
      name: `${name} (syntetisk)`,
      organisationName: `${random.pick(TRADES)} ${String(i + 1).padStart(2, '0')} ApS (syntetisk)`,
    };
  });
  await tx
    .insert(users)
    .values(people.map((p) => ({ id: p.userId, email: p.email, name: p.name, locale: 'da' })));
  await tx.insert(matchmakingParticipants).values(
    people.map((p) => ({
      id: p.participantId,
      eventId,
      userId: p.userId,
      organisationName: p.organisationName,
      offers: random.pick(OFFERS),
      seeks: random.pick(SEEKS),
    })),
  );
  await tx
    .insert(matchmakingAvailability)
    .values(
      people.flatMap((p) =>
        slots
          .filter(() => random.chance(0.75))
          .map((s) => ({ participantId: p.participantId, slotId: s.id })),
      ),
    );
  const seen = new Set<string>();
  const requests = [];
  while (requests.length < REQUESTS) {
    const from = random.int(0, PARTICIPANTS - 1);
    // A few participants are asked far more often than the rest, as at real events.
    const to = Math.min(PARTICIPANTS - 1, Math.floor(random.next() ** 2 * PARTICIPANTS));
    const pair = [Math.min(from, to), Math.max(from, to)].join('-');
    if (from === to || seen.has(pair)) continue;
    seen.add(pair);
    const roll = random.next();
    const status =
      roll < 0.7 ? ('accepted' as const) : roll < 0.85 ? ('pending' as const) : ('declined' as const);
    requests.push({
      eventId,
      fromParticipantId: (people[from] as (typeof people)[number]).participantId,
      toParticipantId: (people[to] as (typeof people)[number]).participantId,
      status,
      sentAt: danishTimeToInstant(addDays(DEMO_REFERENCE_DATE, -1), '10:00') as Date,
      answeredAt: status === 'pending' ? null : (danishTimeToInstant(DEMO_REFERENCE_DATE, '10:00') as Date),
    });
  }
  await tx.insert(meetingRequests).values(requests);
  return PARTICIPANTS;
}
