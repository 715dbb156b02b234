import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { createDeps, type Deps } from '../../src/deps.ts';
import { startCompanyEffectRound } from '../../src/domain/surveys/effect-rounds.ts';
import { createSurvey } from '../../src/domain/surveys/surveys.ts';
import { runCompanyEffectRound } from '../../src/jobs/company-effect-survey.ts';
import { createLogger } from '../../src/logger.ts';
import { createCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation } from '../support/factories.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { addParticipants, asSystem, createSurveyCluster, type TestCompany, testCvr } from './fixture.ts';

/*
 * The company effect survey round starts itself in a sending year (2026: the demo's 2024 round
 * plus two) from 1 April, for the companies of 2024-2025 with a contact their cluster supplied,
 * and its invitations go out through the job queue to a real SMTP server.
 */

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let deps: Deps;
let now = new Date();
let supportId: string;
/** The addresses the 2026 round must invite, worked out from the fixture by hand. */
let expected: string[];

const company = (name: string): TestCompany => ({
  cvr: testCvr(),
  name,
  employees: 12,
  municipalityCode: 101,
});

async function supplyContact(clusterId: string, cvr: string, email: string, suppliedAt: string) {
  await asSystem(
    database.db,
    sql`insert into company_contacts (cluster_id, cvr, email, supplied_at)
        values (${clusterId}, ${cvr}, ${email}, ${suppliedAt}::timestamptz)`,
  );
}

/** One run at `at` (an instant), as the daily job does, waiting for the mails it queued. */
async function runAt(at: string) {
  now = new Date(at);
  const result = await runCompanyEffectRound(deps, now);
  await deps.jobs.idle();
  return result;
}

const effectSurveys = () =>
  queryRows<{
    id: string;
    owner_id: string;
    covers_from: number;
    covers_to: number;
    status: string;
    results_audience: string;
    closes_at: Date | string;
  }>(
    database.db,
    sql`select s.id, s.owner_id, s.covers_from, s.covers_to, s.status::text, s.results_audience::text, s.closes_at
        from surveys s join questionnaire_versions v on v.id = s.questionnaire_version_id
        join questionnaires q on q.id = v.questionnaire_id where q.purpose = 'company_effect'`,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://klynge.example' });
  deps = createDeps(config, database, createLogger(config), { mailer: smtp.mailer, clock: () => now });
  await deps.jobs.start();
  // The admin callers get a support function too: the round's owner is the first by name.
  supportId = (await createOrganisation(database.db, { kind: 'support_function', name: '0 Supportfunktion' }))
    .id;
  const a = await createSurveyCluster(database.db, { name: 'Effektklynge A' });
  const b = await createSurveyCluster(database.db, { name: 'Effektklynge B' });
  const [in2024, in2025, inBoth, in2023, noContact] = ['2024', '2025', 'Begge', '2023', 'Uden'].map((n) =>
    company(`Virksomhed ${n}`),
  ) as [TestCompany, TestCompany, TestCompany, TestCompany, TestCompany];
  await addParticipants(database.db, a, 2024, [in2024, inBoth]);
  await addParticipants(database.db, b, 2025, [in2025, inBoth, noContact]);
  await addParticipants(database.db, a, 2023, [in2023]);
  await supplyContact(a, in2024.cvr, 'a2024@effekt.example', '2026-01-10T09:00:00Z');
  await supplyContact(b, in2025.cvr, 'b2025@effekt.example', '2026-01-10T09:00:00Z');
  // Both clusters supplied one for the company in both years: the later one is used.
  await supplyContact(a, inBoth.cvr, 'gammel@effekt.example', '2026-01-05T09:00:00Z');
  await supplyContact(b, inBoth.cvr, 'ny@effekt.example', '2026-02-05T09:00:00Z');
  // Took part only in 2023: outside the round's years.
  await supplyContact(a, in2023.cvr, 'a2023@effekt.example', '2026-01-10T09:00:00Z');
  expected = ['a2024@effekt.example', 'b2025@effekt.example', 'ny@effekt.example'];
});
afterAll(async () => {
  await deps?.jobs.stop();
  await database?.close();
  await smtp?.close();
});

describe(`company effect survey rounds (${testDriver()})`, () => {
  it('refuses a caller that is not the system', async () => {
    const admin = await createCaller(database.db, 'admin');
    await expect(
      startCompanyEffectRound(deps, admin, '2026-04-01', new Date('2026-04-01T06:00:00Z')),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await effectSurveys()).toEqual([]);
  });

  it('does nothing before 1 April of a sending year', async () => {
    expect(await runAt('2026-03-31T06:00:00Z')).toEqual({ created: false, invited: 0 });
    expect(await effectSurveys()).toEqual([]);
  });

  it('on 1 April starts one public round for the two previous years and mails each company once', async () => {
    // 06:00 UTC is 08:00 in Denmark on 1 April (summer time).
    expect(await runAt('2026-04-01T06:00:00Z')).toEqual({ created: true, invited: 3 });
    const [survey, ...others] = await effectSurveys();
    expect(others).toEqual([]);
    expect(survey).toMatchObject({
      owner_id: supportId,
      covers_from: 2024,
      covers_to: 2025,
      status: 'open',
      results_audience: 'public',
    });
    // Six weeks later, at the end of the Danish day (23:59 CEST is 21:59 UTC).
    expect(new Date(survey?.closes_at as string).toISOString()).toBe('2026-05-13T21:59:00.000Z');
    const invited = await queryRows<{ email: string; sent: boolean }>(
      database.db,
      sql`select email, sent_at is not null as sent from survey_invitations where survey_id = ${survey?.id} order by email`,
    );
    expect(invited).toEqual(expected.map((email) => ({ email, sent: true })));
    for (const email of expected) expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
    expect(smtp.received).toHaveLength(3);
  });

  it('starts nothing more later in the year nor in an off year', async () => {
    expect(await runAt('2026-04-02T06:00:00Z')).toEqual({ created: false, invited: 0 });
    expect(await runAt('2027-04-01T06:00:00Z')).toEqual({ created: false, invited: 0 });
    expect(await effectSurveys()).toHaveLength(1);
    expect(smtp.received).toHaveLength(3);
  });

  it('counts a round made by hand for the years as the round', async () => {
    const staff = await createCaller(database.db, 'support_staff', { organisationId: supportId });
    const made = new Date('2028-02-01T09:00:00Z');
    const settings = {
      titleDa: 'Virksomhedsundersøgelsen 2028 (manuel)',
      titleEn: 'Company survey 2028 (by hand)',
      anonymous: 'on',
      resultsAudience: 'public',
      closesOn: '2028-06-30',
      coversFrom: '2026',
      coversTo: '2027',
      start: 'template:company_effect',
    };
    await createSurvey(database.db, staff, settings, made);
    expect(await runAt('2028-04-01T06:00:00Z')).toEqual({ created: false, invited: 0 });
    expect(await effectSurveys()).toHaveLength(2);
  });

  it('rejects a day that does not exist', async () => {
    await expect(runCompanyEffectRound(deps, now, '2026-02-30')).rejects.toMatchObject({
      code: 'validation',
    });
  });
});
