import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import {
  addParticipants,
  asSystem,
  createSurveyCluster,
  type TestCompany,
  testCvr,
} from '../../../test/surveys/fixture.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { createJobQueue, type JobQueue } from '../../jobs/queue.ts';
import { createLogger } from '../../logger.ts';
import type { Caller } from '../caller.ts';
import { addPlatformAudience, addUploadedAudience } from './audiences.ts';
import { contactLists, deleteCompanyContacts, replaceCompanyContacts } from './contacts.ts';
import { managedSurvey, newSurveyChoices, surveyList, surveyOverview } from './listing.ts';
import { deleteQuestion, saveQuestion } from './questions.ts';
import { rawResponses } from './raw-data.ts';
import { surveyResults } from './results.ts';
import { remindNonRespondents, sendInvitations } from './sending.ts';
import {
  closeSurvey,
  createSurvey,
  newQuestionnaireVersion,
  publishSurvey,
  updateSurveySettings,
} from './surveys.ts';
import { optOutKeyOf } from './tokens.ts';

let database: Database;
let jobs: JobQueue;
let support: Caller & { email: string };
let supportOrg: string;
const NOW = new Date('2027-02-01T10:00:00Z');
const settings = (extra: Record<string, unknown> = {}) => ({
  titleDa: 'Testundersøgelse',
  titleEn: 'Test survey',
  anonymous: 'on',
  resultsAudience: 'owners',
  closesOn: '2027-03-31',
  ...extra,
});
const bytes = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  // Sending is queued; the refusals below come before anything is queued.
  jobs = createJobQueue(database, createLogger(config), config.jobs);
  const org = await createOrganisation(database.db, { kind: 'support_function' });
  supportOrg = org.id;
  support = await createCaller(database.db, 'support_staff', { organisationId: supportOrg });
});
afterAll(async () => {
  await database?.close();
});

