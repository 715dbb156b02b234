/**
 * Courses: runs of a service with sign-up. The support function plans them (policy
 * `support.courses.manage`); everybody sees the upcoming ones with the seats left, counted in SQL.
 */
import { eq, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import { supportCourses, supportServices } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize } from '../policy/policy.ts';
import { courseInput } from './course-schemas.ts';
import type { ServiceForm } from './schemas.ts';

export interface Course {
  id: string;
  serviceId: string;
  serviceSlug: string;
  titleDa: string;
  titleEn: string;
  /** The service's form: a module programme's courses are its modules (see certificate.ts). */
  form: ServiceForm;
  startsAt: Date;
  endsAt: Date;
  place: string;
  online: boolean;
  seats: number;
  cancellationDeadline: Date;
  evaluationSurveyId: string | null;
  registered: number;
  waitlisted: number;
}

const courseSelect = sql`select c.id, c.service_id as "serviceId", s.slug as "serviceSlug",
    s.title_da as "titleDa", s.title_en as "titleEn", s.form, c.starts_at as "startsAt", c.ends_at as "endsAt",
    c.place, c.online, c.seats, c.cancellation_deadline as "cancellationDeadline",
    c.evaluation_survey_id as "evaluationSurveyId",
    (select count(*) from course_registrations r where r.course_id = c.id and r.status = 'registered')::int as registered,
    (select count(*) from course_registrations r where r.course_id = c.id and r.status = 'waitlisted')::int as waitlisted
  from support_courses c join support_services s on s.id = c.service_id`;

type CourseRow = Omit<Course, 'startsAt' | 'endsAt' | 'cancellationDeadline'> & {
  startsAt: string | Date;
  endsAt: string | Date;
  cancellationDeadline: string | Date;
};
const toCourse = (r: CourseRow): Course => ({
  ...r,
  startsAt: new Date(r.startsAt),
  endsAt: new Date(r.endsAt),
  cancellationDeadline: new Date(r.cancellationDeadline),
});

/** A service's courses that have not ended, soonest first. */
export async function upcomingCourses(db: Queryable, serviceId: string, now: Date): Promise<Course[]> {
  const rows = await queryRows<CourseRow>(
    db,
    sql`${courseSelect} where c.service_id = ${serviceId} and c.ends_at >= ${now} order by c.starts_at, c.id`,
  );
  return rows.map(toCourse);
}

/** One course with its seat counts. */
export async function courseById(db: Queryable, id: string): Promise<Course> {
  const [row] = isUuid(id) ? await queryRows<CourseRow>(db, sql`${courseSelect} where c.id = ${id}`) : [];
  if (!row) throw notFound('course');
  return toCourse(row);
}

/** Plans a course of an offered service; returns its id. */
export async function createCourse(
  db: Db,
  caller: Caller,
  serviceSlug: string,
  input: unknown,
  now: Date,
): Promise<string> {
  authorize(caller.principal, 'support.courses.manage');
  const data = parseInput(courseInput, input);
  if (data.startsAt < now)
    throw new AppError('validation', 'Invalid input', [{ field: 'date', message: 'past' }]);
  return withActor(db, caller.actor, async (tx) => {
    const [service] = await tx
      .select({ id: supportServices.id, retiredAt: supportServices.retiredAt })
      .from(supportServices)
      .where(eq(supportServices.slug, serviceSlug));
    if (!service) throw notFound('service');
    if (service.retiredAt) throw new AppError('conflict', 'A retired service gets no new courses');
    const [row] = await tx
      .insert(supportCourses)
      .values({ ...data, serviceId: service.id, createdAt: now })
      .returning({ id: supportCourses.id });
    if (!row) throw new Error('course not inserted');
    return row.id;
  });
}
