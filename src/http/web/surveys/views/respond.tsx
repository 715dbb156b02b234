import { copenhagenDate } from '../../../../domain/reference/time.ts';
import { type Answers, type FormFields, isVisible } from '../../../../domain/surveys/answers.ts';
import { inPageOrder, type Question, SCALE_STEPS } from '../../../../domain/surveys/questionnaire.ts';
import type { RespondentView } from '../../../../domain/surveys/responding.ts';
import { surveyTitle } from '../../../../domain/surveys/store.ts';
import { formatDate, type Messages } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { Alert, ErrorSummary, type FieldErrors } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { RespondMessages } from '../respond.messages.ts';
import { QuestionField } from './question-field.tsx';

export interface RespondView {
  lang: Lang;
  t: RespondMessages;
  token: string;
}

export const closingDay = (view: RespondentView, lang: Lang) =>
  formatDate(copenhagenDate(view.survey.closesAt), lang);

function Heading({ v, view }: { v: RespondView; view: RespondentView }) {
  return (
    <>
      <h1>{surveyTitle(view.survey, v.lang)}</h1>
      <p class="font-lead">{v.t.from(view.survey.ownerName)}</p>
    </>
  );
}

function OptOutLink({ v }: { v: RespondView }) {
  return (
    <p class="mt-7">
      <a href={pageHref('surveyOptOut', v.lang, { token: v.token })}>{v.t.optOutLink}</a>
    </p>
  );
}

/** The link's first page: who asks, how it is stored, until when; or that it was answered. */
export function IntroPage({
  v,
  view,
  resumePage,
}: {
  v: RespondView;
  view: RespondentView;
  resumePage: number;
}) {
  const { t, lang, token } = v;
  const until = closingDay(view, lang);
  if (view.responded)
    return (
      <>
        <Heading v={v} view={view} />
        <Alert variant="success" heading={t.answeredTitle}>
          {view.editable ? t.answeredEditable(until) : t.answeredElsewhere}
        </Alert>
        {view.editable && (
          <p>
            <a class="button button-primary" href={pageHref('surveyAnswerCheck', lang, { token })}>
              {t.reviewAnswers}
            </a>
          </p>
        )}
        <OptOutLink v={v} />
      </>
    );
  const started = Object.keys(view.answers).length > 0;
  return (
    <>
      <Heading v={v} view={view} />
      {view.optedOut && <Alert variant="info">{t.optedOutNote}</Alert>}
      <p>{view.survey.anonymous ? t.anonymous : t.named}</p>
      <p>{t.pages(view.pages.length)}</p>
      <p>{t.closes(until)}</p>
      <p>{t.saveNote}</p>
      <p>
        <a
          class="button button-primary"
          href={pageHref('surveyAnswerPage', lang, { token, page: String(resumePage) })}
        >
          {started ? t.continue : t.start}
        </a>
      </p>
      <OptOutLink v={v} />
    </>
  );
}

/** One page of questions, as a form that works without JavaScript. */
export function AnswerPage(p: {
  v: RespondView;
  view: RespondentView;
  page: number;
  questions: readonly Question[];
  fields: FormFields;
  errors: FieldErrors;
  previous: string | null;
  csrfToken: string;
  m: Messages;
}) {
  const { t, lang, token } = p.v;
  const index = p.view.pages.indexOf(p.page) + 1;
  return (
    <>
      <ErrorSummary m={p.m} errors={p.errors} />
      <span class="form-hint">{t.pageOf(index, p.view.pages.length)}</span>
      <Heading v={p.v} view={p.view} />
      <form
        method="post"
        action={pageHref('surveyAnswerPage', lang, { token, page: String(p.page) })}
        novalidate
      >
        <CsrfField token={p.csrfToken} />
        {p.questions.map((q) => (
          <QuestionField q={q} lang={lang} fields={p.fields} error={p.errors[`q-${q.key}`]} t={t} />
        ))}
        <div class="form-actions">
          <button type="submit" name="intent" value="next" class="button button-primary">
            {t.next}
          </button>
          {!p.view.responded && (
            <button type="submit" name="intent" value="later" class="button button-secondary">
              {t.later}
            </button>
          )}
        </div>
      </form>
      {p.previous && (
        <p class="mt-5">
          <a href={p.previous}>{t.back}</a>
        </p>
      )}
    </>
  );
}

