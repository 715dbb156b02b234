import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { isIsoDate } from '../domain/content/time.ts';
import { copenhagenDate } from '../domain/reference/time.ts';
import { runCourseReminders } from '../jobs/course-reminders.ts';
import { createLogger } from '../logger.ts';
import { createMailer } from '../mail/mailer.ts';

/** The day `klynge support remind` runs for: --today=YYYY-MM-DD, else today in Denmark; null if malformed. */
export function reminderDay(today: string | undefined, now: Date): string | null {
  if (today === undefined) return copenhagenDate(now);
  return isIsoDate(today) ? today : null;
}

/**
 * `klynge support remind [--today=YYYY-MM-DD]`, for cron: e-mails the registrants of courses
 * starting in 7 days (the week's reminder) and tomorrow (the day's); never twice. Exit 1 when a
 * mail could not be sent.
 */
export async function supportRemindCommand(database: Database, today: string): Promise<number> {
  const config = loadConfig();
  // Logs go to stderr: stdout carries the one-line summary.
  const logger = createLogger(config, process.stderr);
  const result = await runCourseReminders(
    { config, db: database.db, mailer: createMailer(config, logger), logger, clock: () => new Date() },
    today,
  );
  process.stdout.write(
    `Sent ${result.sent} course reminder e-mail(s) for ${today}` +
      (result.failed > 0 ? `; ${result.failed} e-mail(s) failed` : '') +
      '\n',
  );
  return result.failed > 0 ? 1 : 0;
}
