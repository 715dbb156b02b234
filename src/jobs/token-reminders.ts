import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { systemCaller } from '../domain/caller.ts';
import { type ReminderResult, remindExpiringTokens } from '../domain/reporting/tokens/reminders.ts';
import { href } from '../http/paths.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/mailer.ts';

interface ReminderDeps {
  config: Pick<Config, 'publicUrl'>;
  db: Db;
  mailer: Mailer;
  logger: Logger;
  clock: () => Date;
}

/** The system sends the reminders, from the scheduled job or `klynge remind-tokens` alike. */
const REMINDERS = systemCaller('token-reminders');

/** One run: the reminders due now, with links to the workspace's token page on the public site. */
export function runTokenReminders(deps: ReminderDeps): Promise<ReminderResult> {
  const site = deps.config.publicUrl.replace(/\/$/, '');
  return remindExpiringTokens(deps.db, deps.mailer, REMINDERS, deps.clock(), {
    logger: deps.logger,
    links: { tokensPage: (lang, organisation) => `${site}${href('apiTokens', lang, { organisation })}` },
  });
}
