import type { CourseLinks } from '../../../domain/support/course-mail.ts';
import { pageHref } from '../../paths.ts';

/** The absolute addresses course e-mails link to, on the public site. */
export function courseLinks(publicUrl: string): CourseLinks {
  const site = publicUrl.replace(/\/$/, '');
  return {
    course: (lang, c) => `${site}${pageHref('course', lang, { slug: c.serviceSlug, id: c.id })}`,
    calendar: (lang, id) => `${site}${pageHref('registrationCalendar', lang, { id })}`,
  };
}
