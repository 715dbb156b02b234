/**
 * Registrations for courses. A cluster's staff register themselves or a colleague of their
 * cluster organisation (policy `support.courses.register`); a registration beyond the seats goes
 * on the waitlist. Cancelling before the deadline frees the seat for the first on the waitlist,
 * who is told by e-mail. Every change locks the course row, so two registrations for the last
 * seat cannot both get it.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../../db/client.ts';
import { courseRegistrations, memberships, supportCourses, users } from '../../db/schema/index.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { Caller } from '../caller.ts';
import { AppError, forbidden, notFound, parseInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize, can, type Principal } from '../policy/policy.ts';
import { uuidArray } from '../reporting/uuid-array.ts';
import { type CourseLinks, promotionMail } from './course-mail.ts';
import { attendanceInput, registrationInput } from './course-schemas.ts';
import { courseById } from './courses.ts';
import type { ServiceForm } from './schemas.ts';

export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';

export interface Registration {
  id: string;
  courseId: string;
  userId: string;
  name: string;
  email: string;
  organisationName: string;
  status: RegistrationStatus;
  registeredAt: Date;
  attended: boolean | null;
}

/** The cluster organisations the principal registers people for. */
export const registeringOrganisations = (p: Principal | null): string[] =>
  [...new Set((p?.memberships ?? []).map((m) => m.organisationId))].filter((id) =>
    can(p, 'support.courses.register', { organisationId: id }),
  );

/** Who takes part for an organisation: the staff of a cluster organisation, the users of a company. */
const REGISTRANT_ROLES = ['cluster_staff', 'company_user'] as const;

/** The people the caller may register: the registrants of the caller's organisations. */
export async function registrableColleagues(
  db: Queryable,
  caller: Caller,
): Promise<{ userId: string; name: string; organisationId: string }[]> {
  const organisations = registeringOrganisations(caller.principal);
  if (organisations.length === 0) return [];
  return db
    .select({ userId: users.id, name: users.name, organisationId: memberships.organisationId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.organisationId, organisations),
        inArray(memberships.role, [...REGISTRANT_ROLES]),
        sql`${users.disabledAt} is null`,
      ),
    )
    .orderBy(asc(users.name));
}

const registrationSelect = sql`select r.id, r.course_id as "courseId", r.user_id as "userId", u.name, u.email,
    o.name as "organisationName", r.status, r.registered_at as "registeredAt", r.attended
  from course_registrations r
  join users u on u.id = r.user_id
  join organisations o on o.id = r.organisation_id`;

type RegistrationRow = Omit<Registration, 'registeredAt'> & { registeredAt: string | Date };
const toRegistration = (r: RegistrationRow): Registration => ({
  ...r,
  registeredAt: new Date(r.registeredAt),
});

/** A course's registrations, seats first then the waitlist, each in the order they came. */
export async function courseRegistrationList(
  db: Queryable,
  caller: Caller,
  courseId: string,
): Promise<Registration[]> {
  authorize(caller.principal, 'support.courses.manage');
  const rows = await queryRows<RegistrationRow>(
    db,
    sql`${registrationSelect} where r.course_id = ${courseId} and r.status <> 'cancelled'
        order by r.status = 'waitlisted', r.registered_at, r.id`,
  );
  return rows.map(toRegistration);
}

/** The registrations the caller holds or made for colleagues on a course, not cancelled. */
export async function ownRegistrations(
  db: Queryable,
  caller: Caller,
  courseId: string,
): Promise<Registration[]> {
  const organisations = registeringOrganisations(caller.principal);
  const rows = await queryRows<RegistrationRow>(
    db,
    sql`${registrationSelect} where r.course_id = ${courseId} and r.status <> 'cancelled'
        and (r.user_id = ${caller.principal.userId}
             or r.organisation_id = any(${uuidArray(organisations)}))
        order by r.registered_at, r.id`,
  );
  return rows.map(toRegistration);
}

export interface OwnCourseRegistration {
  id: string;
  courseId: string;
  serviceSlug: string;
  titleDa: string;
  titleEn: string;
  form: ServiceForm;
  startsAt: Date;
  status: RegistrationStatus;
}

/** The caller's own registrations that are not cancelled, the latest course first (past ones too, for certificates). */
export async function myCourseRegistrations(db: Queryable, caller: Caller): Promise<OwnCourseRegistration[]> {
  const rows = await queryRows<Omit<OwnCourseRegistration, 'startsAt'> & { startsAt: string | Date }>(
    db,
    sql`select r.id, r.course_id as "courseId", s.slug as "serviceSlug", s.title_da as "titleDa",
          s.title_en as "titleEn", s.form, c.starts_at as "startsAt", r.status
        from course_registrations r
        join support_courses c on c.id = r.course_id
        join support_services s on s.id = c.service_id
        where r.user_id = ${caller.principal.userId} and r.status <> 'cancelled'
        order by c.starts_at desc, r.id`,
  );
  return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt) }));
}

async function lockCourse(tx: Tx, courseId: string) {
  const [course] = isUuid(courseId)
    ? await tx.select().from(supportCourses).where(eq(supportCourses.id, courseId)).for('update')
    : [];
  if (!course) throw notFound('course');
  return course;
}

