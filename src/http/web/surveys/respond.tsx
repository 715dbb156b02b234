/**
 * The pages an invitee answers on, by the personal link in their e-mail and without signing
 * in: the start page, one page of questions at a time (saved as they go), check your answers,
 * the receipt, and opting out of survey e-mails. Plain form posts: no JavaScript needed.
 */
import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { type FormFields, fieldsOf, isVisible, resumePage } from '../../../domain/surveys/answers.ts';
import { inPageOrder } from '../../../domain/surveys/questionnaire.ts';
import {
  openInvitation,
  optOut,
  type RespondentView,
  saveAnswers,
  submitResponse,
} from '../../../domain/surveys/responding.ts';
import { surveyTitle } from '../../../domain/surveys/store.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import type { FieldErrors } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { respondMessages } from './respond.messages.ts';
import {
  AnswerPage,
  CheckPage,
  IntroPage,
  NoticePage,
  OptOutPage,
  ReceiptPage,
  type RespondView,
  SavedPage,
} from './views/respond.tsx';

const viewOf = (c: AppContext): RespondView => ({
  lang: c.get('lang'),
  t: respondMessages(c.get('lang')),
  token: c.req.param('token') ?? '',
});
const now = (c: AppContext) => c.get('deps').clock();

/** Runs a respondent page; an unknown link and a closed survey get pages of their own. */
async function respondent(c: AppContext, page: (view: RespondentView, v: RespondView) => Promise<Response>) {
  const v = viewOf(c);
  try {
    const view = await openInvitation(c.get('deps').db, v.token, now(c));
    if (!view.open) return closedPage(c, v);
    return await page(view, v);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found')
      return renderPage(
        c,
        v.t.notFoundTitle,
        () => <NoticePage title={v.t.notFoundTitle} text={v.t.notFoundText} />,
        404,
      );
    throw err;
  }
}

const closedPage = (c: AppContext, v: RespondView) =>
  renderPage(c, v.t.closedTitle, () => <NoticePage title={v.t.closedTitle} text={v.t.closedText} />, 410);

/** The pages from `page` on that show a question, given the answers so far. */
function pagesWithQuestions(view: RespondentView, answers = view.answers) {
  const questions = inPageOrder(view.survey.definition);
  return view.pages.filter((p) => questions.some((q) => q.page === p && isVisible(q, answers)));
}

function pageParam(c: AppContext, view: RespondentView): number | null {
  const raw = c.req.param('page') ?? '';
  const page = /^\d{1,2}$/.test(raw) ? Number(raw) : Number.NaN;
  return view.pages.includes(page) ? page : null;
}

async function startPage(c: AppContext) {
  return respondent(c, async (view, v) => {
    const resume = resumePage(view.survey.definition, view.answers) ?? view.pages[0] ?? 1;
    return renderPage(c, surveyTitle(view.survey, v.lang), () => (
      <IntroPage v={v} view={view} resumePage={resume} />
    ));
  });
}

function showPage(
  c: AppContext,
  view: RespondentView,
  v: RespondView,
  page: number,
  form: { fields: FormFields; errors: FieldErrors } | null,
) {
  const shown = pagesWithQuestions(view);
  const before = shown.filter((p) => p < page).at(-1);
  const questions = inPageOrder(view.survey.definition).filter(
    (q) => q.page === page && isVisible(q, view.answers),
  );
  return renderPage(
    c,
    surveyTitle(view.survey, v.lang),
    ({ csrfToken, m }) => (
      <AnswerPage
        v={v}
        view={view}
        page={page}
        questions={questions}
        fields={form?.fields ?? fieldsOf(view.survey.definition, view.answers)}
        errors={form?.errors ?? {}}
        previous={
          before === undefined
            ? pageHref('surveyAnswer', v.lang, { token: v.token })
            : pageHref('surveyAnswerPage', v.lang, { token: v.token, page: String(before) })
        }
        csrfToken={csrfToken}
        m={m}
      />
    ),
    form && Object.keys(form.errors).length > 0 ? 422 : 200,
  );
}

async function questionPage(c: AppContext) {
  return respondent(c, async (view, v) => {
    const page = pageParam(c, view);
    if (page === null) return c.notFound();
    if (view.responded && !view.editable)
      return c.redirect(pageHref('surveyAnswer', v.lang, { token: v.token }), 303);
    // A page whose questions are all hidden by earlier answers is skipped.
    if (!pagesWithQuestions(view).includes(page)) return c.redirect(nextPageHref(view, v, page), 303);
    return showPage(c, view, v, page, null);
  });
}

