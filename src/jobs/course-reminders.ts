import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { systemCaller } from '../domain/caller.ts';
import { type ReminderResult, remindCourseRegistrants } from '../domain/support/course-mail.ts';
import { courseLinks } from '../http/web/support/links.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/mailer.ts';

const REMINDERS = systemCaller('course-reminders');

/** One run of the course reminders due on `today` (a Danish date), for the command line or a job queue. */
export function runCourseReminders(
  deps: { config: Pick<Config, 'publicUrl'>; db: Db; mailer: Mailer; logger: Logger; clock: () => Date },
  today: string,
): Promise<ReminderResult> {
  return remindCourseRegistrants(deps, REMINDERS, today, courseLinks(deps.config.publicUrl), deps.clock());
}
