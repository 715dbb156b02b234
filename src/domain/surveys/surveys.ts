/**
 * A survey's life: created from a standard or earlier questionnaire, its settings edited while
 * it is a draft, published (its questionnaire version frozen, its links opened), given a new
 * version of its questions before anything is sent, and closed. Each command takes the caller
 * and checks the rules itself.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { organisations, questionnaires, questionnaireVersions, surveys } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { danishTimeToInstant } from '../content/time.ts';
import { AppError, forbidden, notFound, parseInput } from '../errors.ts';
import { authorizeSurvey, surveyOwnerOrganisations, surveyRules } from './policy.ts';
import { type QuestionnaireDefinition, questionnaireDefinition } from './questionnaire.ts';
import { newSurveyInput, type SurveySettings, type SurveyStart, surveySettingsInput } from './schemas.ts';
import { loadSurvey } from './store.ts';
import { TEMPLATES } from './templates.ts';

const conflict = (message: string) => new AppError('conflict', message);
const invalid = (field: string, message: string) =>
  new AppError('validation', 'Invalid input', [{ field, message }]);

/** The closing moment of a closing date: the end of that day in Denmark (23:59). */
function closingOf(settings: SurveySettings, now: Date): Date {
  const closesAt = danishTimeToInstant(settings.closesOn, '23:59');
  if (!closesAt) throw invalid('closesOn', 'invalidDate');
  if (closesAt <= now) throw invalid('closesOn', 'past');
  return closesAt;
}

const settingsColumns = (settings: SurveySettings, closesAt: Date) => ({
  titleDa: settings.titleDa,
  titleEn: settings.titleEn,
  anonymous: settings.anonymous,
  resultsAudience: settings.resultsAudience,
  closesAt,
  coversFrom: settings.coversFrom,
  coversTo: settings.coversTo,
});

/** The organisation a new survey is for: the one the input names, else the caller's first. */
function requestedOwner(caller: Caller, input: unknown): string {
  const named = (input as { ownerId?: unknown } | null)?.ownerId;
  const owner =
    typeof named === 'string' && named !== '' ? named : surveyOwnerOrganisations(caller.principal)[0];
  if (!owner || !surveyRules.manage(caller.principal, { ownerId: owner }))
    throw forbidden('Not allowed: surveys.manage');
  return owner;
}

/** The questionnaire version a new survey uses: a new questionnaire's first draft, or an earlier one's latest published version. */
async function startingVersion(tx: Tx, caller: Caller, ownerId: string, start: SurveyStart, name: string) {
  if (start.kind === 'questionnaire') {
    const [latest] = await tx
      .select({ id: questionnaireVersions.id, ownerId: questionnaires.ownerId })
      .from(questionnaireVersions)
      .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
      .where(and(eq(questionnaires.id, start.questionnaireId), isNotNull(questionnaireVersions.publishedAt)))
      .orderBy(desc(questionnaireVersions.number))
      .limit(1);
    if (!latest) throw invalid('start', 'start');
    if (!surveyRules.manage(caller.principal, { ownerId: latest.ownerId }))
      throw forbidden('Not allowed: surveys.manage');
    return latest.id;
  }
  const template = start.kind === 'template' ? TEMPLATES[start.template] : null;
  const [questionnaire] = await tx
    .insert(questionnaires)
    .values({ ownerId, name: template ? template.name.da : name, purpose: template?.purpose ?? 'general' })
    .returning({ id: questionnaires.id });
  if (!questionnaire) throw new Error('questionnaire not inserted');
  const definition: QuestionnaireDefinition = template?.definition ?? { questions: [] };
  const [version] = await tx
    .insert(questionnaireVersions)
    .values({ questionnaireId: questionnaire.id, number: 1, definition })
    .returning({ id: questionnaireVersions.id });
  if (!version) throw new Error('questionnaire version not inserted');
  return version.id;
}

