import type { Database } from '../db/client.ts';
import { runMatchmakingFollowUps } from '../jobs/matchmaking-follow-ups.ts';
import { nullOnInvalidDay } from './effect-round.ts';
import { withJobQueue } from './job-queue.ts';

/**
 * `klynge matchmaking follow-ups [--today=YYYY-MM-DD]`: starts the follow-up surveys due 3 and 6
 * months after matchmaking events, today (Danish time) or on the given day, each once; their
 * invitations are queued for the server to send. Exit 0 when done; 2 for a --today that is no day.
 */
export async function followUpsCommand(database: Database, today: string | undefined): Promise<number> {
  return withJobQueue(database, async (jobs) => {
    const result = await runMatchmakingFollowUps({ db: database.db, jobs }, new Date(), today).catch(
      nullOnInvalidDay,
    );
    if (!result) {
      process.stderr.write(
        `klynge matchmaking follow-ups: --today must be a day as YYYY-MM-DD, not ${today}\n`,
      );
      return 2;
    }
    process.stdout.write(
      `Started ${result.started} matchmaking follow-up round(s): ${result.invited} invitation(s) queued\n`,
    );
    return 0;
  });
}
