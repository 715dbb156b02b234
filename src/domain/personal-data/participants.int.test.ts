import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportParticipation } from '../../../test/referrals/fixtures.ts';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createCluster, randomCvr } from '../../../test/support/factories.ts';
import type { Database } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import type { AppError } from '../errors.ts';
import { participantByCvr, searchParticipants } from './participants.ts';

let database: Database;
let admin: Caller;
/** A word no other test's participant is named with, so the search sees these two only. */
const WORD = `Tømrer${randomCvr()}`;
const carpenter = { cvr: randomCvr(), name: `Jens Hansen ${WORD}` };
const joiner = { cvr: randomCvr(), name: `Anne Berg ${WORD} ApS` };

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createCaller(database.db, 'admin');
  const [one, two] = [randomCvr(), randomCvr()];
  const north = await createCluster(database.db, { cvr: one, name: 'Nord', slug: `nord-${one}` });
  const south = await createCluster(database.db, { cvr: two, name: 'Syd', slug: `syd-${two}` });
  await reportParticipation(database.db, north.id, carpenter.cvr, '2023-03-01', `Jens Hansen`);
  await reportParticipation(database.db, south.id, carpenter.cvr, '2024-05-01', carpenter.name);
  await reportParticipation(database.db, north.id, joiner.cvr, '2024-01-10', joiner.name);
}, 60_000);
afterAll(async () => {
  await database?.close();
});

describe(`finding a participant whose data a person asks about (${testDriver()})`, () => {
  it('finds participants by any part of a name, in any case, ordered by name', async () => {
    const found = await searchParticipants(database.db, admin, WORD.toLowerCase());
    expect(found).toEqual({
      more: false,
      hits: [
        {
          cvr: joiner.cvr,
          name: joiner.name,
          participations: 1,
          clusters: 1,
          firstYear: 2024,
          lastYear: 2024,
          synthetic: false,
        },
        {
          cvr: carpenter.cvr,
          name: carpenter.name,
          participations: 2,
          clusters: 2,
          firstYear: 2023,
          lastYear: 2024,
          synthetic: false,
        },
      ],
    });
  });

  it('finds one participant by its CVR number, written with or without spaces', async () => {
    const spaced = carpenter.cvr.replace(/(\d{2})(?=\d)/g, '$1 ');
    const found = await searchParticipants(database.db, admin, ` ${spaced} `);
    expect(found?.hits.map((h) => h.cvr)).toEqual([carpenter.cvr]);
    expect((await participantByCvr(database.db, admin, carpenter.cvr)).name).toBe(carpenter.name);
  });

  it('takes the wildcards of a name search literally, and asks nothing of an empty query', async () => {
    expect(await searchParticipants(database.db, admin, '%%')).toEqual({ hits: [], more: false });
    expect(await searchParticipants(database.db, admin, '  ')).toBeNull();
  });

  it('refuses a query of one character as a validation error of the field', async () => {
    const error = await searchParticipants(database.db, admin, 'J').catch((e: unknown) => e as AppError);
    expect(error).toMatchObject({ code: 'validation', issues: [{ field: 'q', message: 'tooShort' }] });
  });

  it('answers not found for a CVR number of no participant or of the wrong shape', async () => {
    await expectAppError(participantByCvr(database.db, admin, randomCvr()), 'not_found');
    await expectAppError(participantByCvr(database.db, admin, 'abc'), 'not_found');
  });

  it('is an administrator’s: anyone else is refused', async () => {
    const staff = await createCaller(database.db, 'cluster_staff');
    await expectAppError(searchParticipants(database.db, staff, WORD), 'forbidden');
    await expectAppError(participantByCvr(database.db, staff, carpenter.cvr), 'forbidden');
  });
});
