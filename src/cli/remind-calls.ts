import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { runCallDeadlineReminders } from '../jobs/call-deadline-reminders.ts';
import { createLogger } from '../logger.ts';
import { createMailer } from '../mail/mailer.ts';

/**
 * `klynge calls remind [--today=YYYY-MM-DD]`, for cron: e-mails the call deadline reminders due
 * on the day (checked by the caller). Exit 0 when every due reminder went out; 1 when a send
 * failed (that reminder is retried on the next run).
 */
export async function remindCallsCommand(database: Database, day: string): Promise<number> {
  const config = loadConfig();
  // Logs go to stderr: stdout carries the one-line summary.
  const logger = createLogger(config, process.stderr);
  const result = await runCallDeadlineReminders(
    { config, db: database.db, mailer: createMailer(config, logger), logger },
    day,
  );
  process.stdout.write(
    `Sent ${result.sent} call deadline reminder e-mail(s) on ${day}` +
      (result.failed > 0 ? `; ${result.failed} e-mail(s) failed` : '') +
      '\n',
  );
  return result.failed > 0 ? 1 : 0;
}
