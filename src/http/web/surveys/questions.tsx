/**
 * The question editor of a draft survey (list, add, change, delete) and the preview of its
 * questionnaire. The domain checks every change against the whole questionnaire.
 */
import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { managedSurvey } from '../../../domain/surveys/listing.ts';
import { questionsEditable } from '../../../domain/surveys/policy.ts';
import { formOfQuestion, type QuestionFields } from '../../../domain/surveys/question-form.ts';
import { deleteQuestion, saveQuestion } from '../../../domain/surveys/questions.ts';
import { surveyTitle } from '../../../domain/surveys/store.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import type { FieldErrors } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { editorMessages } from './editor.messages.ts';
import { surveyMessages } from './messages.ts';
import { respondMessages } from './respond.messages.ts';
import { PreviewPage } from './views/preview.tsx';
import { type EditorView, QuestionEditor, QuestionList } from './views/question-editor.tsx';

const viewOf = (c: AppContext): EditorView => ({ lang: c.get('lang'), t: editorMessages(c.get('lang')) });
const idOf = (c: AppContext) => c.req.param('id') ?? '';
const keyOf = (c: AppContext) => c.req.param('key') ?? null;

async function list(c: AppContext) {
  const survey = await managedSurvey(c.get('deps').db, callerOf(c), idOf(c));
  const v = viewOf(c);
  return renderPage(c, v.t.title, ({ csrfToken }) => (
    <QuestionList
      v={v}
      survey={survey}
      editable={questionsEditable(survey.status, survey.versionPublished)}
      csrfToken={csrfToken}
    />
  ));
}

async function editor(c: AppContext, form?: { fields: QuestionFields; errors: FieldErrors }) {
  const survey = await managedSurvey(c.get('deps').db, callerOf(c), idOf(c));
  const key = keyOf(c);
  const question = key === null ? null : survey.definition.questions.find((q) => q.key === key);
  if (question === undefined) throw new AppError('not_found', 'question not found');
  const v = viewOf(c);
  const action =
    key === null
      ? pageHref('surveyQuestionNew', v.lang, { id: survey.id })
      : pageHref('surveyQuestion', v.lang, { id: survey.id, key });
  const fields =
    form?.fields ?? (question ? formOfQuestion(question) : { type: 'single', page: '1', required: 'on' });
  return renderPage(
    c,
    key === null ? v.t.newTitle : v.t.editTitle,
    ({ csrfToken, m }) => (
      <QuestionEditor
        v={v}
        survey={survey}
        action={action}
        questionKey={key}
        fields={fields}
        errors={form?.errors ?? {}}
        csrfToken={csrfToken}
        m={m}
      />
    ),
    form ? 422 : 200,
  );
}

/** The posted fields: checkboxes of skip logic as a list, everything else as text. */
async function postedFields(c: AppContext): Promise<QuestionFields> {
  const body = await c.req.parseBody({ all: true });
  const fields: QuestionFields = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === '_csrf') continue;
    const list = (Array.isArray(value) ? value : [value]).filter((x): x is string => typeof x === 'string');
    fields[name] = name === 'showIf' ? list : (list[0] ?? '');
  }
  return fields;
}

async function save(c: AppContext) {
  const fields = await postedFields(c);
  try {
    await saveQuestion(c.get('deps').db, callerOf(c), idOf(c), keyOf(c), fields);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation')
      return editor(c, { fields, errors: toFieldErrors(err.issues, c.get('m'), viewOf(c).t.errors) });
    throw err;
  }
  return c.redirect(pageHref('surveyQuestions', c.get('lang'), { id: idOf(c) }), 303);
}

async function remove(c: AppContext) {
  await deleteQuestion(c.get('deps').db, callerOf(c), idOf(c), keyOf(c) ?? '');
  return c.redirect(pageHref('surveyQuestions', c.get('lang'), { id: idOf(c) }), 303);
}

async function preview(c: AppContext) {
  const survey = await managedSurvey(c.get('deps').db, callerOf(c), idOf(c));
  const lang = c.get('lang');
  const t = surveyMessages(lang);
  return renderPage(c, t.previewTitle(surveyTitle(survey, lang)), () => (
    <PreviewPage survey={survey} lang={lang} t={t} respond={respondMessages(lang)} />
  ));
}

export function registerQuestionPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'surveyQuestions', list);
  onPage(app, 'GET', 'surveyQuestionNew', (c) => editor(c));
  onPage(app, 'POST', 'surveyQuestionNew', save);
  onPage(app, 'POST', 'surveyQuestionDelete', remove);
  onPage(app, 'GET', 'surveyQuestion', (c) => editor(c));
  onPage(app, 'POST', 'surveyQuestion', save);
  onPage(app, 'GET', 'surveyPreview', preview);
}
