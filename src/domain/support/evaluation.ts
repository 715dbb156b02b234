/**
 * After a course, its evaluation: a survey of the engine (the standard event evaluation), owned
 * by the support function that offers the service, with the attendees as its audience, published
 * and sent by the engine's own sending (a job of the queue). One evaluation per course.
 */
import { sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { addDays } from '../content/time.ts';
import { AppError } from '../errors.ts';
import type { JobEnqueuer } from '../jobs/kinds.ts';
import { authorize } from '../policy/policy.ts';
import { copenhagenDate } from '../reference/time.ts';
import { insertUsersAudience } from '../surveys/audiences.ts';
import { sendInvitations } from '../surveys/sending.ts';
import { createSurvey, publishSurvey } from '../surveys/surveys.ts';
import { courseById } from './courses.ts';

/** The evaluation stays open this many days after it is sent. */
const OPEN_DAYS = 14;

/** Creates, publishes and queues the sending of the evaluation; returns the survey and how many are invited. */
export async function sendCourseEvaluation(
  deps: { db: Db; jobs: JobEnqueuer },
  caller: Caller,
  courseId: string,
  ctx: { now: Date },
): Promise<{ surveyId: string; invited: number }> {
  authorize(caller.principal, 'support.courses.manage');
  const course = await courseById(deps.db, courseId);
  if (course.evaluationSurveyId) throw new AppError('conflict', 'The evaluation is sent');
  if (course.endsAt > ctx.now) throw new AppError('conflict', 'The course has not ended');
  const [facts] = await queryRows<{ ownerId: string; attended: number }>(
    deps.db,
    sql`select s.organisation_id as "ownerId",
          (select count(*) from course_registrations r where r.course_id = c.id and r.attended)::int as attended
        from support_courses c join support_services s on s.id = c.service_id where c.id = ${course.id}`,
  );
  if (!facts || facts.attended === 0) throw new AppError('conflict', 'No attendance recorded');
  const day = copenhagenDate(course.startsAt);
  const surveyId = await createSurvey(
    deps.db,
    caller,
    {
      ownerId: facts.ownerId,
      start: 'template:event_evaluation',
      titleDa: `Evaluering: ${course.titleDa} (${day})`,
      titleEn: `Evaluation: ${course.titleEn} (${day})`,
      anonymous: 'on',
      resultsAudience: 'owners',
      closesOn: addDays(copenhagenDate(ctx.now), OPEN_DAYS),
    },
    ctx.now,
  );
  await withActor(deps.db, caller.actor, async (tx) => {
    // Claimed once: of two presses at once, the second finds the course taken and adds nobody.
    const claimed = await queryRows<{ id: string }>(
      tx,
      sql`update support_courses set evaluation_survey_id = ${surveyId}
          where id = ${course.id} and evaluation_survey_id is null returning id`,
    );
    if (claimed.length === 0) throw new AppError('conflict', 'The evaluation is sent');
    await insertUsersAudience(
      tx,
      surveyId,
      'course_attendees',
      sql`select user_id from course_registrations where course_id = ${course.id} and attended`,
    );
  });
  await publishSurvey(deps.db, caller, surveyId, ctx.now);
  await sendInvitations(deps.db, deps.jobs, caller, surveyId, ctx.now);
  return { surveyId, invited: facts.attended };
}
