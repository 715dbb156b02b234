import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { systemCaller } from '../domain/caller.ts';
import { type CallReminderResult, remindCallDeadlines } from '../domain/calls/reminders.ts';
import { href, pageHref } from '../http/paths.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/mailer.ts';

/** The system sends the call deadline reminders, from `klynge calls remind` or the job alike. */
const REMINDERS = systemCaller('call-deadline-reminders');

/**
 * One run for a day (YYYY-MM-DD, Danish time). Applicants are sent to their application,
 * assessors to their assessments and funders to the call's processing page.
 */
export function runCallDeadlineReminders(
  deps: { config: Pick<Config, 'publicUrl'>; db: Db; mailer: Mailer; logger: Logger },
  today: string,
): Promise<CallReminderResult> {
  const site = deps.config.publicUrl.replace(/\/$/, '');
  return remindCallDeadlines(deps.db, deps.mailer, REMINDERS, today, {
    logger: deps.logger,
    link: (phase, slug, lang) =>
      site +
      (phase === 'application'
        ? pageHref('callApply', lang, { slug })
        : phase === 'assessment'
          ? href('myAssessments', lang)
          : pageHref('callProcess', lang, { slug })),
  });
}
