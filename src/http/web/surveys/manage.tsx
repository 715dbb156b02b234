/**
 * The pages of those who run surveys: the list, a new survey, a survey's overview (its steps,
 * live response rate, send and remind) and its settings, and the buttons that publish, make a
 * new version and close. Handlers parse, call the domain and render; the domain decides.
 */
import type { Hono } from 'hono';
import type { Deps } from '../../../deps.ts';
import { AppError } from '../../../domain/errors.ts';
import { copenhagenDate } from '../../../domain/reference/time.ts';
import { newSurveyChoices, surveyList, surveyOverview } from '../../../domain/surveys/listing.ts';
import { remindNonRespondents, runSurveyMailJob, sendInvitations } from '../../../domain/surveys/sending.ts';
import { surveyTitle } from '../../../domain/surveys/store.ts';
import {
  closeSurvey,
  createSurvey,
  newQuestionnaireVersion,
  publishSurvey,
  updateSurveySettings,
} from '../../../domain/surveys/surveys.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, type PageKey, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { onPage } from '../routes.ts';
import { type SurveyMessages, surveyMessages } from './messages.ts';
import { surveyMailLinks } from './survey-links.ts';
import { OverviewPage, SurveyList, type View } from './views/overview.tsx';
import { SurveyForm, type SurveyFormState } from './views/survey-form.tsx';

const viewOf = (c: AppContext): View => ({ lang: c.get('lang'), t: surveyMessages(c.get('lang')) });
const idOf = (c: AppContext) => c.req.param('id') ?? '';
const now = (c: AppContext) => c.get('deps').clock();
const isCode = (err: unknown, code: AppError['code']): err is AppError =>
  err instanceof AppError && err.code === code;

async function list(c: AppContext) {
  const { surveys, mayCreate } = await surveyList(c.get('deps').db, callerOf(c));
  const v = viewOf(c);
  return renderPage(c, v.t.title, () => <SurveyList v={v} surveys={surveys} mayCreate={mayCreate} />);
}

const EMPTY: SurveyFormState = {
  values: { anonymous: 'on', resultsAudience: 'owners', start: 'template:company_effect' },
  errors: {},
};

async function newForm(c: AppContext, form: SurveyFormState = EMPTY) {
  const choices = await newSurveyChoices(c.get('deps').db, callerOf(c));
  const v = viewOf(c);
  return renderPage(
    c,
    v.t.newTitle,
    ({ csrfToken, m }) => (
      <>
        <h1>{v.t.newTitle}</h1>
        <SurveyForm
          action={href('surveyNew', v.lang)}
          form={form}
          choices={choices}
          published={false}
          csrfToken={csrfToken}
          m={m}
          lang={v.lang}
          t={v.t}
        />
      </>
    ),
    Object.keys(form.errors).length > 0 ? 422 : 200,
  );
}

const errorsOf = (c: AppContext, err: AppError, t: SurveyMessages) =>
  toFieldErrors(err.issues, c.get('m'), t.errors);

async function create(c: AppContext) {
  const values = formFields(await c.req.parseBody());
  try {
    const id = await createSurvey(c.get('deps').db, callerOf(c), values, now(c));
    return c.redirect(pageHref('survey', c.get('lang'), { id }, { besked: 'created' }), 303);
  } catch (err) {
    if (isCode(err, 'validation')) return newForm(c, { values, errors: errorsOf(c, err, viewOf(c).t) });
    throw err;
  }
}

/** The success message after a redirect back to the overview. */
function noticeOf(c: AppContext, t: SurveyMessages): string | null {
  const key = c.req.query('besked') ?? '';
  const notices: Record<string, string> = {
    created: t.notices.created,
    saved: t.notices.saved,
    published: t.notices.published,
    newVersion: t.notices.newVersion,
    closed: t.notices.closed,
    sending: t.notices.sending,
    reminding: t.notices.reminding,
  };
  return notices[key] ?? null;
}

async function overview(c: AppContext, problem: string | null = null, status: 200 | 409 | 422 = 200) {
  const data = await surveyOverview(c.get('deps').db, callerOf(c), idOf(c), now(c));
  const v = viewOf(c);
  return renderPage(
    c,
    surveyTitle(data.survey, v.lang),
    ({ csrfToken }) => (
      <OverviewPage v={v} overview={data} notice={noticeOf(c, v.t)} problem={problem} csrfToken={csrfToken} />
    ),
    status,
  );
}

/**
 * Runs one of the overview's buttons; success goes back to the overview with a message, a
 * refusal of the moment (`conflict`, `validation`) shows the overview with what went wrong.
 */