/** Where to go after a page: the next page with a question shown, else check your answers. */
function nextPageHref(view: RespondentView, v: RespondView, page: number): string {
  const next = pagesWithQuestions(view).find((p) => p > page);
  return next === undefined
    ? pageHref('surveyAnswerCheck', v.lang, { token: v.token })
    : pageHref('surveyAnswerPage', v.lang, { token: v.token, page: String(next) });
}

/** The posted fields: repeated ones (checkboxes) as lists, files and the form's own fields left out. */
async function postedFields(c: AppContext): Promise<{ fields: FormFields; intent: 'next' | 'later' }> {
  const body = await c.req.parseBody({ all: true });
  const fields: FormFields = {};
  for (const [name, value] of Object.entries(body)) {
    if (!name.startsWith('q-')) continue;
    const list = (Array.isArray(value) ? value : [value]).filter((x): x is string => typeof x === 'string');
    fields[name] = list.length === 1 ? (list[0] as string) : list;
  }
  return { fields, intent: body.intent === 'later' ? 'later' : 'next' };
}

async function savePage(c: AppContext) {
  return respondent(c, async (view, v) => {
    const page = pageParam(c, view);
    if (page === null) return c.notFound();
    const { fields, intent } = await postedFields(c);
    const saved = await saveAnswers(c.get('deps').db, v.token, page, fields, intent, now(c));
    if (saved.issues.length > 0)
      return showPage(c, view, v, page, {
        fields,
        errors: toFieldErrors(saved.issues, c.get('m'), v.t.errors),
      });
    const after = { ...view, answers: saved.answers };
    if (intent === 'later')
      return renderPage(c, v.t.savedTitle, () => <SavedPage v={v} view={after} page={page} />);
    return c.redirect(nextPageHref(after, v, page), 303);
  });
}

function showCheck(c: AppContext, view: RespondentView, v: RespondView, errors: FieldErrors = {}) {
  return renderPage(
    c,
    view.responded ? v.t.checkTitleSent : v.t.checkTitle,
    ({ csrfToken, m }) => <CheckPage v={v} view={view} errors={errors} csrfToken={csrfToken} m={m} />,
    Object.keys(errors).length > 0 ? 422 : 200,
  );
}

async function checkPage(c: AppContext) {
  return respondent(c, async (view, v) => {
    if (view.responded && !view.editable)
      return c.redirect(pageHref('surveyAnswer', v.lang, { token: v.token }), 303);
    return showCheck(c, view, v);
  });
}

async function submit(c: AppContext) {
  return respondent(c, async (view, v) => {
    const receipt = pageHref('surveyAnswerReceipt', v.lang, { token: v.token });
    if (view.responded) return c.redirect(receipt, 303);
    const result = await submitResponse(c.get('deps').db, v.token, now(c));
    if (result.issues.length > 0) {
      const errors = Object.fromEntries(result.issues.map((i) => [i.field, v.t.errors.required]));
      return showCheck(c, view, v, errors);
    }
    return c.redirect(receipt, 303);
  });
}

async function receipt(c: AppContext) {
  return respondent(c, async (view, v) => {
    if (!view.responded) return c.redirect(pageHref('surveyAnswer', v.lang, { token: v.token }), 303);
    return renderPage(c, v.t.receiptTitle, () => <ReceiptPage v={v} view={view} />);
  });
}

/** Opting out works after the survey closed too: it only stops e-mail. */
async function optOutPage(c: AppContext, post: boolean) {
  const v = viewOf(c);
  try {
    if (post) await optOut(c.get('deps').db, v.token, now(c));
    else await openInvitation(c.get('deps').db, v.token, now(c));
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found')
      return renderPage(
        c,
        v.t.notFoundTitle,
        () => <NoticePage title={v.t.notFoundTitle} text={v.t.notFoundText} />,
        404,
      );
    throw err;
  }
  const title = post ? v.t.optedOutTitle : v.t.optOutTitle;
  return renderPage(c, title, ({ csrfToken }) => <OptOutPage v={v} done={post} csrfToken={csrfToken} />);
}

export function registerRespondentPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'surveyAnswer', startPage);
  onPage(app, 'GET', 'surveyAnswerCheck', checkPage);
  onPage(app, 'POST', 'surveyAnswerCheck', submit);
  onPage(app, 'GET', 'surveyAnswerReceipt', receipt);
  onPage(app, 'GET', 'surveyOptOut', (c) => optOutPage(c, false));
  onPage(app, 'POST', 'surveyOptOut', (c) => optOutPage(c, true));
  onPage(app, 'GET', 'surveyAnswerPage', questionPage);
  onPage(app, 'POST', 'surveyAnswerPage', savePage);
}