export function SavedPage({ v, view, page }: { v: RespondView; view: RespondentView; page: number }) {
  const { t, lang, token } = v;
  return (
    <>
      <Heading v={v} view={view} />
      <Alert variant="success" heading={t.savedTitle}>
        {t.savedText}
      </Alert>
      <p>{t.closes(closingDay(view, lang))}</p>
      <p>
        <a href={pageHref('surveyAnswerPage', lang, { token, page: String(page) })}>{t.savedContinue}</a>
      </p>
    </>
  );
}

/** An answer as text: the chosen options' labels, the number, the text, a matrix row by row. */
function answerText(q: Question, answers: Answers, lang: Lang, t: RespondMessages): string[] {
  const value = answers[q.key];
  if (value === undefined) return [t.notAnswered];
  const label = (key: string) =>
    'options' in q ? (q.options.find((o) => o.key === key)?.label[lang] ?? key) : key;
  if (q.type === 'matrix' && typeof value === 'object' && !Array.isArray(value))
    return q.rows
      .filter((r) => value[r.key])
      .map((r) => `${r.label[lang]}: ${label(value[r.key] as string)}`);
  if (Array.isArray(value)) return [value.map(label).join(', ')];
  if (q.type === 'scale')
    return [
      t.scaleStep(
        String(value),
        value === SCALE_STEPS[0] ? q.low[lang] : value === SCALE_STEPS[4] ? q.high[lang] : null,
      ),
    ];
  return [typeof value === 'string' ? label(value) : ''];
}

/** Check your answers: every shown question with its answer and a link to change it, then send. */
export function CheckPage(p: {
  v: RespondView;
  view: RespondentView;
  errors: FieldErrors;
  csrfToken: string;
  m: Messages;
}) {
  const { t, lang, token } = p.v;
  const shown = inPageOrder(p.view.survey.definition).filter((q) => isVisible(q, p.view.answers));
  const sent = p.view.responded;
  return (
    <>
      <ErrorSummary m={p.m} errors={p.errors} />
      <h1>{sent ? t.checkTitleSent : t.checkTitle}</h1>
      <p class="font-lead">{surveyTitle(p.view.survey, lang)}</p>
      <p>{sent ? t.checkIntroSent(closingDay(p.view, lang)) : t.checkIntro}</p>
      <dl class="summary-list survey-answers">
        {shown.map((q) => (
          <>
            <dt id={`q-${q.key}`}>{q.text[lang]}</dt>
            <dd>
              {answerText(q, p.view.answers, lang, t).map((line) => (
                <span class="d-block">{line}</span>
              ))}
              <a
                href={pageHref('surveyAnswerPage', lang, { token, page: String(q.page) })}
                aria-label={t.changeAnswer(q.text[lang])}
              >
                {t.change}
              </a>
            </dd>
          </>
        ))}
      </dl>
      {sent ? (
        <p>
          <a class="button button-primary" href={pageHref('surveyAnswerReceipt', lang, { token })}>
            {t.done}
          </a>
        </p>
      ) : (
        <form method="post" action={pageHref('surveyAnswerCheck', lang, { token })}>
          <CsrfField token={p.csrfToken} />
          <button type="submit" class="button button-primary">
            {t.submit}
          </button>
        </form>
      )}
    </>
  );
}

export function ReceiptPage({ v, view }: { v: RespondView; view: RespondentView }) {
  const { t, lang } = v;
  return (
    <>
      <h1>{t.receiptTitle}</h1>
      <Alert variant="success">{t.receiptText}</Alert>
      <p class="font-lead">{surveyTitle(view.survey, lang)}</p>
      {view.survey.anonymous && <p>{t.receiptAnonymous}</p>}
      <p>{t.receiptChange(closingDay(view, lang))}</p>
    </>
  );
}

export function OptOutPage({ v, done, csrfToken }: { v: RespondView; done: boolean; csrfToken: string }) {
  const { t, lang, token } = v;
  if (done)
    return (
      <>
        <h1>{t.optedOutTitle}</h1>
        <Alert variant="success">{t.optedOutText}</Alert>
      </>
    );
  return (
    <>
      <h1>{t.optOutTitle}</h1>
      <p>{t.optOutText}</p>
      <form method="post" action={pageHref('surveyOptOut', lang, { token })}>
        <CsrfField token={csrfToken} />
        <button type="submit" class="button button-primary">
          {t.optOutSubmit}
        </button>
      </form>
    </>
  );
}

/** A page that only says something: the link does not work, the survey is closed. */
export function NoticePage({ title, text }: { title: string; text: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{text}</p>
    </>
  );
}
