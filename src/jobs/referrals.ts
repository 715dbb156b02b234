import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { systemCaller } from '../domain/caller.ts';
import { type ReferralReminderResult, remindWaitingReferrals } from '../domain/referrals/reminders.ts';
import { pageHref } from '../http/paths.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/mailer.ts';

interface ReferralJobDeps {
  config: Pick<Config, 'publicUrl'>;
  db: Db;
  mailer: Mailer;
  logger: Logger;
  clock: () => Date;
}

/** The system sends the reminders, from the scheduled job or the `klynge` command alike. */
const REMINDERS = systemCaller('referral-reminders');

/** One run of the reminders due now, linking to each referral's page on the public site. */
export function runReferralReminders(deps: ReferralJobDeps): Promise<ReferralReminderResult> {
  const site = deps.config.publicUrl.replace(/\/$/, '');
  return remindWaitingReferrals(deps.db, deps.mailer, REMINDERS, deps.clock(), {
    logger: deps.logger,
    links: { referral: (lang, id) => `${site}${pageHref('referral', lang, { id })}` },
  });
}
