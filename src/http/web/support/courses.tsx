import type { Hono } from 'hono';
import { buildCalendar } from '../../../domain/content/ical.ts';
import { AppError } from '../../../domain/errors.ts';
import { can } from '../../../domain/policy/policy.ts';
import { type Course, courseById, createCourse } from '../../../domain/support/courses.ts';
import { sendCourseEvaluation } from '../../../domain/support/evaluation.ts';
import {
  cancelRegistration,
  courseRegistrationList,
  ownRegistrations,
  registerForCourse,
  registrableColleagues,
  registrationWithCourse,
  takeAttendance,
} from '../../../domain/support/registrations.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { EMPTY_FORM, formList, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { certificate } from './certificate.tsx';
import { type CourseMessages, courseMessages } from './course-messages.ts';
import { courseLinks } from './links.ts';
import { detail as servicePage, slugOf } from './services.tsx';
import { AttendanceView, type CoursePageData, CourseView, courseTitle } from './views/courses.tsx';

const messagesOf = (c: AppContext) => courseMessages(c.get('lang'));
const idOf = (c: AppContext) => c.req.param('id') ?? '';
const isCode = (err: unknown, code: string): err is AppError => err instanceof AppError && err.code === code;
const coursePath = (
  c: AppContext,
  course: Pick<Course, 'id' | 'serviceSlug'>,
  query?: Record<string, string>,
) => pageHref('course', c.get('lang'), { slug: course.serviceSlug, id: course.id }, query);

/** The course of the path; a course under another service's address is not found. */
async function courseOfPath(c: AppContext): Promise<Course> {
  const course = await courseById(c.get('deps').db, idOf(c));
  if (course.serviceSlug !== slugOf(c)) throw new AppError('not_found', 'course not found');
  return course;
}

async function plan(c: AppContext) {
  const { db, clock } = c.get('deps');
  const body = await c.req.parseBody();
  const values = formFields(body);
  try {
    const id = await createCourse(db, callerOf(c), slugOf(c), values, clock());
    return c.redirect(coursePath(c, { id, serviceSlug: slugOf(c) }, { planlagt: '1' }), 303);
  } catch (err) {
    if (!isCode(err, 'validation')) throw err;
    const t = messagesOf(c);
    const labels = {
      date: t.date,
      startTime: t.startTime,
      endTime: t.endTime,
      place: t.place,
      seats: t.seats,
      cancelBy: t.cancelByLabel,
    };
    return servicePage(c, { values, errors: toFieldErrors(err.issues, c.get('m'), t.errors, labels) });
  }
}

const NOTICES: Record<string, (t: CourseMessages) => { variant: 'success' | 'warning'; text: string }> = {
  tilmeldt: (t) => ({ variant: 'success', text: t.registered }),
  afmeldt: (t) => ({ variant: 'success', text: t.cancelled }),
  planlagt: (t) => ({ variant: 'success', text: t.planned }),
  frist: (t) => ({ variant: 'warning', text: t.afterDeadline }),
};

async function coursePage(c: AppContext, form: PostedForm = EMPTY_FORM, problem: string | null = null) {
  const { db, clock } = c.get('deps');
  const course = await courseOfPath(c);
  const principal = c.get('user') ?? null;
  const caller = principal ? callerOf(c) : null;
  const colleagues = caller ? await registrableColleagues(db, caller) : [];
  const data: CoursePageData = {
    course,
    registrable: colleagues.map((p) => ({ value: `${p.organisationId}:${p.userId}`, label: p.name })),
    own: caller ? await ownRegistrations(db, caller, course.id) : [],
    mayManage: can(principal, 'support.attendance.take'),
    signedIn: principal !== null,
    now: clock(),
  };
  const t = messagesOf(c);
  const lang = c.get('lang');
  const asked = Object.keys(NOTICES).find((k) => c.req.query(k) !== undefined);
  const notice = problem
    ? { variant: 'warning' as const, text: problem }
    : asked
      ? (NOTICES[asked]?.(t) ?? null)
      : null;
  const status = problem ? 409 : Object.keys(form.errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    t.courseTitle(courseTitle(course, lang), ''),
    ({ csrfToken }) => (
      <CourseView data={data} notice={notice} csrfToken={csrfToken} form={form} lang={lang} c={t} />
    ),
    status,
  );
}

