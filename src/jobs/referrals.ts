import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { systemCaller } from '../domain/caller.ts';
import { type ReferralReminderResult, remindWaitingReferrals } from '../domain/referrals/reminders.ts';
import { deleteExpiredPersonalData } from '../domain/referrals/retention.ts';
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

/** The system runs both jobs, from the server's timer or the `klynge` commands alike. */
const REMINDERS = systemCaller('referral-reminders');
const RETENTION = systemCaller('referral-retention');

/** One run of the reminders due now, linking to each referral's page on the public site. */
export function runReferralReminders(deps: ReferralJobDeps): Promise<ReferralReminderResult> {
  const site = deps.config.publicUrl.replace(/\/$/, '');
  return remindWaitingReferrals(deps.db, deps.mailer, REMINDERS, deps.clock(), {
    logger: deps.logger,
    links: { referral: (lang, id) => `${site}${pageHref('referral', lang, { id })}` },
  });
}

/** One run of the retention rule: the personal data past it is deleted now; returns how many referrals. */
export function runReferralRetention(deps: Pick<ReferralJobDeps, 'db' | 'clock'>): Promise<number> {
  return deleteExpiredPersonalData(deps.db, RETENTION, deps.clock());
}

/** Runs both in the server: shortly after start, then hourly (see startRepeatingJob). */
export function startReferralJobs(deps: ReferralJobDeps, timing: JobTiming = HOURLY): () => void {
  return startRepeatingJob(
    deps.logger,
    'referral jobs failed',
    async () => {
      const deleted = await runReferralRetention(deps);
      if (deleted > 0)
        deps.logger.info({ referrals: deleted }, 'referral personal data deleted (retention rule)');
      const reminders = await runReferralReminders(deps);
      if (reminders.sent + reminders.failed + reminders.retry > 0)
        deps.logger.info({ reminders }, 'referral reminders');
    },
    timing,
  );
}