const seatsTaken = async (tx: Tx, courseId: string): Promise<number> => {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from course_registrations where course_id = ${courseId} and status = 'registered'`,
  );
  return row?.n ?? 0;
};

/**
 * Registers the caller, or a colleague of the same cluster organisation, for a course that has
 * not started: a seat while there is one, else the waitlist. Returns the status given.
 */
export async function registerForCourse(
  db: Db,
  caller: Caller,
  courseId: string,
  input: unknown,
  now: Date,
): Promise<{ id: string; status: RegistrationStatus }> {
  const data = parseInput(registrationInput, input);
  const organisationId = data.organisationId ?? registeringOrganisations(caller.principal)[0];
  if (!organisationId) throw forbidden('Not allowed: support.courses.register');
  authorize(caller.principal, 'support.courses.register', { organisationId });
  const userId = data.userId ?? caller.principal.userId;
  return withActor(db, caller.actor, async (tx) => {
    const course = await lockCourse(tx, courseId);
    if (course.startsAt <= now) throw new AppError('conflict', 'The course has started');
    // A colleague takes part for the organisation registered for (its cluster staff or company users).
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.organisationId, organisationId),
          inArray(memberships.role, [...REGISTRANT_ROLES]),
        ),
      );
    if (!member) throw new AppError('validation', 'Invalid input', [{ field: 'userId', message: 'person' }]);
    const [already] = await tx
      .select({ id: courseRegistrations.id })
      .from(courseRegistrations)
      .where(
        and(
          eq(courseRegistrations.courseId, courseId),
          eq(courseRegistrations.userId, userId),
          sql`${courseRegistrations.status} <> 'cancelled'`,
        ),
      );
    if (already) throw new AppError('conflict', 'Already registered');
    const status: RegistrationStatus =
      (await seatsTaken(tx, courseId)) < course.seats ? 'registered' : 'waitlisted';
    const [row] = await tx
      .insert(courseRegistrations)
      .values({
        courseId,
        userId,
        organisationId,
        registeredBy: caller.actor.userId ?? null,
        status,
        registeredAt: now,
      })
      .returning({ id: courseRegistrations.id });
    if (!row) throw new Error('registration not inserted');
    return { id: row.id, status };
  });
}

/** Whether the caller may act on a registration: its person, a colleague who registers, or the support function. */
const mayHandle = (p: Principal, r: { userId: string; organisationId: string }) =>
  r.userId === p.userId ||
  can(p, 'support.courses.register', { organisationId: r.organisationId }) ||
  can(p, 'support.courses.manage');

async function visibleRegistration(db: Queryable, caller: Caller, registrationId: string) {
  const [r] = isUuid(registrationId)
    ? await db.select().from(courseRegistrations).where(eq(courseRegistrations.id, registrationId))
    : [];
  if (!r) throw notFound('registration');
  if (!mayHandle(caller.principal, r)) throw forbidden('Not allowed: registration');
  return r;
}

/** A registration the caller may see, with its course (for its calendar file). */
export async function registrationWithCourse(db: Queryable, caller: Caller, registrationId: string) {
  const r = await visibleRegistration(db, caller, registrationId);
  if (r.status === 'cancelled') throw notFound('registration');
  return { registration: r, course: await courseById(db, r.courseId) };
}

/**
 * Cancels a registration before the course's deadline. A freed seat goes to the first on the
 * waitlist, who is e-mailed after the change is committed; returns who was promoted, if anyone.
 */
export async function cancelRegistration(
  deps: { db: Db; mailer: Mailer },
  caller: Caller,
  registrationId: string,
  links: CourseLinks,
  now: Date,
): Promise<{ promoted: string | null }> {
  const first = await visibleRegistration(deps.db, caller, registrationId);
  const promoted = await withActor(deps.db, caller.actor, async (tx) => {
    const course = await lockCourse(tx, first.courseId);
    const [r] = await tx
      .select()
      .from(courseRegistrations)
      .where(eq(courseRegistrations.id, registrationId))
      .for('update');
    if (!r || r.status === 'cancelled') throw new AppError('conflict', 'Already cancelled');
    if (now > course.cancellationDeadline)
      throw new AppError('conflict', 'The cancellation deadline has passed');
    await tx
      .update(courseRegistrations)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(eq(courseRegistrations.id, r.id));
    if (r.status !== 'registered') return null;
    const [next] = await tx
      .select({ id: courseRegistrations.id })
      .from(courseRegistrations)
      .where(and(eq(courseRegistrations.courseId, course.id), eq(courseRegistrations.status, 'waitlisted')))
      .orderBy(asc(courseRegistrations.registeredAt), asc(courseRegistrations.id))
      .limit(1)
      .for('update');
    if (!next) return null;
    await tx
      .update(courseRegistrations)
      .set({ status: 'registered', promotedAt: now })
      .where(eq(courseRegistrations.id, next.id));
    return next.id;
  });
  if (promoted) {
    const [person] = await queryRows<{ email: string; name: string; locale: string }>(
      deps.db,
      sql`select u.email, u.name, u.locale from course_registrations r join users u on u.id = r.user_id where r.id = ${promoted}`,
    );
    if (person)
      await deps.mailer.send(
        promotionMail(person, await courseById(deps.db, first.courseId), promoted, links),
      );
  }
  return { promoted };
}

/** Records who came: the registrations with a seat marked present attended, the others did not. */
export async function takeAttendance(
  db: Db,
  caller: Caller,
  courseId: string,
  input: unknown,
): Promise<number> {
  authorize(caller.principal, 'support.attendance.take');
  const { present } = parseInput(attendanceInput, input);
  return withActor(db, caller.actor, async (tx) => {
    await lockCourse(tx, courseId);
    const updated = await tx
      .update(courseRegistrations)
      .set({ attended: sql`${courseRegistrations.id} = any(${uuidArray(present)})` })
      .where(and(eq(courseRegistrations.courseId, courseId), eq(courseRegistrations.status, 'registered')))
      .returning({ attended: courseRegistrations.attended });
    return updated.filter((r) => r.attended).length;
  });
}