describe(`a survey's life on ${testDriver()}`, () => {
  it('is created from a standard questionnaire as a draft whose questions can change', async () => {
    const id = await createSurvey(
      database.db,
      support,
      { ...settings(), start: 'template:event_evaluation' },
      NOW,
    );
    const survey = await managedSurvey(database.db, support, id);
    expect(survey.status).toBe('draft');
    expect(survey.versionNumber).toBe(1);
    expect(survey.purpose).toBe('event_evaluation');
    expect(survey.definition.questions.map((q) => q.key)).toEqual([
      'overall',
      'relevance',
      'new_contacts',
      'contacts_count',
      'recommend',
      'improve',
    ]);
    const key = await saveQuestion(database.db, support, id, null, {
      type: 'text',
      page: '2',
      textDa: 'Hvem mødte du?',
      textEn: 'Whom did you meet?',
      showIf: ['new_contacts:yes'],
    });
    expect(key).toBe('q7');
    await expectAppError(deleteQuestion(database.db, support, id, 'new_contacts'), 'conflict');
    await deleteQuestion(database.db, support, id, 'improve');
    expect((await managedSurvey(database.db, support, id)).definition.questions.map((q) => q.key)).toEqual([
      'overall',
      'relevance',
      'new_contacts',
      'contacts_count',
      'recommend',
      'q7',
    ]);
  });

  it('freezes its questionnaire version when published: no command and no SQL can change it', async () => {
    const id = await createSurvey(database.db, support, { ...settings(), start: 'template:needs' }, NOW);
    await publishSurvey(database.db, support, id, NOW);
    const survey = await managedSurvey(database.db, support, id);
    expect(survey.status).toBe('open');
    expect(survey.versionPublished).toBe(true);
    await expectAppError(
      saveQuestion(database.db, support, id, 'comments', {
        type: 'text',
        page: '2',
        textDa: 'X',
        textEn: 'X',
      }),
      'conflict',
    );
    await expectAppError(newQuestionnaireVersion(database.db, support, id), 'conflict');
    await expectAppError(publishSurvey(database.db, support, id, NOW), 'conflict');
    const change = asSystem(
      database.db,
      sql`update questionnaire_versions set definition = '{"questions":[]}' where id = ${survey.versionId}`,
    );
    const error = await change.then(
      () => null,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(error?.cause?.message ?? error?.message).toMatch(/published and cannot change/);
    await expectAppError(
      updateSurveySettings(database.db, support, id, settings({ anonymous: '' }), NOW),
      'conflict',
    );
    await updateSurveySettings(database.db, support, id, settings({ closesOn: '2027-04-30' }), NOW);
    await closeSurvey(database.db, support, id, NOW);
    await expectAppError(closeSurvey(database.db, support, id, NOW), 'conflict');
  });

  it('starts a later round from the published questionnaire and changes it in a new version', async () => {
    const first = await createSurvey(
      database.db,
      support,
      { ...settings(), start: 'template:company_effect' },
      NOW,
    );
    await publishSurvey(database.db, support, first, NOW);
    const firstVersion = await managedSurvey(database.db, support, first);
    const choices = await newSurveyChoices(database.db, support);
    expect(choices.owners.map((o) => o.id)).toEqual([supportOrg]);
    const offered = choices.questionnaires.find((q) => q.id === firstVersion.questionnaireId);
    expect(offered?.latestVersion).toBe(1);
    const second = await createSurvey(
      database.db,
      support,
      { ...settings(), start: `questionnaire:${firstVersion.questionnaireId}` },
      NOW,
    );
    expect((await managedSurvey(database.db, support, second)).versionId).toBe(firstVersion.versionId);
    await newQuestionnaireVersion(database.db, support, second);
    await deleteQuestion(database.db, support, second, 'hours');
    const changed = await managedSurvey(database.db, support, second);
    expect(changed.versionNumber).toBe(2);
    expect(changed.definition.questions.some((q) => q.key === 'hours')).toBe(false);
    const unchanged = await managedSurvey(database.db, support, first);
    expect(unchanged.definition.questions.some((q) => q.key === 'hours')).toBe(true);
  });

  it('refuses a closing date in the past, a survey without questions, and a mix of years', async () => {
    await expectAppError(
      createSurvey(database.db, support, { ...settings({ closesOn: '2027-01-31' }), start: 'blank' }, NOW),
      'validation',
    );
    await expectAppError(
      createSurvey(database.db, support, { ...settings({ coversFrom: '2025' }), start: 'blank' }, NOW),
      'validation',
    );
    const blank = await createSurvey(database.db, support, { ...settings(), start: 'blank' }, NOW);
    await expectAppError(publishSurvey(database.db, support, blank, NOW), 'validation');
  });
});

describe(`audiences from the platform and from lists on ${testDriver()}`, () => {
  let surveyId: string;
  let clusterA: string;
  let clusterB: string;
  let staffA: Caller;
  const companiesA: TestCompany[] = [];
  beforeAll(async () => {
    clusterA = await createSurveyCluster(database.db, {
      name: 'Audience A',
      league: 'world_class',
      municipalityCode: 851,
    });
    clusterB = await createSurveyCluster(database.db, { name: 'Audience B', contactEmail: null });
    staffA = await createCaller(database.db, 'cluster_staff', { organisationId: clusterA });
    for (let i = 0; i < 4; i++)
      companiesA.push({
        cvr: testCvr(),
        name: `Firma ${i}`,
        employees: [3, 20, 120, null][i] ?? null,
        municipalityCode: 461,
      });
    await addParticipants(database.db, clusterA, 2025, companiesA.slice(0, 3));
    await addParticipants(database.db, clusterA, 2024, companiesA.slice(3));
    await addParticipants(database.db, clusterB, 2025, companiesA.slice(0, 1));
    surveyId = await createSurvey(
      database.db,
      support,
      { ...settings(), start: 'template:company_effect' },
      NOW,
    );
  });

  it('lets a cluster supply contacts only for companies in its own activities, with the line of each problem', async () => {
    const stranger = testCvr();
    const bad = await replaceCompanyContacts(
      database.db,
      staffA,
      bytes(`cvr,email\n${companiesA[0]?.cvr},a@firma.dk\n${stranger},x@firma.dk\n`),
      NOW,
    );
    expect(bad).toEqual({
      saved: null,
      issues: [{ line: 3, column: 'cvr', value: stranger, code: 'notParticipant' }],
    });
    const csv = ['cvr;email;navn', ...companiesA.map((c, i) => `${c.cvr};kontakt${i}@firma.dk;Person ${i}`)];
    expect(await replaceCompanyContacts(database.db, staffA, bytes(`${csv.join('\n')}\n`), NOW)).toEqual({
      saved: 4,
      issues: [],
    });
    const [list] = await contactLists(database.db, staffA);
    expect(list?.contacts).toBe(4);
  });

  it('invites the participating companies of the years at their contacts, with region, size, cluster and league', async () => {
    const result = await addPlatformAudience(
      database.db,
      support,
      surveyId,
      { source: 'participating_companies', fromYear: '2025', toYear: '2025' },
      NOW,
    );
    // Three companies took part in 2025 with A (all have contacts); B has no contact for the one it shares.
    expect(result).toEqual({ added: 3, alreadyInvited: 0, optedOut: 0, withoutEmail: 0 });
    const rows = await queryRows<{
      email: string;
      region_code: number;
      size_band: string | null;
      league: string;
    }>(
      database.db,
      sql`select email, region_code, size_band, league from survey_invitations where survey_id = ${surveyId} order by email`,
    );
    expect(rows).toEqual([
      { email: 'kontakt0@firma.dk', region_code: 1083, size_band: 'micro', league: 'world_class' },
      { email: 'kontakt1@firma.dk', region_code: 1083, size_band: 'small', league: 'world_class' },
      { email: 'kontakt2@firma.dk', region_code: 1083, size_band: 'medium', league: 'world_class' },
    ]);
    const again = await addPlatformAudience(
      database.db,
      support,
      surveyId,
      { source: 'participating_companies', fromYear: '2024', toYear: '2025' },
      NOW,
    );
    expect(again).toEqual({ added: 1, alreadyInvited: 3, optedOut: 0, withoutEmail: 0 });
  });

  it('invites cluster organisations at their profile contact, counting those without one', async () => {
    const result = await addPlatformAudience(
      database.db,
      support,
      surveyId,
      { source: 'cluster_organisations' },
      NOW,
    );
    const [expected] = await queryRows<{ with_email: number; without: number }>(
      database.db,
      sql`select count(*) filter (where coalesce(contact_email, '') <> '')::int as with_email,
                 count(*) filter (where coalesce(contact_email, '') = '')::int as without
          from clusters where ended_on is null`,
    );
    expect(result.added).toBe(expected?.with_email);
    expect(result.withoutEmail).toBe(expected?.without);
    expect(result.withoutEmail).toBeGreaterThanOrEqual(1);
  });

  it('leaves out addresses that opted out, and refuses a list with problems as a whole', async () => {
    await asSystem(
      database.db,
      sql`insert into survey_opt_outs (email_hash) values (${optOutKeyOf('Nej.Tak@Example.dk')})`,
    );
    const refused = await addUploadedAudience(
      database.db,
      support,
      surveyId,
      bytes('email\nok@example.dk\nikke-en-adresse\n'),
    );
    expect(refused.result).toBeNull();
    expect(refused.issues).toEqual([{ line: 3, column: 'email', value: 'ikke-en-adresse', code: 'email' }]);
    const uploaded = await addUploadedAudience(
      database.db,
      support,
      surveyId,
      bytes(
        `email,cvr,name\nok@example.dk,,Ok\nnej.tak@example.dk,,Nej\nkontakt0@firma.dk,${companiesA[0]?.cvr},Igen\n`,
      ),
    );
    expect(uploaded.result).toEqual({ added: 1, alreadyInvited: 1, optedOut: 1, withoutEmail: 0 });
  });

  it('deletes a cluster’s contacts on request', async () => {
    expect(await deleteCompanyContacts(database.db, staffA)).toBe(4);
    expect((await contactLists(database.db, staffA))[0]?.contacts).toBe(0);
  });
});

describe(`rules: unauthorised callers are refused on ${testDriver()}`, () => {
  let surveyId: string;
  let funder: Caller;
  let clusterStaff: Caller;
  let otherSupport: Caller;
  beforeAll(async () => {
    surveyId = await createSurvey(database.db, support, { ...settings(), start: 'template:needs' }, NOW);
    funder = await createCaller(database.db, 'funder');
    clusterStaff = await createCaller(database.db, 'cluster_staff');
    otherSupport = await createCaller(database.db, 'support_staff');
  });

  it('refuses creating a survey for another organisation, and to those who run no surveys', async () => {
    await expectAppError(
      createSurvey(database.db, funder, { ...settings(), ownerId: supportOrg, start: 'blank' }, NOW),
      'forbidden',
    );
    await expectAppError(
      createSurvey(database.db, clusterStaff, { ...settings(), start: 'blank' }, NOW),
      'forbidden',
    );
    await expectAppError(newSurveyChoices(database.db, clusterStaff), 'forbidden');
    await expectAppError(surveyList(database.db, clusterStaff), 'forbidden');
  });

  it('refuses every command on a survey to staff of another organisation', async () => {
    for (const caller of [funder, otherSupport, clusterStaff]) {
      await expectAppError(updateSurveySettings(database.db, caller, surveyId, settings(), NOW), 'forbidden');
      await expectAppError(
        saveQuestion(database.db, caller, surveyId, null, {
          type: 'text',
          page: '1',
          textDa: 'A',
          textEn: 'A',
        }),
        'forbidden',
      );
      await expectAppError(deleteQuestion(database.db, caller, surveyId, 'comments'), 'forbidden');
      await expectAppError(publishSurvey(database.db, caller, surveyId, NOW), 'forbidden');
      await expectAppError(newQuestionnaireVersion(database.db, caller, surveyId), 'forbidden');
      await expectAppError(closeSurvey(database.db, caller, surveyId, NOW), 'forbidden');
      await expectAppError(
        addPlatformAudience(database.db, caller, surveyId, { source: 'cluster_organisations' }, NOW),
        'forbidden',
      );
      await expectAppError(
        addUploadedAudience(database.db, caller, surveyId, bytes('email\na@b.dk\n')),
        'forbidden',
      );
      await expectAppError(sendInvitations(database.db, jobs, caller, surveyId, NOW), 'forbidden');
      await expectAppError(remindNonRespondents(database.db, jobs, caller, surveyId, NOW), 'forbidden');
      await expectAppError(surveyOverview(database.db, caller, surveyId, NOW), 'forbidden');
      await expectAppError(managedSurvey(database.db, caller, surveyId), 'forbidden');
      await expectAppError(rawResponses(database.db, caller, surveyId), 'forbidden');
      await expectAppError(surveyResults(database.db, caller.principal, surveyId, {}), 'forbidden');
    }
    await expectAppError(surveyResults(database.db, null, surveyId, {}), 'unauthenticated');
  });

  it('lets funders read shared results (but not the raw data) and visitors public ones', async () => {
    await updateSurveySettings(database.db, support, surveyId, settings({ resultsAudience: 'funders' }), NOW);
    expect((await surveyResults(database.db, funder.principal, surveyId, {})).hidesSmallCells).toBe(true);
    await expectAppError(rawResponses(database.db, funder, surveyId), 'forbidden');
    await expectAppError(surveyResults(database.db, clusterStaff.principal, surveyId, {}), 'forbidden');
    await expectAppError(surveyResults(database.db, null, surveyId, {}), 'unauthenticated');
    await updateSurveySettings(database.db, support, surveyId, settings({ resultsAudience: 'public' }), NOW);
    expect((await surveyResults(database.db, null, surveyId, {})).hidesSmallCells).toBe(true);
    expect((await surveyResults(database.db, support.principal, surveyId, {})).hidesSmallCells).toBe(false);
  });

  it('refuses company contacts to anyone but the cluster’s own staff', async () => {
    const cluster = await createSurveyCluster(database.db, { name: 'Rules C' });
    for (const caller of [support, funder, clusterStaff]) {
      await expectAppError(
        replaceCompanyContacts(database.db, caller, bytes('cvr,email\n'), NOW, cluster),
        'forbidden',
      );
      await expectAppError(deleteCompanyContacts(database.db, caller, cluster), 'forbidden');
    }
    await expectAppError(contactLists(database.db, funder), 'forbidden');
  });

  it('lets a funder run its own surveys', async () => {
    const funderOrg = funder.principal.memberships[0]?.organisationId as string;
    const own = await createSurvey(
      database.db,
      funder,
      { ...settings(), start: 'template:event_evaluation' },
      NOW,
    );
    expect((await managedSurvey(database.db, funder, own)).ownerId).toBe(funderOrg);
    await expectAppError(managedSurvey(database.db, support, own), 'forbidden');
    const otherFunderOrg = (await createOrganisation(database.db, { kind: 'funder' })).id;
    await expectAppError(
      createSurvey(database.db, funder, { ...settings(), ownerId: otherFunderOrg, start: 'blank' }, NOW),
      'forbidden',
    );
  });
});
