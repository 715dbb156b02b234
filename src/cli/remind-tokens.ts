import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { REMINDER_DAYS } from '../domain/reporting/tokens/reminders.ts';
import { runTokenReminders } from '../jobs/token-reminders.ts';
import { createLogger } from '../logger.ts';
import { createMailer } from '../mail/mailer.ts';

/**
 * `klynge remind-tokens`, for cron: e-mails the reminders due now for API tokens that expire
 * within REMINDER_DAYS (14) days. Exit 0 when every due reminder went out; 1 when a send failed (that token is retried next run).
 */
export async function remindTokensCommand(database: Database): Promise<number> {
  const config = loadConfig();
  // Logs go to stderr: stdout carries the one-line summary.
  const logger = createLogger(config, process.stderr);
  const result = await runTokenReminders({
    config,
    db: database.db,
    mailer: createMailer(config, logger),
    logger,
    clock: () => new Date(),
  });
  process.stdout.write(
    `Sent ${result.sent} reminder e-mail(s) for ${result.tokens} API token(s) expiring within ${REMINDER_DAYS} days` +
      (result.failed > 0
        ? `; ${result.failed} e-mail(s) failed, ${result.retry} token(s) left for the next run`
        : '') +
      (result.unreachable > 0 ? `; ${result.unreachable} token(s) have nobody to tell` : '') +
      '\n',
  );
  return result.failed > 0 ? 1 : 0;
}
