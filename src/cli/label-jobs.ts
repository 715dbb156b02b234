import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { REMINDER_MONTHS } from '../domain/labels/reminders.ts';
import { isoDateOfParts, partsOfIsoDate } from '../domain/reference/danish.ts';
import { runLabelReminders } from '../jobs/label-reminders.ts';
import { createLogger } from '../logger.ts';
import { createMailer } from '../mail/mailer.ts';

/** A real calendar day written YYYY-MM-DD, or null. */
export function calendarDay(text: string): string | null {
  return text !== '' && isoDateOfParts(partsOfIsoDate(text)) === text ? text : null;
}

/**
 * `klynge labels remind [--today=YYYY-MM-DD]`, for cron: e-mails the reminders due for labels
 * expiring in 12, 6 or 3 months, each once. Exit 0 when every due reminder went out; 1 when a
 * send failed (that label is retried next run).
 */
export async function remindLabelsCommand(database: Database, today: string | undefined): Promise<number> {
  const config = loadConfig();
  // Logs go to stderr: stdout carries the one-line summary.
  const logger = createLogger(config, process.stderr);
  const result = await runLabelReminders(
    { config, db: database.db, mailer: createMailer(config, logger), logger, clock: () => new Date() },
    today,
  );
  process.stdout.write(
    `Sent ${result.sent} reminder e-mail(s) for ${result.labels} label(s) expiring in ${REMINDER_MONTHS.join(', ')} months` +
      (result.failed > 0
        ? `; ${result.failed} e-mail(s) failed, ${result.retry} label(s) left for the next run`
        : '') +
      '\n',
  );
  return result.failed > 0 ? 1 : 0;
}
