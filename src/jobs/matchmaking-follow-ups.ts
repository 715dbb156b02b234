import type { Db } from '../db/client.ts';
import { systemCaller } from '../domain/caller.ts';
import type { JobEnqueuer } from '../domain/jobs/kinds.ts';
import { type FollowUpResult, startDueFollowUps } from '../domain/matchmaking/follow-ups.ts';
import { copenhagenDate } from '../domain/reference/time.ts';

/** The system starts the rounds, from `klynge matchmaking follow-ups` or a job runner alike. */
const FOLLOW_UPS = systemCaller('matchmaking-follow-ups');

/** One run at `now`, for its Danish day unless `today` (YYYY-MM-DD) names another. */
export function runMatchmakingFollowUps(
  deps: { db: Db; jobs: JobEnqueuer },
  now: Date,
  today: string = copenhagenDate(now),
): Promise<FollowUpResult> {
  return startDueFollowUps(deps, FOLLOW_UPS, today, now);
}
