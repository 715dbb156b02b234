import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { surveyTokens } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { saveAnswers, submitResponse } from '../surveys/responding.ts';
import { invitationKeyOf, newSurveyToken } from '../surveys/tokens.ts';
import { createCourse } from './courses.ts';
import { sendCourseEvaluation } from './evaluation.ts';
import { startPlanYear } from './needs-survey.ts';
import { decideService, planToManage, publishPlan } from './plan.ts';
import { registerForCourse, takeAttendance } from './registrations.ts';
import { createService } from './services.ts';
import { setContribution, steeringView } from './steering.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const NOW = new Date('2026-03-02T09:00:00Z');
const AFTER_COURSE = new Date('2026-03-21T09:00:00Z');
const LATER = new Date('2026-12-01T09:00:00Z');
/** Queues nothing: the evaluation's invitations are answered here by link, not mailed. */
const jobs = { enqueue: async () => 'job' };

let staff: Caller;
let ministry: Caller;
let region: Caller;
let outsider: Caller;
let ids: { ministry: string; region: string };

/** A course of 2 seats on 2026-03-20 with three registrations (one waitlisted); one attends and rates it 4. */
async function heldCourse(): Promise<void> {
  const { slug } = await createService(
    database.db,
    staff,
    {
      titleDa: 'Klyngelederforløb',
      titleEn: 'Cluster leader programme',
      summaryDa: 'Forløb for klyngeledere om strategi og drift.',
      summaryEn: 'A programme for cluster leaders on strategy.',
      targetGroups: ['cluster_leaders'],
      form: 'module_programme',
      payment: 'free',
      language: 'da',
    },
    NOW,
  );
  const courseId = await createCourse(
    database.db,
    staff,
    slug,
    {
      date: '2026-03-20',
      startTime: '09:00',
      endTime: '16:00',
      place: 'Vejle',
      seats: '2',
      cancelBy: '2026-03-13',
    },
    NOW,
  );
  const cluster = await createOrganisation(database.db);
  const people = [];
  for (let i = 0; i < 3; i++)
    people.push(await createCaller(database.db, 'cluster_staff', { organisationId: cluster.id }));
  const registrations = [];
  for (const p of people) registrations.push(await registerForCourse(database.db, p, courseId, {}, NOW));
  expect(registrations.map((r) => r.status)).toEqual(['registered', 'registered', 'waitlisted']);
  await takeAttendance(database.db, staff, courseId, { present: [registrations[0]?.id] });
  const { surveyId } = await sendCourseEvaluation({ db: database.db, jobs }, staff, courseId, {
    now: AFTER_COURSE,
  });
  const [invitation] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from survey_invitations where survey_id = ${surveyId}`,
  );
  const token = newSurveyToken();
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.insert(surveyTokens).values({ tokenHash: invitationKeyOf(token), invitationId: invitation?.id ?? '' }),
  );
  const page1 = { 'q-overall': '4', 'q-relevance': '5', 'q-new_contacts': 'no' };
  expect((await saveAnswers(database.db, token, 1, page1, 'next', AFTER_COURSE)).issues).toEqual([]);
  await saveAnswers(database.db, token, 2, { 'q-recommend': 'yes' }, 'next', AFTER_COURSE);
  expect((await submitResponse(database.db, token, AFTER_COURSE)).issues).toEqual([]);
}

/** The plan of 2027, published: the one service runs twice on a budget of 300.000 kr. */
async function publishedPlan2027(): Promise<void> {
  await startPlanYear(database.db, staff, { year: '2027', threshold: '1', closesOn: '2026-12-31' }, NOW);
  const [service] = (await planToManage(database.db, staff, 2027)).services;
  await decideService(
    database.db,
    staff,
    2027,
    {
      serviceId: service?.serviceId,
      runs: 'yes',
      reason: 'Efterspurgt',
      plannedCourses: '2',
      budget: '300.000',
    },
    NOW,
  );
  await publishPlan(database.db, staff, 2027, NOW);
}

describe(`the steering group's view (${testDriver()})`, () => {
  it('records contributions; only the support function keeps them', async () => {
    const supportFunction = await createOrganisation(database.db, { kind: 'support_function' });
    staff = await createCaller(database.db, 'support_staff', { organisationId: supportFunction.id });
    ids = {
      ministry: (await createOrganisation(database.db, { kind: 'funder' })).id,
      region: (await createOrganisation(database.db, { kind: 'funder', funderLevel: 'regional' })).id,
    };
    ministry = await createCaller(database.db, 'funder', { organisationId: ids.ministry });
    region = await createCaller(database.db, 'funder', { organisationId: ids.region });
    outsider = await createCaller(database.db, 'funder');
    await setContribution(database.db, staff, { funderId: ids.ministry, year: '2026', amount: '2.600.000' });
    await setContribution(database.db, staff, {
      funderId: ids.ministry,
      year: '2027',
      amount: '2.600.000 kr.',
    });
    await setContribution(database.db, staff, { funderId: ids.region, year: '2027', amount: '480.000' });
    // A second amount for the same funder and year replaces the first.
    await setContribution(database.db, staff, { funderId: ids.region, year: '2027', amount: '500.000' });
    await expectAppError(
      setContribution(database.db, ministry, { funderId: ids.ministry, year: '2027', amount: '1' }),
      'forbidden',
    );
    await expectAppError(
      setContribution(database.db, staff, { funderId: ids.region, year: '2027', amount: 'mange' }),
      'validation',
    );
    await expectAppError(
      setContribution(database.db, staff, { funderId: supportFunction.id, year: '2027', amount: '1' }),
      'not_found',
    );
  });

  it('shows the members per year what was paid, the plan’s budget and what was delivered, counted in SQL', async () => {
    await heldCourse();
    await publishedPlan2027();
    const view = await steeringView(database.db, region, LATER);
    // By hand: 2027 = 2.600.000 + 500.000 paid, the plan's 300.000 and 2 runs, nothing held yet;
    // 2026 = 2.600.000 paid, one course held with 2 seated participants, 1 present, rated 4 by 1.
    expect(view.years).toEqual([
      {
        year: 2027,
        contributionsDkk: 3_100_000,
        budgetDkk: 300_000,
        plannedCourses: 2,
        coursesHeld: 0,
        participants: 0,
        attended: 0,
        evaluationScore: null,
        evaluationAnswers: 0,
      },
      {
        year: 2026,
        contributionsDkk: 2_600_000,
        budgetDkk: 0,
        plannedCourses: 0,
        coursesHeld: 1,
        participants: 2,
        attended: 1,
        evaluationScore: 4,
        evaluationAnswers: 1,
      },
    ]);
    expect(view.contributions.map((c) => [c.year, c.funderId, c.amountDkk])).toEqual([
      [2027, ids.ministry, 2_600_000],
      [2027, ids.region, 500_000],
      [2026, ids.ministry, 2_600_000],
    ]);
    expect(view.plan?.year).toBe(2027);
    expect(view.plan?.services.map((s) => [s.titleDa, s.runs, s.plannedCourses, s.budgetDkk])).toEqual([
      ['Klyngelederforløb', true, 2, 300_000],
    ]);
    // Before the course ended nothing was held.
    expect((await steeringView(database.db, staff, NOW)).years.map((y) => [y.year, y.coursesHeld])).toEqual([
      [2027, 0],
      [2026, 0],
    ]);
  });

  it('is refused to a funder outside the steering group and to cluster staff', async () => {
    expect((await steeringView(database.db, ministry, LATER)).years).toHaveLength(2);
    await expectAppError(steeringView(database.db, outsider, LATER), 'forbidden');
    await expectAppError(steeringView(database.db, roleCaller('funder'), LATER), 'forbidden');
    await expectAppError(steeringView(database.db, roleCaller('cluster_staff'), LATER), 'forbidden');
    await expectAppError(
      steeringView(database.db, roleCaller('funder', ids.region.replace(/.$/, '0')), LATER),
      'forbidden',
    );
  });
});
