import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { applicantView } from '../../../domain/calls/application-view.ts';
import {
  saveApplication,
  submitApplication,
  withdrawApplication,
} from '../../../domain/calls/applications.ts';
import { addAttachment } from '../../../domain/calls/attachments.ts';
import { submissionReceipt } from '../../../domain/calls/letters.ts';
import { applicationInput } from '../../../domain/calls/schemas.ts';
import { AppError, notFound } from '../../../domain/errors.ts';
import { callerOf, signedInUser } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { uploadedForm } from '../../multipart.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { callFlowMessages } from './messages.ts';
import { actAndReturn, callOfPage, formBody, Outcome, str } from './shared.tsx';
import { ApplicationForm } from './views/application-form.tsx';

/** The applicant's page of a call: write the draft, attach files, submit, withdraw. */

async function applyPage(c: AppContext) {
  const editor = callerOf(c);
  const call = await callOfPage(c);
  const view = await applicantView(c.get('deps').db, editor, call.id);
  const t = callFlowMessages(c.get('lang'));
  return renderPage(c, `${t.apply}: ${call.title}`, ({ lang, csrfToken }) => (
    <ApplicationForm t={t} lang={lang} csrfToken={csrfToken} view={view} outcome={<Outcome c={c} t={t} />} />
  ));
}

/** The form's fields `ans:<requirement>`, `txt:<criterion>` and `bud:<year>:<category>` as one application. */
function applicationFromForm(body: Record<string, string | string[]>) {
  const answers: Record<string, string> = {};
  const texts: Record<string, string> = {};
  const budget: { year: string; category: string; amountDkk: string }[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string') continue;
    const [kind, a, b] = key.split(':');
    if (kind === 'ans' && a) answers[a] = value;
    if (kind === 'txt' && a) texts[a] = value;
    if (kind === 'bud' && a && b && value.trim() !== '')
      budget.push({ year: a, category: b, amountDkk: value.replace(/[.\s]/g, '') });
  }
  const parsed = applicationInput.safeParse({ title: str(body, 'title'), answers, texts, budget });
  if (!parsed.success) throw new AppError('validation', 'invalid application');
  return parsed.data;
}

async function applyAction(c: AppContext) {
  const editor = callerOf(c);
  const call = await callOfPage(c);
  const deps = c.get('deps');
  const now = deps.clock();
  const back = pageHref('callApply', c.get('lang'), { slug: call.slug });
  const body = await formBody(c);
  return actAndReturn(c, back, async () => {
    const { organisationId, application: existing } = await applicantView(deps.db, editor, call.id);
    switch (str(body, 'do')) {
      case 'save':
        return saveApplication(deps.db, editor, call.id, organisationId, applicationFromForm(body), now);
      case 'submit': {
        const form = applicationFromForm(body);
        const { id } = await saveApplication(deps.db, editor, call.id, organisationId, form, now);
        await submitApplication(deps.db, editor, id, now);
        const user = signedInUser(c);
        await deps.mailer.send(
          submissionReceipt({
            to: user.email,
            callTitle: call.title,
            organisationName:
              user.memberships.find((m) => m.organisationId === organisationId)?.organisationName ?? '',
            applicationTitle: form.title,
            submittedAt: now,
          }),
        );
        return;
      }
      case 'withdraw':
        if (!existing) throw notFound('application');
        return withdrawApplication(deps.db, editor, existing.id, now);
      case 'attach': {
        // The CSRF check has streamed the file to disk; it is removed after the response.
        const file = uploadedForm(c).files.find((f) => f.field === 'file');
        if (!existing || !file) throw new AppError('validation', 'no file');
        return addAttachment(
          deps.db,
          editor,
          deps.config.dataDir,
          existing.id,
          { name: file.name, bytes: new Uint8Array(await readFile(file.path)) },
          now,
        );
      }
      default:
        throw new AppError('validation', 'unknown action');
    }
  });
}

export function registerApplyPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'callApply', applyPage);
  onPage(app, 'POST', 'callApply', applyAction);
}
