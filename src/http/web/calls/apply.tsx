import type { Hono } from 'hono';
import { applicantView } from '../../../domain/calls/application-view.ts';
import { submitApplication, withdrawApplication } from '../../../domain/calls/applications.ts';
import { submissionReceipt } from '../../../domain/calls/letters.ts';
import { withdrawable } from '../../../domain/calls/policy.ts';
import { applicationReference, readyToSubmit, sectionStatuses } from '../../../domain/calls/tasks.ts';
import { AppError } from '../../../domain/errors.ts';
import { callerOf, signedInUser } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { messages } from '../../i18n/index.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert, type FieldErrors } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { applyMessages } from './apply-messages.ts';
import { callFlowMessages } from './messages.ts';
import { actAndReturn, callOfPage, formBody, Outcome, str } from './shared.tsx';
import { CheckAnswersPage, ReceiptPage, TaskListPage, WithdrawPage } from './views/apply-pages.tsx';
import type { ApplicantView } from './views/apply-sections.tsx';

/**
 * The applicant's way through a call: the task list, check your answers and submit, the
 * confirmation with its receipt, and withdrawal with its own confirmation. The sections' forms
 * are in apply-forms.tsx.
 */

async function viewOfPage(c: AppContext) {
  const call = await callOfPage(c);
  const view = await applicantView(c.get('deps').db, callerOf(c), call.id);
  const statuses = sectionStatuses(view.setup, view.application, view.attachments.length);
  return { view, statuses, taskList: pageHref('callApply', c.get('lang'), { slug: call.slug }) };
}

const isDraft = (view: ApplicantView) => !view.application || view.application.status === 'draft';

async function taskListPage(c: AppContext) {
  const { view, statuses } = await viewOfPage(c);
  const flow = callFlowMessages(c.get('lang'));
  const t = applyMessages(c.get('lang'));
  const outcome =
    c.req.query('trukket') === '1' ? (
      <Alert variant="success">{t.withdrawn}</Alert>
    ) : (
      <Outcome c={c} t={flow} />
    );
  return renderPage(c, `${flow.apply}: ${view.setup.call.title}`, ({ lang }) => (
    <TaskListPage
      t={applyMessages(lang)}
      flow={callFlowMessages(lang)}
      lang={lang}
      view={view}
      statuses={statuses}
      outcome={outcome}
    />
  ));
}

function renderCheck(c: AppContext, view: ApplicantView, errors: FieldErrors) {
  const t = applyMessages(c.get('lang'));
  return renderPage(
    c,
    `${t.checkTitle}: ${view.setup.call.title}`,
    ({ lang, csrfToken }) => (
      <CheckAnswersPage
        t={applyMessages(lang)}
        flow={callFlowMessages(lang)}
        m={messages(lang)}
        lang={lang}
        csrfToken={csrfToken}
        view={view}
        errors={errors}
      />
    ),
    Object.keys(errors).length > 0 ? 422 : 200,
  );
}

/** Check your answers, once the sections that must be done are; before that, the task list. */
async function checkPage(c: AppContext) {
  const { view, statuses, taskList } = await viewOfPage(c);
  if (!isDraft(view) || !readyToSubmit(statuses)) return c.redirect(taskList, 303);
  return renderCheck(c, view, {});
}

/** Submits the draft as saved, mails the receipt and shows the confirmation page. */
async function submitAction(c: AppContext) {
  const { view, taskList } = await viewOfPage(c);
  const body = await formBody(c);
  if (str(body, 'declaration') !== 'yes')
    return renderCheck(c, view, { declaration: applyMessages(c.get('lang')).declarationRequired });
  const deps = c.get('deps');
  const app = view.application;
  const receipt = pageHref('callApplyReceipt', c.get('lang'), { slug: view.setup.call.slug });
  return actAndReturn(
    c,
    taskList,
    async () => {
      if (!app) throw new AppError('conflict', 'no draft to submit');
      const now = deps.clock();
      await submitApplication(deps.db, callerOf(c), app.id, now);
      const user = signedInUser(c);
      await deps.mailer.send(
        submissionReceipt({
          to: user.email,
          callTitle: view.setup.call.title,
          organisationName: app.organisationName,
          applicationTitle: app.title,
          reference: applicationReference(app),
          submittedAt: now,
        }),
      );
    },
    receipt,
  );
}

async function receiptPage(c: AppContext) {
  const { view, taskList } = await viewOfPage(c);
  const app = view.application;
  if (!app || app.status === 'draft') return c.redirect(taskList, 303);
  const t = applyMessages(c.get('lang'));
  return renderPage(c, `${t.receiptTitle}: ${view.setup.call.title}`, ({ lang }) => (
    <ReceiptPage
      t={applyMessages(lang)}
      flow={callFlowMessages(lang)}
      lang={lang}
      view={view}
      reference={applicationReference(app)}
      email={signedInUser(c).email}
    />
  ));
}

async function withdrawPage(c: AppContext) {
  const { view, taskList } = await viewOfPage(c);
  if (!view.application || !withdrawable(view.application.status)) return c.redirect(taskList, 303);
  const t = applyMessages(c.get('lang'));
  return renderPage(c, `${t.withdrawTitle} ${view.setup.call.title}`, ({ lang, csrfToken }) => (
    <WithdrawPage t={applyMessages(lang)} lang={lang} csrfToken={csrfToken} view={view} />
  ));
}

async function withdrawAction(c: AppContext) {
  const { view, taskList } = await viewOfPage(c);
  const deps = c.get('deps');
  const app = view.application;
  return actAndReturn(
    c,
    taskList,
    async () => {
      if (!app) throw new AppError('conflict', 'no application to withdraw');
      await withdrawApplication(deps.db, callerOf(c), app.id, deps.clock());
    },
    `${taskList}?trukket=1`,
  );
}

export function registerApplyPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'callApply', taskListPage);
  onPage(app, 'GET', 'callApplyCheck', checkPage);
  onPage(app, 'POST', 'callApplyCheck', submitAction);
  onPage(app, 'GET', 'callApplyReceipt', receiptPage);
  onPage(app, 'GET', 'callApplyWithdraw', withdrawPage);
  onPage(app, 'POST', 'callApplyWithdraw', withdrawAction);
}
