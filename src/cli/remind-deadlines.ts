import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../domain/errors.ts';
import { copenhagenDate } from '../domain/reference/time.ts';
import { runDeadlineReminders } from '../jobs/deadline-reminders.ts';
import { createLogger } from '../logger.ts';
import { createMailer } from '../mail/mailer.ts';

/**
 * `klynge reporting remind [--today=YYYY-MM-DD]`, for cron: e-mails the reporting deadline
 * reminders due today (Danish time) or on the given day. Exit 0 when every due reminder went out;
 * 1 when a send failed (that reminder is retried on the next run); 2 for a --today that is no day.
 */
export async function remindDeadlinesCommand(database: Database, today: string | undefined): Promise<number> {
  const config = loadConfig();
  // Logs go to stderr: stdout carries the one-line summary.
  const logger = createLogger(config, process.stderr);
  const day = today ?? copenhagenDate(new Date());
  const result = await runDeadlineReminders(
    { config, db: database.db, mailer: createMailer(config, logger), logger },
    day,
  ).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'validation') return null;
    throw err;
  });
  if (!result) {
    process.stderr.write(`klynge reporting remind: --today must be a day as YYYY-MM-DD, not ${day}\n`);
    return 2;
  }
  process.stdout.write(
    `Sent ${result.sent} deadline reminder e-mail(s) to ${result.reminded} cluster year(s) on ${day}` +
      (result.failed > 0 ? `; ${result.failed} e-mail(s) failed` : '') +
      (result.unreachable > 0 ? `; ${result.unreachable} cluster year(s) have nobody to tell` : '') +
      '\n',
  );
  return result.failed > 0 ? 1 : 0;
}
