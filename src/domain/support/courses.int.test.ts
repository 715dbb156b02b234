import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { createTestApp } from '../../../test/support/http.ts';
import { readableMail, startSmtpServer } from '../../../test/support/smtp.ts';
import type { Database } from '../../db/client.ts';
import { createLogger } from '../../logger.ts';
import { systemCaller } from '../caller.ts';
import { type CourseLinks, remindCourseRegistrants } from './course-mail.ts';
import { courseById, createCourse, upcomingCourses } from './courses.ts';
import { sendCourseEvaluation } from './evaluation.ts';
import {
  cancelRegistration,
  courseRegistrationList,
  ownRegistrations,
  registerForCourse,
  takeAttendance,
} from './registrations.ts';
import { createService } from './services.ts';

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
  await database?.close();
});

const NOW = new Date('2026-03-02T09:00:00Z');
/** Some minutes after NOW: registrations in the order they came. */
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const links: CourseLinks = {
  course: (lang, c) => `https://klynge.test/${lang}/${c.serviceSlug}/${c.id}`,
  calendar: (lang, id) => `https://klynge.test/${lang}/registrations/${id}.ics`,
};
const logger = createLogger({ logLevel: 'silent' });

/** A support function with a course of 2 seats on 2026-03-20, 9-16 Danish time, cancellable until 2026-03-13. */
async function courseWorld() {
  const supportFunction = await createOrganisation(database.db, { kind: 'support_function' });
  const staff = await createCaller(database.db, 'support_staff', { organisationId: supportFunction.id });
  const { slug } = await createService(
    database.db,
    staff,
    {
      titleDa: `Kursus i projektledelse ${Math.random()}`,
      titleEn: 'Course in project management',
      summaryDa: 'To dage om at lede innovationsprojekter.',
      summaryEn: 'Two days on leading innovation projects.',
      targetGroups: ['staff'],
      form: 'course',
      payment: 'free',
      language: 'da',
    },
    NOW,
  );
  const courseId = await createCourse(
    database.db,
    staff,
    slug,
    {
      date: '2026-03-20',
      startTime: '09:00',
      endTime: '16:00',
      place: 'Vejle',
      seats: '2',
      cancelBy: '2026-03-13',
    },
    NOW,
  );
  const cluster = await createOrganisation(database.db);
  const colleague = () => createCaller(database.db, 'cluster_staff', { organisationId: cluster.id });
  return { staff, slug, courseId, cluster, a: await colleague(), b: await colleague(), c: await colleague() };
}