async function surveyAction(c: AppContext, run: () => Promise<Record<string, string>>) {
  const t = viewOf(c).t;
  try {
    const query = await run();
    return c.redirect(pageHref('survey', c.get('lang'), { id: idOf(c) }, query), 303);
  } catch (err) {
    if (isCode(err, 'conflict')) return overview(c, t.conflictText, 409);
    if (isCode(err, 'validation')) return overview(c, Object.values(errorsOf(c, err, t)).join(' '), 422);
    throw err;
  }
}

/** The survey-mails job of the queue (registered in src/jobs/handlers.ts). */
export async function mailSurvey(deps: Deps, data: unknown): Promise<void> {
  const result = await runSurveyMailJob(deps, data, surveyMailLinks(deps.config.publicUrl));
  deps.logger.info({ ...result }, 'survey mails sent');
}

const actions: { page: PageKey; run: (c: AppContext) => Promise<Record<string, string>> }[] = [
  {
    page: 'surveyPublish',
    run: async (c) => {
      await publishSurvey(c.get('deps').db, callerOf(c), idOf(c), now(c));
      return { besked: 'published' };
    },
  },
  {
    page: 'surveyNewVersion',
    run: async (c) => {
      await newQuestionnaireVersion(c.get('deps').db, callerOf(c), idOf(c));
      return { besked: 'newVersion' };
    },
  },
  {
    page: 'surveyClose',
    run: async (c) => {
      await closeSurvey(c.get('deps').db, callerOf(c), idOf(c), now(c));
      return { besked: 'closed' };
    },
  },
  {
    page: 'surveySend',
    run: async (c) => {
      const { db, jobs } = c.get('deps');
      await sendInvitations(db, jobs, callerOf(c), idOf(c), now(c));
      return { besked: 'sending' };
    },
  },
  {
    page: 'surveyRemind',
    run: async (c) => {
      const { db, jobs } = c.get('deps');
      await remindNonRespondents(db, jobs, callerOf(c), idOf(c), now(c));
      return { besked: 'reminding' };
    },
  },
];

async function settingsForm(c: AppContext, form?: SurveyFormState) {
  const data = await surveyOverview(c.get('deps').db, callerOf(c), idOf(c), now(c));
  const s = data.survey;
  const v = viewOf(c);
  const state = form ?? {
    values: {
      titleDa: s.titleDa,
      titleEn: s.titleEn,
      anonymous: s.anonymous ? 'on' : '',
      resultsAudience: s.resultsAudience,
      closesOn: copenhagenDate(s.closesAt),
      coversFrom: s.coversFrom === null ? '' : String(s.coversFrom),
      coversTo: s.coversTo === null ? '' : String(s.coversTo),
    },
    errors: {},
  };
  return renderPage(
    c,
    v.t.settingsTitle,
    ({ csrfToken, m }) => (
      <>
        <h1>{v.t.settingsTitle}</h1>
        <p class="font-lead">{surveyTitle(s, v.lang)}</p>
        <SurveyForm
          action={pageHref('surveySettings', v.lang, { id: s.id })}
          form={state}
          choices={null}
          published={s.status !== 'draft'}
          csrfToken={csrfToken}
          m={m}
          lang={v.lang}
          t={v.t}
        />
        <p class="mt-5">
          <a href={pageHref('survey', v.lang, { id: s.id })}>{v.t.back}</a>
        </p>
      </>
    ),
    Object.keys(state.errors).length > 0 ? 422 : 200,
  );
}

async function saveSettings(c: AppContext) {
  const values = formFields(await c.req.parseBody());
  try {
    await updateSurveySettings(c.get('deps').db, callerOf(c), idOf(c), values, now(c));
  } catch (err) {
    if (isCode(err, 'validation')) return settingsForm(c, { values, errors: errorsOf(c, err, viewOf(c).t) });
    if (isCode(err, 'conflict')) return overview(c, viewOf(c).t.conflictText, 409);
    throw err;
  }
  return c.redirect(pageHref('survey', c.get('lang'), { id: idOf(c) }, { besked: 'saved' }), 303);
}

export function registerSurveyManagementPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'surveys', list);
  onPage(app, 'GET', 'surveyNew', (c) => newForm(c));
  onPage(app, 'POST', 'surveyNew', create);
  onPage(app, 'GET', 'survey', (c) => overview(c));
  onPage(app, 'GET', 'surveySettings', (c) => settingsForm(c));
  onPage(app, 'POST', 'surveySettings', saveSettings);
  for (const action of actions) onPage(app, 'POST', action.page, (c) => surveyAction(c, () => action.run(c)));
}
