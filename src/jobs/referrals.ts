import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { systemCaller } from '../domain/caller.ts';
import { type ReferralReminderResult, remindWaitingReferrals } from '../domain/referrals/reminders.ts';
import { pageHref } from '../http/paths.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/mailer.ts';
import { HOURLY, type JobTiming, startRepeatingJob } from './hourly.ts';

interface ReferralJobDeps {
  config: Pick<Config, 'publicUrl'>;
  db: Db;
  mailer: Mailer;
  logger: Logger;
  clock: () => Date;
}

/** The system sends the reminders, from the server's timer or the `klynge` command alike. */
const REMINDERS = systemCaller('referral-reminders');

/** One run of the reminders due now, linking to each referral's page on the public site. */
export function runReferralReminders(deps: ReferralJobDeps): Promise<ReferralReminderResult> {
  const site = deps.config.publicUrl.replace(/\/$/, '');
  return remindWaitingReferrals(deps.db, deps.mailer, REMINDERS, deps.clock(), {
    logger: deps.logger,
    links: { referral: (lang, id) => `${site}${pageHref('referral', lang, { id })}` },
  });
}

/**
 * Runs the reminders in the server: shortly after start, then hourly (see startRepeatingJob).
 * The referrals' retention rule runs with every other one in the retention job (jobs/retention.ts).
 */
export function startReferralJobs(deps: ReferralJobDeps, timing: JobTiming = HOURLY): () => void {
  return startRepeatingJob(
    deps.logger,
    'referral jobs failed',
    async () => {
      const reminders = await runReferralReminders(deps);
      if (reminders.sent + reminders.failed + reminders.retry > 0)
        deps.logger.info({ reminders }, 'referral reminders');
    },
    timing,
  );
}
