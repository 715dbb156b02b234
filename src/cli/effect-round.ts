import type { Database } from '../db/client.ts';
import { AppError } from '../domain/errors.ts';
import { runCompanyEffectRound } from '../jobs/company-effect-survey.ts';
import { withJobQueue } from './job-queue.ts';

/** A --today that is no day is refused by the command (exit 2), not thrown. */
export const nullOnInvalidDay = (err: unknown): null => {
  if (err instanceof AppError && err.code === 'validation') return null;
  throw err;
};

/**
 * `klynge surveys effect-round [--today=YYYY-MM-DD]`: starts the company effect survey round due
 * today (Danish time) or on the given day, if none exists yet; its invitations are queued for the
 * server's job queue to send. Exit 0 when done or nothing was due; 2 for a --today that is no day.
 */
export async function effectRoundCommand(database: Database, today: string | undefined): Promise<number> {
  return withJobQueue(database, async (jobs) => {
    const result = await runCompanyEffectRound({ db: database.db, jobs }, new Date(), today).catch(
      nullOnInvalidDay,
    );
    if (!result) {
      process.stderr.write(
        `klynge surveys effect-round: --today must be a day as YYYY-MM-DD, not ${today}\n`,
      );
      return 2;
    }
    process.stdout.write(
      result.created
        ? `Started the company effect survey round: ${result.invited} invitation(s) queued\n`
        : 'No company effect survey round is due (not a sending year, before the sending date, or already started)\n',
    );
    return 0;
  });
}