describe(`courses with sign-up (${testDriver()})`, () => {
  it('fills the seats, waitlists the third; a cancellation promotes and e-mails the first on the waitlist', async () => {
    const w = await courseWorld();
    const course = await courseById(database.db, w.courseId);
    expect([course.startsAt.toISOString(), course.endsAt.toISOString()]).toEqual([
      '2026-03-20T08:00:00.000Z',
      '2026-03-20T15:00:00.000Z',
    ]);
    expect(course.cancellationDeadline.toISOString()).toBe('2026-03-13T22:59:59.999Z');

    expect((await registerForCourse(database.db, w.a, w.courseId, {}, at(1))).status).toBe('registered');
    expect((await registerForCourse(database.db, w.b, w.courseId, {}, at(2))).status).toBe('registered');
    // A colleague registers the third: the course is full.
    const third = await registerForCourse(
      database.db,
      w.a,
      w.courseId,
      { userId: w.c.principal.userId },
      at(3),
    );
    expect(third.status).toBe('waitlisted');
    await expectAppError(registerForCourse(database.db, w.b, w.courseId, {}, NOW), 'conflict');
    expect(await courseById(database.db, w.courseId)).toMatchObject({ registered: 2, waitlisted: 1 });

    const own = (await ownRegistrations(database.db, w.b, w.courseId)).find(
      (r) => r.userId === w.b.principal.userId,
    );
    const before = smtp.received.length;
    const { promoted } = await cancelRegistration(
      { db: database.db, mailer: smtp.mailer },
      w.b,
      own?.id ?? '',
      links,
      new Date('2026-03-13T22:00:00Z'),
    );
    expect(promoted).toBe(third.id);
    const list = await courseRegistrationList(database.db, w.staff, w.courseId);
    expect(list.map((r) => [r.email, r.status])).toEqual([
      [w.a.email, 'registered'],
      [w.c.email, 'registered'],
    ]);
    const mails = smtp.received.slice(before);
    expect(mails.map((m) => m.to)).toEqual([[w.c.email]]);
    expect(readableMail(mails[0]?.data ?? '')).toContain(
      'en plads er blevet ledig, og du er flyttet fra ventelisten til holdet',
    );
    expect(readableMail(mails[0]?.data ?? '')).toContain(
      `https://klynge.test/da/registrations/${third.id}.ics`,
    );

    // After the deadline a seat stays taken.
    const ofA = (await ownRegistrations(database.db, w.a, w.courseId)).find(
      (r) => r.userId === w.a.principal.userId,
    );
    await expectAppError(
      cancelRegistration(
        { db: database.db, mailer: smtp.mailer },
        w.a,
        ofA?.id ?? '',
        links,
        new Date('2026-03-13T23:00:00Z'),
      ),
      'conflict',
    );

    const attended = await takeAttendance(database.db, w.staff, w.courseId, { present: [ofA?.id ?? ''] });
    expect(attended).toBe(1);
    expect((await courseRegistrationList(database.db, w.staff, w.courseId)).map((r) => r.attended)).toEqual([
      true,
      false,
    ]);
    expect((await upcomingCourses(database.db, course.serviceId, NOW)).map((c) => c.id)).toEqual([
      w.courseId,
    ]);
  });

  it('company users register themselves and colleagues under the same seats and waitlist; a cancellation promotes them', async () => {
    const w = await courseWorld();
    const company = await createOrganisation(database.db, { kind: 'company' });
    const buyer = await createCaller(database.db, 'company_user', { organisationId: company.id });
    const colleague = await createCaller(database.db, 'company_user', { organisationId: company.id });
    const ofA = await registerForCourse(database.db, w.a, w.courseId, {}, at(1));
    await registerForCourse(database.db, w.b, w.courseId, {}, at(2));
    // The course (2 seats) is full: the company's two registrations wait, in the order they came.
    const own = await registerForCourse(database.db, buyer, w.courseId, {}, at(3));
    const forColleague = await registerForCourse(
      database.db,
      buyer,
      w.courseId,
      { userId: colleague.principal.userId },
      at(4),
    );
    expect([own.status, forColleague.status]).toEqual(['waitlisted', 'waitlisted']);
    expect(await courseById(database.db, w.courseId)).toMatchObject({ registered: 2, waitlisted: 2 });
    expect((await ownRegistrations(database.db, buyer, w.courseId)).map((r) => r.id)).toEqual([
      own.id,
      forColleague.id,
    ]);

    const before = smtp.received.length;
    const { promoted } = await cancelRegistration(
      { db: database.db, mailer: smtp.mailer },
      w.a,
      ofA.id,
      links,
      at(5),
    );
    expect(promoted).toBe(own.id);
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([[buyer.email]]);
    // The company user cancels the colleague's place on the waitlist.
    expect(
      await cancelRegistration(
        { db: database.db, mailer: smtp.mailer },
        buyer,
        forColleague.id,
        links,
        at(6),
      ),
    ).toEqual({ promoted: null });
    expect(
      (await courseRegistrationList(database.db, w.staff, w.courseId)).map((r) => [r.email, r.status]),
    ).toEqual([
      [w.b.email, 'registered'],
      [buyer.email, 'registered'],
    ]);

    // Neither registers the other's people, nor for the other's organisation.
    await expectAppError(
      registerForCourse(database.db, buyer, w.courseId, { userId: w.c.principal.userId }, NOW),
      'validation',
    );
    await expectAppError(
      registerForCourse(database.db, buyer, w.courseId, { organisationId: w.cluster.id }, NOW),
      'forbidden',
    );
    await expectAppError(
      registerForCourse(database.db, w.c, w.courseId, { userId: colleague.principal.userId }, NOW),
      'validation',
    );
    await expectAppError(courseRegistrationList(database.db, buyer, w.courseId), 'forbidden');
    await expectAppError(takeAttendance(database.db, buyer, w.courseId, { present: [] }), 'forbidden');
  });

  it('reminds each registrant 7 and 1 days before, once each, never the waitlist', async () => {
    const w = await courseWorld();
    await registerForCourse(database.db, w.a, w.courseId, {}, NOW);
    await registerForCourse(database.db, w.b, w.courseId, {}, NOW);
    await registerForCourse(database.db, w.c, w.courseId, {}, NOW);
    const system = systemCaller('course-reminders');
    const deps = { db: database.db, mailer: smtp.mailer, logger };
    const remind = (today: string) => remindCourseRegistrants(deps, system, today, links, NOW);
    const toThisCourse = (from: number) =>
      smtp.received.slice(from).filter((m) => [w.a.email, w.b.email, w.c.email].includes(m.to[0] ?? ''));

    let from = smtp.received.length;
    // 8 days before: nothing yet; 7 days before: the week's reminder to the two with a seat.
    await remind('2026-03-12');
    expect(toThisCourse(from)).toEqual([]);
    await remind('2026-03-13');
    expect(
      toThisCourse(from)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual([w.a.email, w.b.email].sort());
    expect(readableMail(toThisCourse(from)[0]?.data ?? '')).toContain(
      'Kære Test cluster_staff, du er tilmeldt:',
    );
    // Run again that day, and the next days until 2 days before: nothing more.
    from = smtp.received.length;
    for (const day of ['2026-03-13', '2026-03-14', '2026-03-18']) await remind(day);
    expect(toThisCourse(from)).toEqual([]);
    // The day before: the day's reminder, once.
    await remind('2026-03-19');
    await remind('2026-03-19');
    expect(
      toThisCourse(from)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual([w.a.email, w.b.email].sort());
    expect(readableMail(toThisCourse(from)[0]?.data ?? '')).toContain('vi ses i morgen til:');
    // On the day itself and after: nothing.
    from = smtp.received.length;
    await remind('2026-03-20');
    expect(toThisCourse(from)).toEqual([]);
    await expectAppError(remindCourseRegistrants(deps, w.staff, '2026-03-13', links, NOW), 'forbidden');
  });

  it('refuses those without the right, and registrations for another organisation or a stranger', async () => {
    const w = await courseWorld();
    const input = {
      date: '2026-04-01',
      startTime: '09:00',
      endTime: '12:00',
      place: 'Online',
      seats: '5',
      cancelBy: '2026-03-25',
    };
    for (const role of ['cluster_staff', 'funder', 'business_service_staff'] as const)
      await expectAppError(createCourse(database.db, roleCaller(role), w.slug, input, NOW), 'forbidden');
    for (const role of ['support_staff', 'funder', 'admin'] as const)
      await expectAppError(
        registerForCourse(database.db, roleCaller(role), w.courseId, {}, NOW),
        'forbidden',
      );
    await expectAppError(courseRegistrationList(database.db, w.a, w.courseId), 'forbidden');
    await expectAppError(takeAttendance(database.db, w.a, w.courseId, { present: [] }), 'forbidden');
    const other = await createOrganisation(database.db);
    await expectAppError(
      registerForCourse(database.db, w.a, w.courseId, { organisationId: other.id }, NOW),
      'forbidden',
    );
    const stranger = await createCaller(database.db, 'cluster_staff', { organisationId: other.id });
    await expectAppError(
      registerForCourse(database.db, w.a, w.courseId, { userId: stranger.principal.userId }, NOW),
      'validation',
    );
    const { id } = await registerForCourse(database.db, w.a, w.courseId, {}, NOW);
    await expectAppError(
      cancelRegistration({ db: database.db, mailer: smtp.mailer }, stranger, id, links, NOW),
      'forbidden',
    );
    await expectAppError(
      createCourse(database.db, w.staff, w.slug, { ...input, cancelBy: '2026-04-02' }, NOW),
      'validation',
    );
  });

  it('sends the evaluation survey to those who attended, once, after the course', async () => {
    const w = await courseWorld();
    const a = await registerForCourse(database.db, w.a, w.courseId, {}, at(1));
    await registerForCourse(database.db, w.b, w.courseId, {}, at(2));
    // The invitations go out as a job of the queue, through the test app's deps.
    const t = createTestApp(database, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://klynge.test' });
    const deps = t.deps;
    const during = new Date('2026-03-20T10:00:00Z');
    const after = new Date('2026-03-20T16:00:00Z');
    await expectAppError(sendCourseEvaluation(deps, w.staff, w.courseId, { now: after }), 'conflict');
    await takeAttendance(database.db, w.staff, w.courseId, { present: [a.id] });
    await expectAppError(sendCourseEvaluation(deps, w.staff, w.courseId, { now: during }), 'conflict');
    await expectAppError(sendCourseEvaluation(deps, w.a, w.courseId, { now: after }), 'forbidden');
    const from = smtp.received.length;
    const sent = await sendCourseEvaluation(deps, w.staff, w.courseId, { now: after });
    expect(sent.invited).toBe(1);
    await deps.jobs.idle();
    expect(smtp.received.slice(from).map((m) => m.to)).toEqual([[w.a.email]]);
    expect(readableMail(smtp.received[from]?.data ?? '')).toContain('https://klynge.test/');
    expect((await courseById(database.db, w.courseId)).evaluationSurveyId).toBe(sent.surveyId);
    await expectAppError(sendCourseEvaluation(deps, w.staff, w.courseId, { now: after }), 'conflict');
  });
});