/** Creates a draft survey for one of the caller's organisations; returns its id. */
export async function createSurvey(db: Db, caller: Caller, input: unknown, now: Date): Promise<string> {
  const ownerId = requestedOwner(caller, input);
  const data = parseInput(newSurveyInput, input);
  const closesAt = closingOf(data, now);
  return withActor(db, caller.actor, async (tx) => {
    const [owner] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, ownerId));
    if (!owner) throw notFound('organisation');
    const versionId = await startingVersion(tx, caller, ownerId, data.start, data.titleDa);
    const [row] = await tx
      .insert(surveys)
      .values({
        ownerId,
        questionnaireVersionId: versionId,
        ...settingsColumns(data, closesAt),
        createdAt: now,
      })
      .returning({ id: surveys.id });
    if (!row) throw new Error('survey not inserted');
    return row.id;
  });
}

/** Changes a survey's settings while it is not closed; anonymity is fixed once it is published. */
export async function updateSurveySettings(
  db: Db,
  caller: Caller,
  surveyId: string,
  input: unknown,
  now: Date,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const survey = await loadSurvey(tx, surveyId, { lock: true });
    authorizeSurvey(caller.principal, 'manage', survey);
    const data = parseInput(surveySettingsInput, input);
    const closesAt = closingOf(data, now);
    if (survey.status === 'closed') throw conflict('The survey is closed');
    // Invitations promised one or the other: anonymity is fixed once the survey is published.
    if (survey.status === 'open' && data.anonymous !== survey.anonymous)
      throw conflict('Anonymity cannot change once a survey is published');
    await tx.update(surveys).set(settingsColumns(data, closesAt)).where(eq(surveys.id, surveyId));
  });
}

/**
 * Publishes a draft survey: its questionnaire version is frozen (a database trigger keeps it so)
 * and its links start to work. Needs at least one question and a closing time ahead.
 */
export async function publishSurvey(db: Db, caller: Caller, surveyId: string, now: Date): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const survey = await loadSurvey(tx, surveyId, { lock: true });
    authorizeSurvey(caller.principal, 'manage', survey);
    if (survey.status !== 'draft') throw conflict('The survey is already published');
    if (survey.definition.questions.length === 0) throw invalid('questions', 'noQuestions');
    if (!questionnaireDefinition.safeParse(survey.definition).success)
      throw invalid('questions', 'inconsistent');
    if (survey.closesAt <= now) throw invalid('closesOn', 'past');
    if (!survey.versionPublished)
      await tx
        .update(questionnaireVersions)
        .set({ publishedAt: now })
        .where(eq(questionnaireVersions.id, survey.versionId));
    await tx.update(surveys).set({ status: 'open', publishedAt: now }).where(eq(surveys.id, surveyId));
  });
}

/**
 * Gives a draft survey whose questionnaire version is published (an earlier round's) a new
 * draft version with the same questions, to change them: the published one stays as it was.
 */
export async function newQuestionnaireVersion(db: Db, caller: Caller, surveyId: string): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const survey = await loadSurvey(tx, surveyId, { lock: true });
    authorizeSurvey(caller.principal, 'manage', survey);
    if (survey.status !== 'draft') throw conflict('A published survey keeps its questions');
    if (!survey.versionPublished) throw conflict('The questions can already be changed');
    const [last] = await tx
      .select({ number: questionnaireVersions.number })
      .from(questionnaireVersions)
      .where(eq(questionnaireVersions.questionnaireId, survey.questionnaireId))
      .orderBy(desc(questionnaireVersions.number))
      .limit(1);
    const [version] = await tx
      .insert(questionnaireVersions)
      .values({
        questionnaireId: survey.questionnaireId,
        number: (last?.number ?? 0) + 1,
        definition: survey.definition,
      })
      .returning({ id: questionnaireVersions.id });
    if (!version) throw new Error('questionnaire version not inserted');
    await tx.update(surveys).set({ questionnaireVersionId: version.id }).where(eq(surveys.id, surveyId));
  });
}

/** Closes an open survey: its links stop working and no more answers are taken. */
export async function closeSurvey(db: Db, caller: Caller, surveyId: string, now: Date): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const survey = await loadSurvey(tx, surveyId, { lock: true });
    authorizeSurvey(caller.principal, 'manage', survey);
    if (survey.status !== 'open') throw conflict('Only an open survey can be closed');
    await tx.update(surveys).set({ status: 'closed', closedAt: now }).where(eq(surveys.id, surveyId));
  });
}
