import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import type { Database } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { certificateStatus } from './certificate.ts';
import { createCourse } from './courses.ts';
import { registerForCourse, takeAttendance } from './registrations.ts';
import { createService } from './services.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const PLANNED = new Date('2026-01-05T09:00:00Z');
/** A module of 9.00–15.30 Danish time (6.5 hours) on a day of 2026 or 2027. */
const module = (date: string) => ({
  date,
  startTime: '09:00',
  endTime: '15:30',
  place: 'Kolding',
  seats: '10',
  cancelBy: '2026-01-20',
});

async function service(staff: Caller, form: 'module_programme' | 'course') {
  return createService(
    database.db,
    staff,
    {
      titleDa: `Bestyrelsesforløb ${Math.random()}`,
      titleEn: 'Board programme',
      summaryDa: 'Tre moduler om bestyrelsens rolle.',
      summaryEn: 'Three modules on the board.',
      targetGroups: ['boards'],
      form,
      payment: 'free',
      language: 'da',
    },
    PLANNED,
  );
}

describe(`certificates of attendance for module programmes (${testDriver()})`, () => {
  it('gives the certificate to who attended every module of the year once the last has ended, and says why not to others', async () => {
    const issuer = await createOrganisation(database.db, {
      kind: 'support_function',
      name: 'Klyngesupport Test',
    });
    const staff = await createCaller(database.db, 'support_staff', { organisationId: issuer.id });
    const programme = await service(staff, 'module_programme');
    const modules = [];
    for (const day of ['2026-02-02', '2026-03-02', '2026-04-06'])
      modules.push(await createCourse(database.db, staff, programme.slug, module(day), PLANNED));
    // The next year's run of the programme is another run: not a module of this one.
    await createCourse(
      database.db,
      staff,
      programme.slug,
      { ...module('2027-02-01'), cancelBy: '2027-01-20' },
      PLANNED,
    );
    const cluster = await createOrganisation(database.db, { name: 'Testklyngen Syd' });
    const a = await createCaller(database.db, 'cluster_staff', { organisationId: cluster.id });
    const b = await createCaller(database.db, 'cluster_staff', { organisationId: cluster.id });
    const registrations = [];
    for (const courseId of modules) {
      const ofA = await registerForCourse(database.db, a, courseId, {}, PLANNED);
      const ofB = await registerForCourse(database.db, b, courseId, {}, PLANNED);
      registrations.push({ a: ofA.id, b: ofB.id });
    }
    // B misses the last module.
    for (const [i, courseId] of modules.entries()) {
      const r = registrations[i] ?? { a: '', b: '' };
      await takeAttendance(database.db, staff, courseId, { present: i < 2 ? [r.a, r.b] : [r.a] });
    }
    const first = registrations[0] ?? { a: '', b: '' };

    // Asked before the last module's day (its attendance is in the data already): not yet.
    const beforeLast = new Date('2026-03-10T12:00:00Z');
    expect(await certificateStatus(database.db, a, first.a, beforeLast)).toEqual({
      ready: false,
      reason: 'notFinished',
      modules: 3,
      attended: 3,
    });

    const after = new Date('2026-05-01T12:00:00Z');
    const expected = {
      ready: true,
      facts: {
        participant: 'Test cluster_staff',
        organisationName: 'Testklyngen Syd',
        titleDa: expect.stringMatching(/^Bestyrelsesforløb /),
        titleEn: 'Board programme',
        issuer: 'Klyngesupport Test',
        // 9.00 Danish time is 8.00 UTC in winter, 7.00 UTC in summer time (from 29 March 2026).
        modules: [
          { startsAt: new Date('2026-02-02T08:00:00Z'), endsAt: new Date('2026-02-02T14:30:00Z') },
          { startsAt: new Date('2026-03-02T08:00:00Z'), endsAt: new Date('2026-03-02T14:30:00Z') },
          { startsAt: new Date('2026-04-06T07:00:00Z'), endsAt: new Date('2026-04-06T13:30:00Z') },
        ],
        minutes: 3 * 390,
      },
    };
    expect(await certificateStatus(database.db, a, first.a, after)).toEqual(expected);
    // From any module's registration, and for the support function too.
    expect(await certificateStatus(database.db, a, registrations[2]?.a ?? '', after)).toEqual(expected);
    expect(await certificateStatus(database.db, staff, first.a, after)).toEqual(expected);
    expect(await certificateStatus(database.db, b, first.b, after)).toEqual({
      ready: false,
      reason: 'notAttended',
      modules: 3,
      attended: 2,
    });

    // A course that is not a module programme gives no certificate.
    const course = await service(staff, 'course');
    const single = await createCourse(database.db, staff, course.slug, module('2026-02-03'), PLANNED);
    const ofSingle = await registerForCourse(database.db, a, single, {}, PLANNED);
    await takeAttendance(database.db, staff, single, { present: [ofSingle.id] });
    expect(await certificateStatus(database.db, a, ofSingle.id, after)).toMatchObject({
      ready: false,
      reason: 'notProgramme',
    });

    // Someone of another cluster, a funder or a company user may not see the registration.
    const other = await createCaller(database.db, 'cluster_staff');
    for (const stranger of [
      other,
      await createCaller(database.db, 'funder'),
      await createCaller(database.db, 'company_user'),
    ])
      await expectAppError(certificateStatus(database.db, stranger, first.a, after), 'forbidden');
    await expectAppError(certificateStatus(database.db, a, 'not-an-id', after), 'not_found');
  });
});
