import type { Deps } from '../deps.ts';
import type { ScheduledJobKind } from '../domain/jobs/kinds.ts';
import { copenhagenDate } from '../domain/reference/time.ts';
import { runCallDeadlineReminders } from './call-deadline-reminders.ts';
import { runCompanyEffectRound } from './company-effect-survey.ts';
import { runCourseReminders } from './course-reminders.ts';
import { runDeadlineReminders } from './deadline-reminders.ts';
import { runLabelReminders } from './label-reminders.ts';
import { runMatchmakingFollowUps } from './matchmaking-follow-ups.ts';
import { runReferralReminders } from './referrals.ts';
import { runRetention } from './retention.ts';
import { runTokenReminders } from './token-reminders.ts';

/** The time zone the cron expressions are read in: "daily at 07:00" is Danish morning. */
export const SCHEDULE_TIME_ZONE = 'Europe/Copenhagen';

interface ScheduledJob {
  /** When pg-boss queues a run (cron, in SCHEDULE_TIME_ZONE); staggered so runs seldom meet. */
  cron: string;
  /** One run: the same function the `klynge` command calls. Resolves with what it did (logged). */
  run(deps: Deps): Promise<object>;
}

/**
 * Every recurring job. Each run only does what is due and not yet done (a reminder is recorded as
 * sent), so a retry after a failed mail sends the missing ones and nothing twice.
 */
export const SCHEDULED_JOBS: Record<ScheduledJobKind, ScheduledJob> = {
  'token-reminders': { cron: '0 * * * *', run: (deps) => runTokenReminders(deps) },
  'referral-reminders': { cron: '10 * * * *', run: (deps) => runReferralReminders(deps) },
  'label-reminders': { cron: '0 7 * * *', run: (deps) => runLabelReminders(deps) },
  'course-reminders': {
    cron: '15 7 * * *',
    run: (deps) => runCourseReminders(deps, copenhagenDate(deps.clock())),
  },
  'deadline-reminders': {
    cron: '30 7 * * *',
    run: (deps) => runDeadlineReminders(deps, copenhagenDate(deps.clock())),
  },
  'call-deadline-reminders': {
    cron: '45 7 * * *',
    run: (deps) => runCallDeadlineReminders(deps, copenhagenDate(deps.clock())),
  },
  'company-effect-survey': { cron: '0 8 * * *', run: (deps) => runCompanyEffectRound(deps, deps.clock()) },
  'matchmaking-follow-ups': {
    cron: '20 8 * * *',
    run: (deps) => runMatchmakingFollowUps(deps, deps.clock()),
  },
  retention: { cron: '30 3 * * *', run: (deps) => runRetention(deps) },
};

/**
 * The job handler of a scheduled kind: runs it, logs what it did, and fails the attempt when a
 * mail could not be sent, so the queue tries again with backoff and shows it failed at the end.
 */
export function scheduledJobHandler(deps: Deps, kind: ScheduledJobKind): () => Promise<void> {
  return async () => {
    const result = await SCHEDULED_JOBS[kind].run(deps);
    deps.logger.info({ kind, result }, 'scheduled job done');
    const failed = 'failed' in result ? Number(result.failed) : 0;
    if (failed > 0) throw new Error(`${failed} e-mail(s) could not be sent; tried again later`);
  };
}
