import type { Hono } from 'hono';
import {
  decisionFormChoices,
  meetingDetail,
  meetingFormChoices,
  meetingList,
} from '../../../domain/coordination/meeting-queries.ts';
import {
  completeDecision,
  conveneMeeting,
  publishMinutes,
  recordDecision,
} from '../../../domain/coordination/meetings.ts';
import { AppError } from '../../../domain/errors.ts';
import { copenhagenDate } from '../../../domain/reference/time.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { EMPTY_FORM, formList, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { dateInput } from './funding-plans.tsx';
import { type MeetingMessages, meetingMessages } from './meeting-messages.ts';
import { MeetingDetailView } from './views/meeting-detail.tsx';
import { MeetingFormView } from './views/meeting-form.tsx';
import { MeetingListView } from './views/meeting-list.tsx';

const messagesOf = (c: AppContext) => meetingMessages(c.get('lang'));
const errorsOf = (c: AppContext, err: AppError) => {
  const t = messagesOf(c);
  return toFieldErrors(err.issues, c.get('m'), t.errors, {
    title: t.titleLabel,
    kind: t.kind,
    heldOn: t.heldOn,
    participantIds: t.participants,
    agenda: t.agenda,
    callId: t.call,
    fundingPlanId: t.fundingPlan,
    minutes: t.minutes,
    text: t.decision,
    responsibleFunderId: t.responsible,
    dueOn: t.dueOn,
    clusterId: t.cluster,
  });
};

/** The success message after a redirect. */
function noticeOf(c: AppContext, t: MeetingMessages): string | null {
  const notified = c.req.query('ny');
  if (notified) return t.saved(Number(notified));
  if (c.req.query('referat')) return t.minutesSaved;
  if (c.req.query('beslutning')) return t.decisionSaved;
  if (c.req.query('udfoert')) return t.decisionDone;
  return null;
}

async function list(c: AppContext) {
  const deps = c.get('deps');
  const listed = await meetingList(deps.db, callerOf(c), copenhagenDate(deps.clock()));
  const lang = c.get('lang');
  const t = messagesOf(c);
  const notice = noticeOf(c, t);
  return renderPage(c, t.title, ({ csrfToken }) => (
    <MeetingListView {...listed} notice={notice} csrfToken={csrfToken} lang={lang} t={t} />
  ));
}

async function newForm(c: AppContext, form: PostedForm = EMPTY_FORM) {
  const choices = await meetingFormChoices(c.get('deps').db, callerOf(c));
  const lang = c.get('lang');
  const t = messagesOf(c);
  const status = Object.keys(form.errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    t.formTitle,
    ({ csrfToken, m }) => (
      <MeetingFormView form={form} choices={choices} csrfToken={csrfToken} m={m} lang={lang} t={t} />
    ),
    status,
  );
}

async function convene(c: AppContext) {
  const deps = c.get('deps');
  const body = await c.req.parseBody({ all: true });
  const values = {
    title: formText(body.title),
    kind: formText(body.kind),
    ...dateInput(body, 'heldOn'),
    participantIds: formList(body.participantIds),
    agenda: formText(body.agenda),
    callId: formText(body.callId),
    fundingPlanId: formText(body.fundingPlanId),
  };
  try {
    const { id, notifiedFunders } = await conveneMeeting(deps.db, callerOf(c), values, deps.clock());
    return c.redirect(
      pageHref('coordinationMeeting', c.get('lang'), { id }, { ny: String(notifiedFunders) }),
      303,
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation')
      return newForm(c, { values, errors: errorsOf(c, err) });
    throw err;
  }
}

async function detail(c: AppContext, form: PostedForm = EMPTY_FORM) {
  const db = c.get('deps').db;
  const found = await meetingDetail(db, callerOf(c), c.req.param('id') ?? '');
  const choices = found.mayRecord ? await decisionFormChoices(db) : { calls: [], clusters: [] };
  const lang = c.get('lang');
  const t = messagesOf(c);
  const notice = noticeOf(c, t);
  return renderPage(
    c,
    found.meeting.title,
    ({ csrfToken, m }) => (
      <MeetingDetailView
        detail={found}
        choices={choices}
        form={form}
        notice={notice}
        csrfToken={csrfToken}
        m={m}
        lang={lang}
        t={t}
      />
    ),
    Object.keys(form.errors).length > 0 ? 422 : 200,
  );
}

/** Runs a participant's form on the meeting; errors show on the meeting's page, success redirects to it. */
async function meetingAction(
  c: AppContext,
  run: (values: Record<string, string>) => Promise<unknown>,
  done: string,
) {
  const body = await c.req.parseBody();
  const values = {
    ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, formText(v)])),
    ...(body.dueOnDay !== undefined || body.dueOn !== undefined ? dateInput(body, 'dueOn') : {}),
  };
  try {
    await run(values);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation')
      return detail(c, { values, errors: errorsOf(c, err) });
    throw err;
  }
  return c.redirect(
    pageHref('coordinationMeeting', c.get('lang'), { id: c.req.param('id') ?? '' }, { [done]: '1' }),
    303,
  );
}

const minutes = (c: AppContext) =>
  meetingAction(
    c,
    (values) =>
      publishMinutes(c.get('deps').db, callerOf(c), c.req.param('id') ?? '', values, c.get('deps').clock()),
    'referat',
  );

const decision = (c: AppContext) =>
  meetingAction(
    c,
    (values) =>
      recordDecision(c.get('deps').db, callerOf(c), c.req.param('id') ?? '', values, c.get('deps').clock()),
    'beslutning',
  );

/** Back to the meeting the decision was taken at. */
async function done(c: AppContext) {
  const deps = c.get('deps');
  const meetingId = await completeDecision(deps.db, callerOf(c), c.req.param('id') ?? '', deps.clock());
  return c.redirect(pageHref('coordinationMeeting', c.get('lang'), { id: meetingId }, { udfoert: '1' }), 303);
}

export function registerMeetingPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'coordinationMeetings', list);
  onPage(app, 'GET', 'coordinationMeetingNew', (c) => newForm(c));
  onPage(app, 'POST', 'coordinationMeetingNew', convene);
  onPage(app, 'GET', 'coordinationMeeting', (c) => detail(c));
  onPage(app, 'POST', 'coordinationMeetingMinutes', minutes);
  onPage(app, 'POST', 'coordinationMeetingDecisions', decision);
  onPage(app, 'POST', 'coordinationDecisionDone', done);
}
