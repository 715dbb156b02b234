/**
 * The company effect survey sends itself: every second year, from the sending date on, the
 * system creates the round from the latest published company effect questionnaire, owned by the
 * support function with public results, invites the companies that took part in the two
 * previous years and queues the invitations. A round anyone made for those years counts as sent.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows, type Tx } from '../../db/client.ts';
import { organisations, surveys } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { addDays, danishTimeToInstant } from '../content/time.ts';
import { AppError } from '../errors.ts';
import type { JobEnqueuer } from '../jobs/kinds.ts';
import { isCalendarDay } from '../reference/danish.ts';
import { copenhagenDate } from '../reference/time.ts';
import { insertPlatformAudience } from './audiences.ts';
import { effectSurveyYears } from './effect-survey.ts';
import { authorizeEffectRounds } from './policy.ts';
import { enqueueSurveyMails } from './sending.ts';
import { standardQuestionnaireVersion } from './standard-version.ts';
import { TEMPLATES } from './templates.ts';

/**
 * When a round goes out: the demo's round of 2024 sets the even years. 1 April is a month after
 * the usual reporting deadline (1 March), so the previous year's companies are known.
 */
export const EFFECT_ROUND_RULE = {
  firstYear: 2024,
  everyYears: 2,
  /** Month and day (Danish time) from which a sending year's round is created. */
  sendFrom: '04-01',
  /** Days from sending to closing. */
  openDays: 42,
} as const;

/** Whether a round goes out in `year`. */
export const isEffectRoundYear = (year: number) =>
  year >= EFFECT_ROUND_RULE.firstYear &&
  (year - EFFECT_ROUND_RULE.firstYear) % EFFECT_ROUND_RULE.everyYears === 0;

export interface EffectRoundResult {
  created: boolean;
  /** Invitations queued for sending. */
  invited: number;
}

/** Whether a company effect survey already asks about any of the years (made by hand or by the system). */
async function roundExists(tx: Tx, fromYear: number, toYear: number): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select s.id from surveys s
        join questionnaire_versions v on v.id = s.questionnaire_version_id
        join questionnaires q on q.id = v.questionnaire_id
        where q.purpose = 'company_effect' and s.covers_from <= ${toYear} and s.covers_to >= ${fromYear}
        limit 1`,
  );
  return rows.length > 0;
}

/** The national support function, which runs the company effect survey. */
async function supportFunction(tx: Tx): Promise<string> {
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'support_function'), isNull(organisations.endedOn)))
    .orderBy(organisations.name)
    .limit(1);
  if (!row) throw new AppError('conflict', 'No support function organisation runs the company effect survey');
  return row.id;
}

/**
 * Starts the company effect round due on `today` (YYYY-MM-DD, Danish time) at `now`, unless it is
 * not a sending year, the sending date has not come, or a round for its years exists. Only the
 * system starts rounds. The invitations go out with the survey-mails job.
 */
export async function startCompanyEffectRound(
  deps: { db: Db; jobs: JobEnqueuer },
  caller: Caller,
  today: string,
  now: Date,
): Promise<EffectRoundResult> {
  authorizeEffectRounds(caller.principal);
  if (!isCalendarDay(today))
    throw new AppError('validation', `Not a day: ${today}`, [{ field: 'today', message: 'invalid' }]);
  const year = Number(today.slice(0, 4));
  if (!isEffectRoundYear(year) || today < `${year}-${EFFECT_ROUND_RULE.sendFrom}`)
    return { created: false, invited: 0 };
  const { fromYear, toYear } = effectSurveyYears(year);
  // Open for six weeks from when it starts, also when `today` names another day (the command's --today).
  const closesAt = danishTimeToInstant(addDays(copenhagenDate(now), EFFECT_ROUND_RULE.openDays), '23:59');
  if (!closesAt) throw new Error('closing date out of range');
  const started = await withActor(deps.db, caller.actor, async (tx) => {
    // One round per year even when the job and the command run at the same time.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('company-effect-round'))`);
    if (await roundExists(tx, fromYear, toYear)) return null;
    const ownerId = await supportFunction(tx);
    const [survey] = await tx
      .insert(surveys)
      .values({
        ownerId,
        questionnaireVersionId: await standardQuestionnaireVersion(
          tx,
          ownerId,
          TEMPLATES.company_effect,
          now,
        ),
        titleDa: `Virksomhedsundersøgelsen ${year}`,
        titleEn: `Company survey ${year}`,
        anonymous: true,
        resultsAudience: 'public',
        status: 'open',
        closesAt,
        coversFrom: fromYear,
        coversTo: toYear,
        createdAt: now,
        publishedAt: now,
      })
      .returning({ id: surveys.id });
    if (!survey) throw new Error('survey not inserted');
    const audience = { source: 'participating_companies' as const, fromYear, toYear };
    const { added } = await insertPlatformAudience(tx, survey.id, audience, now);
    return { surveyId: survey.id, invited: added };
  });
  if (!started) return { created: false, invited: 0 };
  await enqueueSurveyMails(deps.jobs, caller.actor, started.surveyId, 'invitation', now);
  return { created: true, invited: started.invited };
}
