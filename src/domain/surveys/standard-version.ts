import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { questionnaires, questionnaireVersions } from '../../db/schema/index.ts';
import type { QuestionnaireTemplate } from './templates.ts';

/**
 * The latest published version of the owner's questionnaire for the template's purpose, so a
 * round the system starts keeps the questions earlier rounds asked (and any the owner changed);
 * the standard one, made and published now, when the owner has none yet.
 */
export async function standardQuestionnaireVersion(
  tx: Tx,
  ownerId: string,
  template: QuestionnaireTemplate,
  now: Date,
): Promise<string> {
  const [latest] = await tx
    .select({ id: questionnaireVersions.id })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(
      and(
        eq(questionnaires.ownerId, ownerId),
        eq(questionnaires.purpose, template.purpose),
        isNotNull(questionnaireVersions.publishedAt),
      ),
    )
    .orderBy(desc(questionnaireVersions.publishedAt), desc(questionnaireVersions.number))
    .limit(1);
  if (latest) return latest.id;
  const [questionnaire] = await tx
    .insert(questionnaires)
    .values({ ownerId, name: template.name.da, purpose: template.purpose })
    .returning({ id: questionnaires.id });
  if (!questionnaire) throw new Error('questionnaire not inserted');
  const [version] = await tx
    .insert(questionnaireVersions)
    .values({
      questionnaireId: questionnaire.id,
      number: 1,
      definition: template.definition,
      publishedAt: now,
    })
    .returning({ id: questionnaireVersions.id });
  if (!version) throw new Error('questionnaire version not inserted');
  return version.id;
}
