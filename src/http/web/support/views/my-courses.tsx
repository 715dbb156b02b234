import type { OwnCourseRegistration } from '../../../../domain/support/registrations.ts';
import { formatDateTime } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { courseMessages } from '../course-messages.ts';

/**
 * The signed-in person's course registrations, on their landing page: each course with its status,
 * and the certificate of a module programme once its module has begun.
 */
export function MyCourses(p: { registrations: OwnCourseRegistration[]; now: Date; lang: Lang }) {
  const { lang } = p;
  const c = courseMessages(lang);
  return (
    <section aria-labelledby="my-courses-heading" class="mt-7">
      <h2 id="my-courses-heading">{c.myCoursesHeading}</h2>
      {p.registrations.length === 0 ? (
        <p>{c.noMyCourses}</p>
      ) : (
        <ul class="nobullet-list">
          {p.registrations.map((r) => (
            <li class="mb-3">
              <a href={pageHref('course', lang, { slug: r.serviceSlug, id: r.courseId })}>
                {lang === 'en' ? r.titleEn : r.titleDa}, {formatDateTime(r.startsAt, lang)}
              </a>
              : {c.statusNames[r.status]}
              {r.form === 'module_programme' && r.startsAt <= p.now && (
                <>
                  {' · '}
                  <a href={pageHref('registrationCertificate', lang, { id: r.id })}>{c.certificateLink}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={href('services', lang)}>{c.findCourses}</a>
      </p>
    </section>
  );
}
