/**
 * The e-mails of a course: the seat that frees up for the first on the waitlist, and the
 * reminders 7 and 1 days before the start. Reminders are claimed, then sent, like the other
 * reminders of the portal: one conditional UPDATE marks the due registrations and commits, the
 * mails go out after, so no run (nor two overlapping runs) reminds anyone twice. A plain domain
 * function, for the `klynge support remind` command and, later, a job queue.
 */
import { sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer, MailMessage } from '../../mail/mailer.ts';
import { type Caller, isSystem } from '../caller.ts';
import { forbidden } from '../errors.ts';
import { formatDateTime } from '../reference/danish.ts';
import type { Course } from './courses.ts';

export interface CourseLinks {
  /** The absolute URL of a course's page, per language. */
  course: (lang: 'da' | 'en', course: { id: string; serviceSlug: string }) => string;
  /** The absolute URL of a registration's calendar file. */
  calendar: (lang: 'da' | 'en', registrationId: string) => string;
}

type Person = { email: string; name: string; locale: string };
type MailCourse = Pick<Course, 'id' | 'serviceSlug' | 'titleDa' | 'titleEn' | 'startsAt' | 'place'>;

function courseMail(
  to: Person,
  course: MailCourse,
  registrationId: string,
  links: CourseLinks,
  words: { subject: [string, string]; lead: [string, string] },
): MailMessage {
  const part = (lang: 'da' | 'en', i: 0 | 1) => [
    words.lead[i],
    `${lang === 'da' ? course.titleDa : course.titleEn}, ${formatDateTime(course.startsAt, lang)}, ${course.place}`,
    links.course(lang, course),
    lang === 'da' ? 'Tilføj kurset til din kalender:' : 'Add the course to your calendar:',
    links.calendar(lang, registrationId),
  ];
  return {
    to: to.email,
    subject: `${words.subject[0]}: ${course.titleDa} / ${words.subject[1]}`,
    text: [...part('da', 0), '', '-- English --', '', ...part('en', 1)].join('\n'),
  };
}

/** To the first on the waitlist when a seat frees up. */
export function promotionMail(to: Person, course: MailCourse, registrationId: string, links: CourseLinks) {
  return courseMail(to, course, registrationId, links, {
    subject: ['Du har fået en plads', 'You have a seat'],
    lead: [
      `Kære ${to.name}, en plads er blevet ledig, og du er flyttet fra ventelisten til holdet:`,
      `Dear ${to.name}, a seat has become free and you have moved from the waitlist to the course:`,
    ],
  });
}

export type ReminderKind = 'week' | 'day';

/**
 * Which reminder is due, by the Danish days left until the course day: the week's reminder from
 * 7 days before until 2 days before (a run missed is made up, a late registration gets it), the
 * day's reminder the day before.
 */
const DUE: Record<ReminderKind, { column: ReturnType<typeof sql.raw>; from: number; to: number }> = {
  week: { column: sql.raw('reminded_week_at'), from: 2, to: 7 },
  day: { column: sql.raw('reminded_day_at'), from: 1, to: 1 },
};

const WORDS: Record<ReminderKind, { subject: [string, string]; lead: (name: string) => [string, string] }> = {
  week: {
    subject: ['Kurset begynder om en uge', 'The course starts in a week'],
    lead: (n) => [`Kære ${n}, du er tilmeldt:`, `Dear ${n}, you are registered for:`],
  },
  day: {
    subject: ['Kurset begynder i morgen', 'The course starts tomorrow'],
    lead: (n) => [`Kære ${n}, vi ses i morgen til:`, `Dear ${n}, see you tomorrow at:`],
  },
};

export interface ReminderResult {
  sent: number;
  failed: number;
}

/**
 * Sends the reminders due on `today` (YYYY-MM-DD, Danish): each registration with a seat gets
 * each reminder once. Only the system runs it.
 */
export async function remindCourseRegistrants(
  deps: { db: Db; mailer: Mailer; logger: Logger },
  caller: Caller,
  today: string,
  links: CourseLinks,
  now: Date,
): Promise<ReminderResult> {
  if (!isSystem(caller.principal)) throw forbidden('Not allowed: course reminders');
  const result: ReminderResult = { sent: 0, failed: 0 };
  for (const kind of ['week', 'day'] as const) {
    const due = DUE[kind];
    const claimed = await withActor(deps.db, caller.actor, (tx) =>
      queryRows<Person & MailCourse & { registrationId: string; startsAt: string | Date }>(
        tx,
        sql`update course_registrations r set ${due.column} = ${now}
            from support_courses c, support_services s, users u
            where c.id = r.course_id and s.id = c.service_id and u.id = r.user_id
              and r.status = 'registered' and r.${due.column} is null
              and (c.starts_at at time zone 'Europe/Copenhagen')::date - ${today}::date between ${due.from} and ${due.to}
            returning r.id as "registrationId", u.email, u.name, u.locale, c.id, s.slug as "serviceSlug",
              s.title_da as "titleDa", s.title_en as "titleEn", c.starts_at as "startsAt", c.place`,
      ),
    );
    for (const r of claimed) {
      const course = { ...r, startsAt: new Date(r.startsAt) };
      try {
        await deps.mailer.send(
          courseMail(r, course, r.registrationId, links, {
            subject: WORDS[kind].subject,
            lead: WORDS[kind].lead(r.name),
          }),
        );
        result.sent++;
      } catch (err) {
        result.failed++;
        deps.logger.error({ err, registrationId: r.registrationId }, 'course reminder not sent');
      }
    }
  }
  return result;
}
