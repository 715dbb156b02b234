import {
  inPageOrder,
  pagesOf,
  type Question,
  type QuestionnaireDefinition,
} from '../../../../domain/surveys/questionnaire.ts';
import { type SurveyRecord, surveyTitle } from '../../../../domain/surveys/store.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import type { SurveyMessages } from '../messages.ts';
import type { RespondMessages } from '../respond.messages.ts';
import { QuestionField } from './question-field.tsx';

/** What the skip logic of a question says, in words. */
function conditionNote(
  q: Question,
  def: QuestionnaireDefinition,
  lang: Lang,
  t: SurveyMessages,
): string | undefined {
  if (!q.showIf) return undefined;
  const condition = def.questions.find((c) => c.key === q.showIf?.question);
  if (!condition) return undefined;
  const label = (key: string) =>
    'options' in condition ? (condition.options.find((o) => o.key === key)?.label[lang] ?? key) : key;
  return t.shownIf(condition.text[lang], q.showIf.anyOf.map(label).join(', '));
}

/** Every page of the questionnaire as a respondent sees it, with the skip logic written out. */
export function PreviewPage(p: {
  survey: SurveyRecord;
  lang: Lang;
  t: SurveyMessages;
  respond: RespondMessages;
}) {
  const { survey, lang, t } = p;
  const def = survey.definition;
  const questions = inPageOrder(def);
  return (
    <>
      <h1>{t.previewTitle(surveyTitle(survey, lang))}</h1>
      <p class="font-lead">{t.previewIntro}</p>
      {questions.length === 0 && <p>{t.noQuestionsYet}</p>}
      {pagesOf(def).map((page) => (
        <section class="survey-preview-page" aria-labelledby={`preview-page-${page}`}>
          <h2 id={`preview-page-${page}`}>{t.previewPage(page)}</h2>
          {questions
            .filter((q) => q.page === page)
            .map((q) => (
              <QuestionField
                q={q}
                lang={lang}
                fields={{}}
                t={p.respond}
                note={conditionNote(q, def, lang, t)}
              />
            ))}
        </section>
      ))}
      <p class="mt-7">
        <a href={pageHref('survey', lang, { id: survey.id })}>{t.back}</a>
      </p>
    </>
  );
}
