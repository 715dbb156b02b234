import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { REMINDER_WORKING_DAYS } from '../domain/referrals/reminders.ts';
import { runReferralReminders } from '../jobs/referrals.ts';
import { createLogger } from '../logger.ts';
import { createMailer } from '../mail/mailer.ts';

/**
 * `klynge remind-referrals`, for cron: e-mails the recipients of referrals that have waited more
 * than REMINDER_WORKING_DAYS working days. Exit 0 when every due reminder went out; 1 when a
 * send failed (that referral is retried next run).
 */
export async function remindReferralsCommand(database: Database): Promise<number> {
  const config = loadConfig();
  // Logs go to stderr: stdout carries the one-line summary.
  const logger = createLogger(config, process.stderr);
  const result = await runReferralReminders({
    config,
    db: database.db,
    mailer: createMailer(config, logger),
    logger,
    clock: () => new Date(),
  });
  process.stdout.write(
    `Sent ${result.sent} reminder e-mail(s) for ${result.referrals} referral(s) waiting more than ${REMINDER_WORKING_DAYS} working days` +
      (result.failed > 0
        ? `; ${result.failed} e-mail(s) failed, ${result.retry} referral(s) left for the next run`
        : '') +
      (result.unreachable > 0 ? `; ${result.unreachable} referral(s) have nobody to tell` : '') +
      '\n',
  );
  return result.failed > 0 ? 1 : 0;
}
