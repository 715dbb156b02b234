import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { systemCaller } from '../domain/caller.ts';
import {
  type DeadlineReminderResult,
  remindReportingDeadlines,
} from '../domain/reporting/calendar/reminders.ts';
import { href } from '../http/paths.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/mailer.ts';

/** The system sends the deadline reminders, from `klynge reporting remind` or a job runner alike. */
const REMINDERS = systemCaller('deadline-reminders');

/** One run for a day (YYYY-MM-DD, Danish time), with links to the workspace's periods page. */
export function runDeadlineReminders(
  deps: { config: Pick<Config, 'publicUrl'>; db: Db; mailer: Mailer; logger: Logger },
  today: string,
): Promise<DeadlineReminderResult> {
  const site = deps.config.publicUrl.replace(/\/$/, '');
  return remindReportingDeadlines(deps.db, deps.mailer, REMINDERS, today, {
    logger: deps.logger,
    periodsPage: (lang) => `${site}${href('workspacePeriods', lang)}`,
  });
}
