/**
 * Editing a draft survey's questions, one at a time (the editor's form), always checked as a
 * whole questionnaire: a change that breaks another question's skip logic is refused.
 */
import { eq } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db } from '../../db/client.ts';
import { questionnaireVersions } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import { authorizeSurvey, questionsEditable } from './policy.ts';
import { nextQuestionKey, type QuestionFields, questionFromForm } from './question-form.ts';
import { type QuestionnaireDefinition, questionnaireDefinition } from './questionnaire.ts';
import { loadSurvey } from './store.ts';

/** Loads the survey for an edit of its questions, applies `change`, checks and stores the result. */
async function changeQuestions(
  db: Db,
  caller: Caller,
  surveyId: string,
  change: (def: QuestionnaireDefinition) => QuestionnaireDefinition,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const survey = await loadSurvey(tx, surveyId, { lock: true });
    authorizeSurvey(caller.principal, 'manage', survey);
    if (!questionsEditable(survey.status, survey.versionPublished))
      throw new AppError('conflict', 'These questions are published: make a new version to change them');
    const checked = questionnaireDefinition.safeParse(change(survey.definition));
    if (!checked.success)
      throw new AppError(
        'validation',
        'The questions do not fit together',
        checked.error.issues.map((i) => ({
          field: 'questions',
          message: i.message.split(':')[0] ?? 'invalid',
        })),
      );
    await tx
      .update(questionnaireVersions)
      .set({ definition: checked.data })
      .where(eq(questionnaireVersions.id, survey.versionId));
  });
}

/**
 * Adds a question (`key` null) or changes one, from the editor's fields. A changed question
 * keeps its place; a new one goes last. Returns the question's key.
 */
export async function saveQuestion(
  db: Db,
  caller: Caller,
  surveyId: string,
  key: string | null,
  fields: QuestionFields,
): Promise<string> {
  let saved = key ?? '';
  await changeQuestions(db, caller, surveyId, (def) => {
    if (key !== null && !def.questions.some((q) => q.key === key)) throw notFound('question');
    saved = key ?? nextQuestionKey(def);
    const others = { questions: def.questions.filter((q) => q.key !== saved) };
    const question = questionFromForm(fields, saved, others);
    return {
      questions:
        key === null
          ? [...def.questions, question]
          : def.questions.map((q) => (q.key === key ? question : q)),
    };
  });
  return saved;
}

/** Removes a question; refused while another question's skip logic depends on it. */
export async function deleteQuestion(db: Db, caller: Caller, surveyId: string, key: string): Promise<void> {
  await changeQuestions(db, caller, surveyId, (def) => {
    if (!def.questions.some((q) => q.key === key)) throw notFound('question');
    if (def.questions.some((q) => q.showIf?.question === key))
      throw new AppError('conflict', 'Another question is shown depending on this one');
    return { questions: def.questions.filter((q) => q.key !== key) };
  });
}
