import { copenhagenDate } from '../../../../domain/reference/time.ts';
import type { SurveyListItem, SurveyOverview } from '../../../../domain/surveys/listing.ts';
import { pagesOf } from '../../../../domain/surveys/questionnaire.ts';
import { surveyTitle } from '../../../../domain/surveys/store.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/index.ts';
import { href, type Lang, type PageKey, pageHref } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { SurveyMessages } from '../messages.ts';

export interface View {
  lang: Lang;
  t: SurveyMessages;
}

export const closingDate = (closesAt: Date, lang: Lang) => formatDate(copenhagenDate(closesAt), lang);
export const percent = (share: number | null, lang: Lang) =>
  share === null ? '–' : `${formatNumber(Math.round(share * 1000) / 10, lang)} %`;

/** The surveys a person runs or may read the results of. */
export function SurveyList({
  v,
  surveys,
  mayCreate,
}: {
  v: View;
  surveys: SurveyListItem[];
  mayCreate: boolean;
}) {
  const { t, lang } = v;
  return (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      {mayCreate && (
        <p>
          <a class="button button-primary" href={href('surveyNew', lang)}>
            {t.create}
          </a>
        </p>
      )}
      {surveys.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">{t.listCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.survey}</th>
                <th scope="col">{t.owner}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.closes}</th>
                <th scope="col" class="text-align-right">
                  {t.sent}
                </th>
                <th scope="col" class="text-align-right">
                  {t.responses}
                </th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={pageHref(s.mayManage ? 'survey' : 'surveyResults', lang, { id: s.id })}>
                      {surveyTitle(s, lang)}
                    </a>
                  </th>
                  <td>{s.ownerName}</td>
                  <td>{t.statuses[s.status]}</td>
                  <td>{closingDate(s.closesAt, lang)}</td>
                  <td class="results-number">{formatNumber(s.invited, lang)}</td>
                  <td class="results-number">{formatNumber(s.responded, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** A button that posts to one of the survey's action pages. */
function ActionButton(p: {
  page: PageKey;
  id: string;
  lang: Lang;
  label: string;
  csrfToken: string;
  primary?: boolean;
}) {
  return (
    <form method="post" action={pageHref(p.page, p.lang, { id: p.id })} class="survey-action">
      <CsrfField token={p.csrfToken} />
      <button type="submit" class={p.primary ? 'button button-primary' : 'button button-secondary'}>
        {p.label}
      </button>
    </form>
  );
}

function Step({ title, children }: { title: string; children: unknown }) {
  return (
    <li class="survey-step">
      <h3>{title}</h3>
      {children}
    </li>
  );
}

/** How the last round of e-mails went; a failed one with what happens next. */
function LastRound({ v, overview }: { v: View; overview: SurveyOverview }) {
  const round = overview.lastRound;
  if (!round) return null;
  const { t, lang } = v;
  const r = t.lastRound;
  const when = formatDateTime(round.round, lang);
  const told = `${r[round.kind](when)} `;
  if (round.state === 'queued' || round.state === 'done')
    return (
      <p id="last-round">
        {told}
        {round.state === 'queued' ? r.queued(round.sent) : r.done(round.sent)}
      </p>
    );
  return (
    <div id="last-round">
      <Alert variant="warning">
        {told}
        {r.failing(round.sent, round.unsent)}{' '}
        {round.state === 'retrying' ? (
          r.retrying
        ) : overview.can.retryMails ? (
          <a href={href('adminJobs', lang)}>{r.retryLink}</a>
        ) : (
          r.failedForOthers
        )}
      </Alert>
    </div>
  );
}

/** One survey for its manager: the facts, then each step with what can be done now. */
export function OverviewPage(p: {
  v: View;
  overview: SurveyOverview;
  notice: string | null;
  problem: string | null;
  csrfToken: string;
}) {
  const { t, lang } = p.v;
  const { survey, participation, can } = p.overview;
  const id = survey.id;
  const invitations = p.overview.sources.reduce((n, s) => n + s.invitations, 0);
  const button = (page: PageKey, label: string, primary = false) => (
    <ActionButton page={page} id={id} lang={lang} label={label} csrfToken={p.csrfToken} primary={primary} />
  );
  return (
    <>
      <h1>{surveyTitle(survey, lang)}</h1>
      <p class="font-lead">{t.ownerOf(survey.ownerName)}</p>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      {p.problem && <Alert variant="error">{p.problem}</Alert>}
      <dl class="summary-list">
        <dt>{t.status}</dt>
        <dd>
          {t.statuses[survey.status]}
          {survey.publishedAt && ` · ${t.published(formatDateTime(survey.publishedAt, lang))}`}
          {survey.closedAt && ` · ${t.closedAt(formatDateTime(survey.closedAt, lang))}`}
        </dd>
        <dt>{t.closes}</dt>
        <dd>{closingDate(survey.closesAt, lang)}</dd>
        <dt>{t.anonymity}</dt>
        <dd>{survey.anonymous ? t.isAnonymous : t.isNamed}</dd>
        <dt>{t.resultsAudience}</dt>
        <dd>{t.audiences[survey.resultsAudience]}</dd>
        <dt>{t.questionnaire}</dt>
        <dd>{t.version(survey.questionnaireName, survey.versionNumber, survey.versionPublished)}</dd>
      </dl>
      <h2>{t.stepsHeading}</h2>
      <ol class="survey-steps">
        <Step title={t.stepQuestions}>
          <p>{t.questionCount(survey.definition.questions.length, pagesOf(survey.definition).length)}</p>
          <p>
            {can.editQuestions && (
              <>
                <a href={pageHref('surveyQuestions', lang, { id })}>{t.editQuestions}</a>
                {' · '}
              </>
            )}
            <a href={pageHref('surveyPreview', lang, { id })}>{t.preview}</a>
          </p>
          {can.newVersion && (
            <>
              <p>{t.newVersionHint}</p>
              {button('surveyNewVersion', t.newVersion)}
            </>
          )}
        </Step>
        <Step title={t.stepSettings}>
          {survey.status !== 'closed' && (
            <a href={pageHref('surveySettings', lang, { id })}>{t.editSettings}</a>
          )}
        </Step>
        {survey.status === 'draft' && (
          <Step title={t.stepPublish}>
            <p>{t.publishHint}</p>
            {can.publish && button('surveyPublish', t.publish, true)}
          </Step>
        )}
        <Step title={t.stepRecipients}>
          <p>{t.recipientsCount(invitations)}</p>
          {can.addRecipients && <a href={pageHref('surveyRecipients', lang, { id })}>{t.chooseRecipients}</a>}
        </Step>
        <Step title={t.stepSending}>
          <LastRound v={p.v} overview={p.overview} />
          {can.send ? (
            <>
              <p>{t.unsent(p.overview.unsent)}</p>
              {p.overview.unsent > 0 && button('surveySend', t.send(p.overview.unsent), true)}
              <p>{t.remindable(p.overview.remindable)}</p>
              {p.overview.remindable > 0 && button('surveyRemind', t.remind(p.overview.remindable))}
            </>
          ) : (
            <p>{t.sendingClosed}</p>
          )}
        </Step>
        <Step title={t.stepResponses}>
          <p>
            {t.progress(
              participation.responded ?? 0,
              participation.invited,
              percent(participation.responseRate, lang),
            )}{' '}
            {participation.optedOut > 0 && t.optedOut(participation.optedOut)}
          </p>
          <a href={pageHref('surveyResults', lang, { id })}>{t.seeResults}</a>
        </Step>
        {can.close && (
          <Step title={t.stepClose}>
            <p>{t.closeHint}</p>
            {button('surveyClose', t.close)}
          </Step>
        )}
      </ol>
      <p class="mt-7">
        <a href={href('surveys', lang)}>{t.toList}</a>
      </p>
    </>
  );
}
