import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createCluster, createOrganisation, randomCvr } from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { clusters, surveyTokens } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { saveAnswers, submitResponse } from '../surveys/responding.ts';
import { publishSurvey } from '../surveys/surveys.ts';
import { invitationKeyOf, newSurveyToken } from '../surveys/tokens.ts';
import { startPlanYear } from './needs-survey.ts';
import {
  decideService,
  type PlannedService,
  plansToManage,
  planToManage,
  publishedPlan,
  publishedPlanYears,
  publishPlan,
  setDemandThreshold,
} from './plan.ts';
import { createService } from './services.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const NOW = new Date('2026-10-01T09:00:00Z');
const YEAR = 2027;

const serviceForm = (titleDa: string, titleEn: string) => ({
  titleDa,
  titleEn,
  summaryDa: 'En ydelse fra supportfunktionen til klyngerne.',
  summaryEn: 'A service of the support function to the clusters.',
  targetGroups: ['cluster_leaders'],
  form: 'course',
  payment: 'free',
  price: '',
  capacity: '',
  language: 'da',
});

/** The interest each cluster gives the services A, B and C (question keys service_1..3 by Danish title). */
const ANSWERS: Record<string, [string, string, string]> = {
  k1: ['much', 'some', 'none'],
  k2: ['some', 'some', 'none'],
  k3: ['little', 'some', 'none'],
  k4: ['none', 'much', 'none'],
};

let staff: Caller;
let surveyId: string;

