/**
 * Loading a survey with what its rules and pages need: owner, status, its questionnaire version
 * and that version's questions. Building blocks without a caller, used only inside this folder.
 */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { organisations, questionnaires, questionnaireVersions, surveys } from '../../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../reference/identifiers.ts';
import type { SurveyParties } from './policy.ts';
import { type QuestionnaireDefinition, type QuestionnairePurpose, readDefinition } from './questionnaire.ts';

export interface SurveyRecord extends SurveyParties {
  id: string;
  ownerName: string;
  titleDa: string;
  titleEn: string;
  anonymous: boolean;
  closesAt: Date;
  coversFrom: number | null;
  coversTo: number | null;
  publishedAt: Date | null;
  closedAt: Date | null;
  questionnaireId: string;
  questionnaireName: string;
  purpose: QuestionnairePurpose;
  versionId: string;
  versionNumber: number;
  versionPublished: boolean;
  definition: QuestionnaireDefinition;
}

/** The survey with its questionnaire version; `lock` holds its row for the rest of the transaction. */
export async function loadSurvey(
  q: Queryable,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<SurveyRecord> {
  if (!isUuid(id)) throw notFound('survey');
  const query = q
    .select({
      id: surveys.id,
      ownerId: surveys.ownerId,
      ownerName: organisations.name,
      status: surveys.status,
      resultsAudience: surveys.resultsAudience,
      titleDa: surveys.titleDa,
      titleEn: surveys.titleEn,
      anonymous: surveys.anonymous,
      closesAt: surveys.closesAt,
      coversFrom: surveys.coversFrom,
      coversTo: surveys.coversTo,
      publishedAt: surveys.publishedAt,
      closedAt: surveys.closedAt,
      questionnaireId: questionnaires.id,
      questionnaireName: questionnaires.name,
      purpose: questionnaires.purpose,
      versionId: questionnaireVersions.id,
      versionNumber: questionnaireVersions.number,
      versionPublishedAt: questionnaireVersions.publishedAt,
      definition: questionnaireVersions.definition,
    })
    .from(surveys)
    .innerJoin(organisations, eq(organisations.id, surveys.ownerId))
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, surveys.questionnaireVersionId))
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(eq(surveys.id, id));
  const [row] = opts.lock ? await query.for('update', { of: surveys }) : await query;
  if (!row) throw notFound('survey');
  const { versionPublishedAt, definition, purpose, ...rest } = row;
  return {
    ...rest,
    purpose: purpose as QuestionnairePurpose,
    versionPublished: versionPublishedAt !== null,
    definition: readDefinition(definition),
  };
}

/** The title in the page's language. */
export const surveyTitle = (s: Pick<SurveyRecord, 'titleDa' | 'titleEn'>, lang: 'da' | 'en') =>
  lang === 'da' ? s.titleDa : s.titleEn;
