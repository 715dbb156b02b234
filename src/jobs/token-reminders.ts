import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { systemCaller } from '../domain/reporting/policy.ts';
import { type ReminderResult, remindExpiringTokens } from '../domain/reporting/tokens/reminders.ts';
import { href } from '../http/paths.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/mailer.ts';

/** How often the server looks for tokens to remind about, and how soon after start it first looks. */
const EVERY_MS = 60 * 60_000;
const FIRST_AFTER_MS = 30_000;

interface ReminderDeps {
  config: Pick<Config, 'publicUrl'>;
  db: Db;
  mailer: Mailer;
  logger: Logger;
  clock: () => Date;
}

/** The system sends the reminders, from the server's timer or `klynge remind-tokens` alike. */
const REMINDERS = systemCaller('token-reminders');

/** One run: the reminders due now, with links to the workspace's token page on the public site. */
export function runTokenReminders(deps: ReminderDeps): Promise<ReminderResult> {
  const site = deps.config.publicUrl.replace(/\/$/, '');
  return remindExpiringTokens(deps.db, deps.mailer, REMINDERS, deps.clock(), {
    logger: deps.logger,
    links: { tokensPage: (lang, organisation) => `${site}${href('apiTokens', lang, { organisation })}` },
  });
}

/**
 * Runs the reminders in the server: shortly after start, then hourly. Errors are logged, never
 * thrown; a run still going when the next is due is not overlapped. The timer does not keep the
 * process alive. Returns the function that stops it.
 */
export function startTokenReminderTimer(
  deps: ReminderDeps,
  timing: { firstAfterMs: number; everyMs: number } = { firstAfterMs: FIRST_AFTER_MS, everyMs: EVERY_MS },
): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runTokenReminders(deps);
      if (result.sent + result.failed + result.retry > 0)
        deps.logger.info({ reminders: result }, 'API token expiry reminders');
    } catch (err) {
      deps.logger.error({ err }, 'API token expiry reminders failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), timing.firstAfterMs).unref();
  const hourly = setInterval(() => void run(), timing.everyMs).unref();
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}