/** An invitee's personal link, as the invitation mail would carry it. */
async function linkOf(email: string): Promise<string> {
  const [invitation] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from survey_invitations
      where survey_id = ${surveyId} and email = ${email}`,
  );
  if (!invitation) throw new Error(`no invitation for ${email}`);
  const token = newSurveyToken();
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.insert(surveyTokens).values({ tokenHash: invitationKeyOf(token), invitationId: invitation.id }),
  );
  return token;
}

async function answer(email: string, choices: readonly string[]) {
  const token = await linkOf(email);
  const fields = Object.fromEntries(choices.map((c, i) => [`q-service_${i + 1}`, c]));
  expect((await saveAnswers(database.db, token, 1, fields, 'next', NOW)).issues).toEqual([]);
  expect((await submitResponse(database.db, token, NOW)).issues).toEqual([]);
}

const byTitle = (services: PlannedService[], titleDa: string) => {
  const found = services.find((s) => s.titleDa === titleDa);
  if (!found) throw new Error(`no ${titleDa}`);
  return found;
};

describe(`the demand-driven plan (${testDriver()})`, () => {
  it('generates a needs survey with one question per service and invites every active cluster organisation', async () => {
    const supportFunction = await createOrganisation(database.db, { kind: 'support_function' });
    staff = await createCaller(database.db, 'support_staff', { organisationId: supportFunction.id });
    await createService(
      database.db,
      staff,
      serviceForm('B Internationalisering', 'B Internationalisation'),
      NOW,
    );
    await createService(database.db, staff, serviceForm('A Analyse og benchmarking', 'A Analysis'), NOW);
    await createService(database.db, staff, serviceForm('C Bestyrelseskursus', 'C Board course'), NOW);
    for (const key of [...Object.keys(ANSWERS), 'k5']) {
      const org = await createCluster(database.db, {
        cvr: randomCvr(),
        name: `Klynge ${key}`,
        slug: `klynge-${key}`,
      });
      await withActor(database.db, systemActor('test'), (tx) =>
        tx
          .update(clusters)
          .set({ contactEmail: `${key}@klynge.dk` })
          .where(eq(clusters.organisationId, org.id)),
      );
    }
    await expectAppError(
      startPlanYear(
        database.db,
        roleCaller('cluster_staff'),
        { year: '2027', threshold: '3', closesOn: '2027-03-31' },
        NOW,
      ),
      'forbidden',
    );
    await expectAppError(
      startPlanYear(database.db, staff, { year: '2027', threshold: '0', closesOn: '2027-03-31' }, NOW),
      'validation',
    );
    expect(
      await startPlanYear(database.db, staff, { year: '2027', threshold: '3', closesOn: '2027-03-31' }, NOW),
    ).toBe(YEAR);
    await expectAppError(
      startPlanYear(database.db, staff, { year: '2027', threshold: '3', closesOn: '2027-03-31' }, NOW),
      'conflict',
    );
    const plan = await planToManage(database.db, staff, YEAR);
    surveyId = plan.needsSurveyId;
    const [survey] = await queryRows<{ questions: string[]; invited: string[] }>(
      database.db,
      sql`select (select array_agg(q->>'key' order by q->>'key') from jsonb_array_elements(v.definition->'questions') q) as questions,
                    (select array_agg(i.email order by i.email) from survey_invitations i where i.survey_id = s.id) as invited
             from surveys s join questionnaire_versions v on v.id = s.questionnaire_version_id where s.id = ${surveyId}`,
    );
    expect(survey?.questions).toEqual(['service_1', 'service_2', 'service_3']);
    expect(survey?.invited).toEqual([
      'k1@klynge.dk',
      'k2@klynge.dk',
      'k3@klynge.dk',
      'k4@klynge.dk',
      'k5@klynge.dk',
    ]);
    expect(plan.services.map((s) => [s.titleDa, s.respondents, s.runs])).toEqual([
      ['A Analyse og benchmarking', 0, null],
      ['B Internationalisering', 0, null],
      ['C Bestyrelseskursus', 0, null],
    ]);
  });

  it('counts the answers per service and marks the services that reach the threshold, edges included', async () => {
    await publishSurvey(database.db, staff, surveyId, NOW);
    for (const [key, choices] of Object.entries(ANSWERS)) await answer(`${key}@klynge.dk`, choices);
    const plan = await planToManage(database.db, staff, YEAR);
    // By hand: A = 3,2,1,0; B = 2,2,2,3; C = 0,0,0,0 from four clusters (k5 did not answer).
    expect(plan.services.map((s) => s.titleDa)).toEqual([
      'B Internationalisering',
      'A Analyse og benchmarking',
      'C Bestyrelseskursus',
    ]);
    const a = byTitle(plan.services, 'A Analyse og benchmarking');
    expect([
      a.respondents,
      a.interestSum,
      a.interestMean,
      a.interested,
      a.interestedShare,
      a.interestedClusters,
    ]).toEqual([4, 6, 1.5, 2, 0.5, 2]);
    const b = byTitle(plan.services, 'B Internationalisering');
    expect([
      b.respondents,
      b.interestSum,
      b.interestMean,
      b.interested,
      b.interestedShare,
      b.interestedClusters,
    ]).toEqual([4, 9, 2.25, 4, 1, 4]);
    const c = byTitle(plan.services, 'C Bestyrelseskursus');
    expect([
      c.respondents,
      c.interestSum,
      c.interestMean,
      c.interested,
      c.interestedShare,
      c.interestedClusters,
    ]).toEqual([4, 0, 0, 0, 0, 0]);
    const wantedAt = async (threshold: string) => {
      await setDemandThreshold(database.db, staff, YEAR, { threshold });
      const services = (await planToManage(database.db, staff, YEAR)).services;
      return services.filter((s) => s.wanted).map((s) => s.titleDa[0]);
    };
    expect(await wantedAt('3')).toEqual(['B']);
    expect(await wantedAt('2')).toEqual(['B', 'A']);
    expect(await wantedAt('4')).toEqual(['B']);
    expect(await wantedAt('5')).toEqual([]);
    expect(await wantedAt('1')).toEqual(['B', 'A']);
    await expectAppError(setDemandThreshold(database.db, staff, YEAR, { threshold: 'to' }), 'validation');
    await expectAppError(
      setDemandThreshold(database.db, roleCaller('funder'), YEAR, { threshold: '2' }),
      'forbidden',
    );
    await expectAppError(setDemandThreshold(database.db, staff, 2031, { threshold: '2' }), 'not_found');
  });

  it('publishes the plan once every service is decided; the public sees it without the budget', async () => {
    await setDemandThreshold(database.db, staff, YEAR, { threshold: '2' });
    const { services } = await planToManage(database.db, staff, YEAR);
    const id = (t: string) => byTitle(services, t).serviceId;
    const decision = (serviceId: string, runs: 'yes' | 'no', courses: string, budget: string) => ({
      serviceId,
      runs,
      reason: runs === 'yes' ? 'Efterspurgt af klyngerne' : 'For lille efterspørgsel',
      plannedCourses: courses,
      budget,
    });
    await expectAppError(
      decideService(
        database.db,
        roleCaller('cluster_staff'),
        YEAR,
        decision(id('B Internationalisering'), 'yes', '2', '400.000'),
        NOW,
      ),
      'forbidden',
    );
    await expectAppError(
      decideService(database.db, staff, YEAR, decision(id('C Bestyrelseskursus'), 'no', '1', '0'), NOW),
      'validation',
    );
    await expectAppError(
      decideService(database.db, staff, YEAR, decision(id('B Internationalisering'), 'yes', '0', '10'), NOW),
      'validation',
    );
    await decideService(
      database.db,
      staff,
      YEAR,
      decision(id('B Internationalisering'), 'yes', '3', '400.000 kr.'),
      NOW,
    );
    await decideService(
      database.db,
      staff,
      YEAR,
      decision(id('A Analyse og benchmarking'), 'yes', '1', '125.000'),
      NOW,
    );
    await expectAppError(publishPlan(database.db, staff, YEAR, NOW), 'validation');
    await expectAppError(publishedPlan(database.db, YEAR), 'not_found');
    expect(await publishedPlanYears(database.db)).toEqual([]);
    expect((await plansToManage(database.db, staff)).map((p) => [p.year, p.publishedAt])).toEqual([
      [YEAR, null],
    ]);
    await expectAppError(plansToManage(database.db, roleCaller('funder')), 'forbidden');
    await decideService(database.db, staff, YEAR, decision(id('C Bestyrelseskursus'), 'no', '0', '0'), NOW);
    await expectAppError(publishPlan(database.db, roleCaller('funder'), YEAR, NOW), 'forbidden');
    await publishPlan(database.db, staff, YEAR, NOW);
    const published = await publishedPlan(database.db, YEAR);
    expect(
      published.services.map((s) => [s.titleDa[0], s.runs, s.plannedCourses, s.budgetDkk, s.reason]),
    ).toEqual([
      ['B', true, 3, 0, 'Efterspurgt af klyngerne'],
      ['A', true, 1, 0, 'Efterspurgt af klyngerne'],
      ['C', false, 0, 0, 'For lille efterspørgsel'],
    ]);
    const managed = await planToManage(database.db, staff, YEAR);
    expect(managed.services.map((s) => s.budgetDkk)).toEqual([400_000, 125_000, 0]);
    expect((await publishedPlanYears(database.db)).map((p) => p.year)).toEqual([YEAR]);
    await expectAppError(publishPlan(database.db, staff, YEAR, NOW), 'conflict');
    await expectAppError(
      decideService(database.db, staff, YEAR, decision(id('C Bestyrelseskursus'), 'yes', '1', '10'), NOW),
      'conflict',
    );
    await expectAppError(setDemandThreshold(database.db, staff, YEAR, { threshold: '3' }), 'conflict');
    const [audited] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where entity in ('support_plans', 'support_plan_services')`,
    );
    // The plan and its three services made, five threshold changes (setting 3 again changes nothing),
    // three decisions, one publication.
    expect(audited?.n).toBe(1 + 3 + 5 + 3 + 1);
  });
});
