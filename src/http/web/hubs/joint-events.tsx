import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import {
  acceptJointEvent,
  declineJointEvent,
  jointEventProposalsOf,
  proposalClusters,
  proposeJointEvent,
} from '../../../domain/hubs/joint-events.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { EMPTY_FORM, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { hubMessages } from './messages.ts';
import { JointEventFormView, JointEventsView } from './views/joint-events.tsx';

const messagesOf = (c: AppContext) => hubMessages(c.get('lang'));
const isValidation = (err: unknown): err is AppError => err instanceof AppError && err.code === 'validation';
const isConflict = (err: unknown) => err instanceof AppError && err.code === 'conflict';

async function proposalForm(c: AppContext, form: PostedForm = EMPTY_FORM) {
  const clusters = await proposalClusters(c.get('deps').db, callerOf(c));
  const t = messagesOf(c);
  const status = Object.keys(form.errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    t.proposeTitle,
    ({ csrfToken, m }) => (
      <JointEventFormView
        form={form}
        clusters={clusters}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    status,
  );
}

const PROPOSAL_FIELDS = ['clusterId', 'title', 'date', 'startTime', 'endTime', 'location', 'description'];

async function propose(c: AppContext) {
  const { db, clock } = c.get('deps');
  const body = await c.req.parseBody();
  const values = Object.fromEntries(PROPOSAL_FIELDS.map((k) => [k, formText(body[k])]));
  try {
    await proposeJointEvent(db, callerOf(c), values, clock());
  } catch (err) {
    if (isValidation(err))
      return proposalForm(c, { values, errors: toFieldErrors(err.issues, c.get('m'), messagesOf(c).errors) });
    throw err;
  }
  return c.redirect(href('hub', c.get('lang'), { foreslaaet: '1' }), 303);
}

async function proposals(c: AppContext, form: PostedForm = EMPTY_FORM, status: 200 | 409 | 422 = 200) {
  const list = await jointEventProposalsOf(c.get('deps').db, callerOf(c));
  const t = messagesOf(c);
  const notice =
    status === 409
      ? { variant: 'warning' as const, text: t.conflict }
      : c.req.query('besvaret')
        ? { variant: 'success' as const, text: t.answeredNotice }
        : null;
  return renderPage(
    c,
    t.proposalsTitle,
    ({ csrfToken, m }) => (
      <JointEventsView
        proposals={list}
        form={form}
        notice={notice}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    status,
  );
}

/** Accepts or declines from the list; a wrong reason shows beside its proposal, an answered one says so. */
const answer = (decline: boolean) => async (c: AppContext) => {
  const { db, clock } = c.get('deps');
  const id = c.req.param('id') ?? '';
  const field = `reason-${id}`;
  const body = await c.req.parseBody();
  const reason = formText(body[field]);
  try {
    if (decline) await declineJointEvent(db, callerOf(c), id, { reason }, clock());
    else await acceptJointEvent(db, callerOf(c), id, clock());
  } catch (err) {
    if (isValidation(err)) {
      const errors = toFieldErrors(err.issues, c.get('m'), messagesOf(c).errors);
      return proposals(c, { values: { [field]: reason }, errors: { [field]: errors.reason ?? '' } }, 422);
    }
    if (isConflict(err)) return proposals(c, EMPTY_FORM, 409);
    throw err;
  }
  return c.redirect(href('jointEvents', c.get('lang'), { besvaret: '1' }), 303);
};

export function registerJointEventPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'hubJointEventNew', (c) => proposalForm(c));
  onPage(app, 'POST', 'hubJointEventNew', propose);
  onPage(app, 'GET', 'jointEvents', (c) => proposals(c));
  onPage(app, 'POST', 'jointEventAccept', answer(false));
  onPage(app, 'POST', 'jointEventDecline', answer(true));
}
