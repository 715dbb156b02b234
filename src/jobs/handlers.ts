import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { SCHEDULED_JOB_KINDS } from '../domain/jobs/kinds.ts';
import { runDeliveryLoad } from '../domain/reporting/delivery/load-job.ts';
import { mailPasswordReset } from '../http/web/accounts/password-reset.tsx';
import { mailNewsletter } from '../http/web/newsletter/links.ts';
import { mailSurvey } from '../http/web/surveys/manage.tsx';
import { scheduledJobHandler } from './schedules.ts';

/** A finished e-mail handed to the queue: sent as it is, retried while the mail server refuses it. */
const mailJob = z.object({
  to: z.string().min(1),
  subject: z.string(),
  text: z.string(),
  replyTo: z.string().optional(),
});

/** The code each kind of job runs, in every instance (each works the whole queue). */
export function registerJobHandlers(deps: Deps): void {
  deps.jobs.handle('password-reset-mail', (data) => mailPasswordReset(deps, data));
  deps.jobs.handle('survey-mails', (data) => mailSurvey(deps, data));
  deps.jobs.handle('newsletter-send', (data) => mailNewsletter(deps, data));
  deps.jobs.handle('mail', (data) => deps.mailer.send(mailJob.parse(data)));
  deps.jobs.handle('delivery-load', (data) =>
    runDeliveryLoad(
      {
        database: deps.database,
        logger: deps.logger,
        clock: deps.clock,
        onLoaded: deps.metrics.recordDeliveryLoaded,
        timings: deps.config.importProfile
          ? (step, ms) => deps.logger.info({ step, ms }, 'delivery import step')
          : undefined,
      },
      data,
    ),
  );
  for (const kind of SCHEDULED_JOB_KINDS) deps.jobs.handle(kind, scheduledJobHandler(deps, kind));
}
