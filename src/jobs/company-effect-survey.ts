import type { Db } from '../db/client.ts';
import { systemCaller } from '../domain/caller.ts';
import type { JobEnqueuer } from '../domain/jobs/kinds.ts';
import { copenhagenDate } from '../domain/reference/time.ts';
import { type EffectRoundResult, startCompanyEffectRound } from '../domain/surveys/effect-rounds.ts';

/** The system starts the rounds, from `klynge surveys effect-round` or a job runner alike. */
const EFFECT_ROUNDS = systemCaller('company-effect-survey');

/** One run at `now`, for its Danish day unless `today` (YYYY-MM-DD) names another. */
export function runCompanyEffectRound(
  deps: { db: Db; jobs: JobEnqueuer },
  now: Date,
  today: string = copenhagenDate(now),
): Promise<EffectRoundResult> {
  return startCompanyEffectRound(deps, EFFECT_ROUNDS, today, now);
}
