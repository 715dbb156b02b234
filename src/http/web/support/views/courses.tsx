import type { Course } from '../../../../domain/support/courses.ts';
import type { Registration } from '../../../../domain/support/registrations.ts';
import type { Messages } from '../../../i18n/index.ts';
import { formatDateTime, messages } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import {
  Alert,
  Checkboxes,
  ErrorSummary,
  formList,
  formText,
  type PostedForm,
  SelectField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { CourseMessages } from '../course-messages.ts';

type Shared = { lang: Lang; c: CourseMessages };

const seatsLeft = (course: Course) => Math.max(0, course.seats - course.registered);
export const courseTitle = (course: Course, lang: Lang) => (lang === 'en' ? course.titleEn : course.titleDa);
const placeText = (course: Course, c: CourseMessages) =>
  course.online ? `${c.online}: ${course.place}` : course.place;

/** A service's upcoming courses, on its page. */
export function CourseList({ courses, lang, c }: Shared & { courses: Course[] }) {
  return (
    <section aria-labelledby="courses-heading" class="mt-7">
      <h2 id="courses-heading">{c.coursesHeading}</h2>
      {courses.length === 0 ? (
        <p>{c.noCourses}</p>
      ) : (
        <ScrollingTable label={messages(lang).tableOf(c.coursesHeading)}>
          <table class="table table--compact">
            <caption class="sr-only">{c.coursesHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{c.when}</th>
                <th scope="col">{c.place}</th>
                <th scope="col">{c.seatsLeft}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((course) => (
                <tr>
                  <td>
                    <a href={pageHref('course', lang, { slug: course.serviceSlug, id: course.id })}>
                      {formatDateTime(course.startsAt, lang)}
                    </a>
                  </td>
                  <td>{placeText(course, c)}</td>
                  <td>{c.seatsText(seatsLeft(course), course.seats, course.waitlisted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </section>
  );
}

/** The support function's form to plan a course of the service. */
export function PlanCourseForm(
  p: Shared & { slug: string; form: PostedForm; csrfToken: string; m: Messages },
) {
  const { c, form } = p;
  const v = (k: string) => formText(form.values[k]);
  const field = (name: string, label: string) => (
    <TextField name={name} label={label} value={v(name)} error={form.errors[name]} />
  );
  return (
    <section aria-labelledby="plan-heading" class="mt-7">
      <h2 id="plan-heading">{c.planHeading}</h2>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={pageHref('courseCreate', p.lang, { slug: p.slug })} novalidate>
        <CsrfField token={p.csrfToken} />
        {field('date', c.date)}
        {field('startTime', c.startTime)}
        {field('endTime', c.endTime)}
        {field('place', c.place)}
        <Checkboxes
          name="online"
          legend={c.online}
          options={[{ value: 'on', label: c.onlineLabel }]}
          checked={formList(form.values.online)}
        />
        {field('seats', c.seats)}
        {field('cancelBy', c.cancelByLabel)}
        <button type="submit" class="button button-primary">
          {c.plan}
        </button>
      </form>
    </section>
  );
}

export interface CoursePageData {
  course: Course;
  /** The people the caller may register (themselves and colleagues), as `organisationId:userId`. */
  registrable: { value: string; label: string }[];
  own: Registration[];
  mayManage: boolean;
  signedIn: boolean;
  now: Date;
}

function OwnRegistrations(p: Shared & { own: Registration[]; csrfToken: string; certificates: boolean }) {
  const { c, lang } = p;
  if (p.own.length === 0) return null;
  return (
    <section aria-labelledby="own-heading" class="mt-6">
      <h2 id="own-heading">{c.yourRegistrations}</h2>
      <ul class="nobullet-list">
        {p.own.map((r) => (
          <li class="mb-4">
            <strong>{r.name}</strong>: {c.statusNames[r.status]}{' '}
            <a href={pageHref('registrationCalendar', lang, { id: r.id })}>{c.calendar}</a>
            {p.certificates && (
              <>
                {' · '}
                <a href={pageHref('registrationCertificate', lang, { id: r.id })}>{c.certificateLink}</a>
              </>
            )}
            <form method="post" action={pageHref('registrationCancel', lang, { id: r.id })} class="mt-2">
              <CsrfField token={p.csrfToken} />
              <button type="submit" class="button button-secondary">
                {c.cancel} ({r.name})
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A course: when, where, seats; registration for cluster staff; the list for the support function. */
export function CourseView(
  p: Shared & {
    data: CoursePageData;
    notice: { variant: 'success' | 'warning'; text: string } | null;
    csrfToken: string;
    form: PostedForm;
  },
) {
  const { data, c, lang } = p;
  const { course } = data;
  const open = course.startsAt > data.now;
  return (
    <>
      <p>
        <a href={pageHref('service', lang, { slug: course.serviceSlug })}>{courseTitle(course, lang)}</a>
      </p>
      <h1>{c.courseTitle(courseTitle(course, lang), formatDateTime(course.startsAt, lang))}</h1>
      {p.notice && <Alert variant={p.notice.variant}>{p.notice.text}</Alert>}
      <dl class="service-facts">
        <dt>{c.when}</dt>
        <dd>
          {formatDateTime(course.startsAt, lang)} – {formatDateTime(course.endsAt, lang)}
        </dd>
        <dt>{c.place}</dt>
        <dd>{placeText(course, c)}</dd>
        <dt>{c.seatsLeft}</dt>
        <dd>{c.seatsText(seatsLeft(course), course.seats, course.waitlisted)}</dd>
        <dt>{c.cancelBy}</dt>
        <dd>{formatDateTime(course.cancellationDeadline, lang)}</dd>
      </dl>
      <OwnRegistrations
        own={data.own}
        csrfToken={p.csrfToken}
        certificates={course.form === 'module_programme' && !open}
        lang={lang}
        c={c}
      />
      {open && data.registrable.length > 0 && (
        <section aria-labelledby="register-heading" class="mt-6">
          <h2 id="register-heading">{c.registerHeading}</h2>
          <form
            method="post"
            action={pageHref('courseRegister', lang, { slug: course.serviceSlug, id: course.id })}
            novalidate
          >
            <CsrfField token={p.csrfToken} />
            <SelectField
              name="person"
              label={c.person}
              options={data.registrable}
              value={formText(p.form.values.person)}
              error={p.form.errors.userId}
            />
            <button type="submit" class="button button-primary">
              {c.register}
            </button>
          </form>
        </section>
      )}
      {open && !data.signedIn && <p>{c.signInToRegister}</p>}
      {data.mayManage && (
        <p class="mt-6">
          <a
            class="button button-secondary"
            href={pageHref('courseAttendance', lang, { slug: course.serviceSlug, id: course.id })}
          >
            {c.attendanceLink}
          </a>
        </p>
      )}
    </>
  );
}

/** After the course: send the evaluation survey to the attendees, or follow it once sent. */
function Evaluation(p: Shared & { course: Course; mayEvaluate: boolean; csrfToken: string }) {
  const { c, lang, course } = p;
  return (
    <section aria-labelledby="evaluation-heading" class="mt-7">
      <h2 id="evaluation-heading">{c.evaluationHeading}</h2>
      {course.evaluationSurveyId ? (
        <p>
          <a href={pageHref('survey', lang, { id: course.evaluationSurveyId })}>{c.evaluationLink}</a>
        </p>
      ) : p.mayEvaluate ? (
        <form
          method="post"
          action={pageHref('courseEvaluation', lang, { slug: course.serviceSlug, id: course.id })}
        >
          <CsrfField token={p.csrfToken} />
          <button type="submit" class="button button-primary">
            {c.sendEvaluation}
          </button>
        </form>
      ) : (
        <p>{c.evaluationWhen}</p>
      )}
    </section>
  );
}

/** The list for the day: one checkbox per person with a seat, then the waitlist. Works without JavaScript. */
export function AttendanceView(
  p: Shared & {
    course: Course;
    registrations: Registration[];
    notice: string | null;
    csrfToken: string;
    now: Date;
  },
) {
  const { c, lang, course } = p;
  const seated = p.registrations.filter((r) => r.status === 'registered');
  const waiting = p.registrations.filter((r) => r.status === 'waitlisted');
  return (
    <>
      <p>
        <a href={pageHref('course', lang, { slug: course.serviceSlug, id: course.id })}>
          {c.courseTitle(courseTitle(course, lang), formatDateTime(course.startsAt, lang))}
        </a>
      </p>
      <h1>{c.attendanceTitle}</h1>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      {seated.length === 0 ? (
        <p>{c.noRegistrations}</p>
      ) : (
        <form
          method="post"
          action={pageHref('courseAttendance', lang, { slug: course.serviceSlug, id: course.id })}
        >
          <CsrfField token={p.csrfToken} />
          <Checkboxes
            name="present"
            legend={c.attendanceLead}
            options={seated.map((r) => ({ value: r.id, label: `${r.name}, ${r.organisationName}` }))}
            checked={seated.filter((r) => r.attended).map((r) => r.id)}
          />
          <button type="submit" class="button button-primary">
            {c.saveAttendance}
          </button>
        </form>
      )}
      {waiting.length > 0 && (
        <section aria-labelledby="waitlist-heading" class="mt-6">
          <h2 id="waitlist-heading">{c.waitlistHeading}</h2>
          <ol>
            {waiting.map((r) => (
              <li>
                {r.name}, {r.organisationName}
              </li>
            ))}
          </ol>
        </section>
      )}
      <Evaluation
        course={course}
        mayEvaluate={course.endsAt <= p.now && seated.some((r) => r.attended)}
        csrfToken={p.csrfToken}
        lang={lang}
        c={c}
      />
    </>
  );
}
