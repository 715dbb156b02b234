import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { systemCaller } from '../domain/caller.ts';
import { type LabelReminderResult, remindExpiringLabels } from '../domain/labels/reminders.ts';
import { copenhagenDate } from '../domain/reference/time.ts';
import { href } from '../http/paths.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/mailer.ts';

interface LabelReminderDeps {
  config: Pick<Config, 'publicUrl'>;
  db: Db;
  mailer: Mailer;
  logger: Logger;
  clock: () => Date;
}

/** The system sends the reminders, from `klynge labels remind` or a job alike. */
const REMINDERS = systemCaller('label-reminders');

/**
 * One run for a day (default: today on the Danish calendar), with a link to the public label
 * register on the public site.
 */
export function runLabelReminders(deps: LabelReminderDeps, today?: string): Promise<LabelReminderResult> {
  const site = deps.config.publicUrl.replace(/\/$/, '');
  const now = deps.clock();
  return remindExpiringLabels(deps.db, deps.mailer, REMINDERS, today ?? copenhagenDate(now), {
    now,
    labelsPage: `${site}${href('labels', 'da')}`,
    logger: deps.logger,
  });
}
