/**
 * Follow-up of a matchmaking event (issue 21, item 5): 3 and 6 months after the event's last day
 * (Danish time), the participants who had at least one placed meeting are asked, with the survey
 * engine, what the meetings led to. The daily job starts each round once: the round's row
 * (event, months) is the claim, so a second run or a concurrent command adds nothing. A run that
 * was missed catches up until the next round is due (three months later); after that the round
 * is left out rather than asked so late.
 */
import { sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows, type Tx } from '../../db/client.ts';
import { matchmakingFollowUps, surveys } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { addDays, danishTimeToInstant } from '../content/time.ts';
import { AppError } from '../errors.ts';
import type { JobEnqueuer } from '../jobs/kinds.ts';
import { isCalendarDay } from '../reference/danish.ts';
import { copenhagenDate } from '../reference/time.ts';
import { insertUsersAudience } from '../surveys/audiences.ts';
import { eventSource } from '../surveys/event-registrants.ts';
import { enqueueSurveyMails } from '../surveys/sending.ts';
import { standardQuestionnaireVersion } from '../surveys/standard-version.ts';
import { MATCHMAKING_FOLLOW_UP_TEMPLATE } from '../surveys/templates.ts';
import { authorizeFollowUps } from './policy.ts';

/** Months after the event at which a round goes out. */
export const FOLLOW_UP_MONTHS = [3, 6] as const;
/** Months a missed round is still started in (until the next one is due). */
const CATCH_UP_MONTHS = 3;
/** Days from sending to closing. */
const OPEN_DAYS = 30;

export interface FollowUpResult {
  /** Rounds started (one survey each). */
  started: number;
  /** Invitations queued for sending, over all rounds. */
  invited: number;
}

interface DueRound {
  event_id: string;
  organisation_id: string;
  title: string;
  months: number;
}

/** The participants of an event with at least one placed meeting (as user ids). */
const metParticipantIds = (eventId: string) =>
  sql`select p.user_id from matchmaking_participants p
      where p.event_id = ${eventId}
        and exists (select 1 from matchmaking_meetings m join meeting_requests r on r.id = m.request_id
                    where r.from_participant_id = p.id or r.to_participant_id = p.id)`;

/** The rounds due on `today` and not started, of events where at least one meeting was placed. */
function dueRounds(tx: Tx, today: string): Promise<DueRound[]> {
  const months = sql.join(
    FOLLOW_UP_MONTHS.map((m) => sql`(${m}::int)`),
    sql`, `,
  );
  return queryRows<DueRound>(
    tx,
    sql`with ended as (
          select e.id, e.organisation_id, e.title,
                 (e.ends_at at time zone 'Europe/Copenhagen')::date as ended_on
          from events e join matchmaking_events me on me.event_id = e.id
        )
        select x.id as event_id, x.organisation_id, x.title, m.months
        from ended x cross join (values ${months}) as m(months)
        where (x.ended_on + make_interval(months => m.months))::date <= ${today}::date
          and (x.ended_on + make_interval(months => m.months + ${CATCH_UP_MONTHS}))::date > ${today}::date
          and not exists (select 1 from matchmaking_follow_ups f
                          where f.event_id = x.id and f.months_after = m.months)
          and exists (select 1 from matchmaking_meetings mm
                      join meeting_requests r on r.id = mm.request_id where r.event_id = x.id)
        order by x.ended_on, x.id, m.months`,
  );
}

/** Starts one round: the survey, owned by the event's organisation, and its invitations. */
async function startRound(tx: Tx, round: DueRound, closesAt: Date, now: Date) {
  const [survey] = await tx
    .insert(surveys)
    .values({
      ownerId: round.organisation_id,
      questionnaireVersionId: await standardQuestionnaireVersion(
        tx,
        round.organisation_id,
        MATCHMAKING_FOLLOW_UP_TEMPLATE,
        now,
      ),
      titleDa: `Opfølgning efter ${round.months} måneder: ${round.title}`,
      titleEn: `Follow-up after ${round.months} months: ${round.title}`,
      anonymous: true,
      resultsAudience: 'owners',
      status: 'open',
      closesAt,
      createdAt: now,
      publishedAt: now,
    })
    .returning({ id: surveys.id });
  if (!survey) throw new Error('survey not inserted');
  await tx
    .insert(matchmakingFollowUps)
    .values({ eventId: round.event_id, monthsAfter: round.months, surveyId: survey.id, startedAt: now });
  const { added } = await insertUsersAudience(
    tx,
    survey.id,
    eventSource(round.event_id),
    metParticipantIds(round.event_id),
  );
  return { surveyId: survey.id, invited: added };
}

/**
 * Starts the follow-up rounds due on `today` (YYYY-MM-DD, Danish time) at `now`. Only the system
 * starts them; the invitations go out with the survey-mails job.
 */
export async function startDueFollowUps(
  deps: { db: Db; jobs: JobEnqueuer },
  caller: Caller,
  today: string,
  now: Date,
): Promise<FollowUpResult> {
  authorizeFollowUps(caller.principal);
  if (!isCalendarDay(today))
    throw new AppError('validation', `Not a day: ${today}`, [{ field: 'today', message: 'invalid' }]);
  const closesAt = danishTimeToInstant(addDays(copenhagenDate(now), OPEN_DAYS), '23:59');
  if (!closesAt) throw new Error('closing date out of range');
  const started = await withActor(deps.db, caller.actor, async (tx) => {
    // The job and the command may run at once: the second waits and then finds nothing due.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('matchmaking-follow-ups'))`);
    const rounds = await dueRounds(tx, today);
    const done: { surveyId: string; invited: number }[] = [];
    for (const round of rounds) done.push(await startRound(tx, round, closesAt, now));
    return done;
  });
  for (const round of started)
    await enqueueSurveyMails(deps.jobs, caller.actor, round.surveyId, 'invitation', now);
  return { started: started.length, invited: started.reduce((n, r) => n + r.invited, 0) };
}