async function register(c: AppContext) {
  const { db, clock } = c.get('deps');
  const course = await courseOfPath(c);
  const person = formText((await c.req.parseBody()).person);
  const [organisationId = '', userId = ''] = person.split(':');
  try {
    await registerForCourse(db, callerOf(c), course.id, { organisationId, userId }, clock());
  } catch (err) {
    const t = messagesOf(c);
    if (isCode(err, 'validation'))
      return coursePage(c, { values: { person }, errors: { userId: t.errors.person } });
    if (isCode(err, 'conflict'))
      return coursePage(c, EMPTY_FORM, course.startsAt <= clock() ? t.started : t.alreadyRegistered);
    throw err;
  }
  return c.redirect(coursePath(c, course, { tilmeldt: '1' }), 303);
}

async function cancel(c: AppContext) {
  const deps = c.get('deps');
  const caller = callerOf(c);
  const { course } = await registrationWithCourse(deps.db, caller, idOf(c));
  try {
    await cancelRegistration(deps, caller, idOf(c), courseLinks(deps.config.publicUrl), deps.clock());
  } catch (err) {
    if (!isCode(err, 'conflict')) throw err;
    return c.redirect(coursePath(c, course, { frist: '1' }), 303);
  }
  return c.redirect(coursePath(c, course, { afmeldt: '1' }), 303);
}

async function calendar(c: AppContext) {
  const { db, config, clock } = c.get('deps');
  const lang: Lang = c.get('lang');
  const { course } = await registrationWithCourse(db, callerOf(c), idOf(c));
  const site = config.publicUrl.replace(/\/$/, '');
  const body = buildCalendar({
    name: messagesOf(c).calendarName,
    host: new URL(site).hostname,
    now: clock(),
    events: [
      {
        id: idOf(c),
        title: courseTitle(course, lang),
        summary: '',
        location: course.place,
        url: site + coursePath(c, course),
        lang,
        startsAt: course.startsAt,
        endsAt: course.endsAt,
        updatedAt: course.startsAt,
      },
    ],
  });
  return c.body(body, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': 'attachment; filename="kursus.ics"',
    'Cache-Control': 'private, no-store',
  });
}

async function attendance(c: AppContext) {
  const course = await courseOfPath(c);
  const registrations = await courseRegistrationList(c.get('deps').db, callerOf(c), course.id);
  const t = messagesOf(c);
  const saved = c.req.query('gemt');
  const sent = c.req.query('sendt');
  const notice =
    saved && /^\d+$/.test(saved)
      ? t.attendanceSaved(Number(saved))
      : sent && /^\d+$/.test(sent)
        ? t.evaluationSent(Number(sent))
        : null;
  return renderPage(c, t.attendanceTitle, ({ csrfToken }) => (
    <AttendanceView
      course={course}
      registrations={registrations}
      notice={notice}
      csrfToken={csrfToken}
      now={c.get('deps').clock()}
      lang={c.get('lang')}
      c={t}
    />
  ));
}

async function saveAttendance(c: AppContext) {
  const course = await courseOfPath(c);
  const body = await c.req.parseBody({ all: true });
  const present = await takeAttendance(c.get('deps').db, callerOf(c), course.id, {
    present: formList(body.present),
  });
  return c.redirect(
    pageHref(
      'courseAttendance',
      c.get('lang'),
      { slug: course.serviceSlug, id: course.id },
      { gemt: String(present) },
    ),
    303,
  );
}

async function evaluate(c: AppContext) {
  const course = await courseOfPath(c);
  const { db, jobs, clock } = c.get('deps');
  const result = await sendCourseEvaluation({ db, jobs }, callerOf(c), course.id, { now: clock() });
  const params = { slug: course.serviceSlug, id: course.id };
  return c.redirect(
    pageHref('courseAttendance', c.get('lang'), params, { sendt: String(result.invited) }),
    303,
  );
}

/** Courses of the services: planning, the course page with sign-up, cancelling, calendar files, attendance and certificates. */
export function registerCoursePages(app: Hono<AppEnv>): void {
  onPage(app, 'POST', 'courseCreate', plan);
  onPage(app, 'GET', 'course', (c) => coursePage(c));
  onPage(app, 'POST', 'courseRegister', register);
  onPage(app, 'GET', 'courseAttendance', attendance);
  onPage(app, 'POST', 'courseAttendance', saveAttendance);
  onPage(app, 'POST', 'courseEvaluation', evaluate);
  onPage(app, 'POST', 'registrationCancel', cancel);
  onPage(app, 'GET', 'registrationCalendar', calendar);
  onPage(app, 'GET', 'registrationCertificate', certificate);
}
