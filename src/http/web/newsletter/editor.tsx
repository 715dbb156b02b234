import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import {
  createIssue,
  issueForEditor,
  issuesForEditor,
  updateIssue,
} from '../../../domain/newsletter/issues.ts';
import { sendIssue } from '../../../domain/newsletter/sending.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { EMPTY_FORM, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { newsletterMessages } from './messages.ts';
import { EditorListView, IssueEditorView, segmentChoice } from './views/editor.tsx';

const messagesOf = (c: AppContext) => newsletterMessages(c.get('lang'));
const idOf = (c: AppContext) => c.req.param('id') ?? '';
const statusOf = (form: PostedForm) => (Object.keys(form.errors).length > 0 ? 422 : 200);

async function listPage(c: AppContext, form: PostedForm = EMPTY_FORM) {
  const t = messagesOf(c);
  const issues = await issuesForEditor(c.get('deps').db, callerOf(c));
  return renderPage(
    c,
    t.editorTitle,
    ({ csrfToken, m }) => (
      <EditorListView
        issues={issues}
        form={form}
        action={href('supportNewsletter', c.get('lang'))}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    statusOf(form),
  );
}

async function issuePage(c: AppContext, form?: PostedForm) {
  const t = messagesOf(c);
  const issue = await issueForEditor(c.get('deps').db, callerOf(c), idOf(c));
  const notice =
    c.req.query('gemt') !== undefined ? t.savedNotice : c.req.query('sendt') !== undefined ? t.queued : null;
  const shown = form ?? {
    values: { subject: issue.subject, body: issue.body, segment: segmentChoice(issue) },
    errors: {},
  };
  return renderPage(
    c,
    issue.subject,
    ({ csrfToken, m }) => (
      <IssueEditorView
        issue={issue}
        form={shown}
        notice={notice}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    statusOf(shown),
  );
}

/** The posted issue: the recipients' choice `segment` or `segment:value` is split for the domain. */
async function postedIssue(c: AppContext) {
  const body = await c.req.parseBody();
  const values = {
    subject: formText(body.subject),
    body: formText(body.body),
    segment: formText(body.segment),
  };
  const [segment = '', ...rest] = values.segment.split(':');
  return {
    values,
    input: { subject: values.subject, body: values.body, segment, segmentValue: rest.join(':') },
  };
}

/** Runs a save; refused input shows the form again with each field's error. */
async function save(
  c: AppContext,
  run: (input: Record<string, string>) => Promise<string>,
  retry: (form: PostedForm) => Promise<Response>,
) {
  const { values, input } = await postedIssue(c);
  let id: string;
  try {
    id = await run(input);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation')) throw err;
    const t = messagesOf(c);
    const labels = { subject: t.subject, body: t.body, segment: t.segment };
    // The segment's value is chosen in the same field as the segment.
    const issues = err.issues.map((i) => (i.field === 'segmentValue' ? { ...i, field: 'segment' } : i));
    return retry({ values, errors: toFieldErrors(issues, c.get('m'), t.errors, labels) });
  }
  return c.redirect(pageHref('supportNewsletterIssue', c.get('lang'), { id }, { gemt: '1' }), 303);
}

const create = (c: AppContext) =>
  save(
    c,
    (input) => createIssue(c.get('deps').db, callerOf(c), input, c.get('deps').clock()),
    (form) => listPage(c, form),
  );

const update = (c: AppContext) =>
  save(
    c,
    async (input) => {
      await updateIssue(c.get('deps').db, callerOf(c), idOf(c), input, c.get('deps').clock());
      return idOf(c);
    },
    (form) => issuePage(c, form),
  );

async function send(c: AppContext) {
  const { db, jobs, clock } = c.get('deps');
  await sendIssue(db, jobs, callerOf(c), idOf(c), clock());
  return c.redirect(pageHref('supportNewsletterIssue', c.get('lang'), { id: idOf(c) }, { sendt: '1' }), 303);
}

/** The support function's newsletter pages: the issues, writing one with its preview, and sending. */
export function registerNewsletterEditorPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'supportNewsletter', (c) => listPage(c));
  onPage(app, 'POST', 'supportNewsletter', create);
  onPage(app, 'GET', 'supportNewsletterIssue', (c) => issuePage(c));
  onPage(app, 'POST', 'supportNewsletterIssue', update);
  onPage(app, 'POST', 'supportNewsletterSend', send);
}
