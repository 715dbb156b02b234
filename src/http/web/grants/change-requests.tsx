/** A grant's change requests: the cluster's form and request, the funder's decision (docs/grants.md). */
import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { decideChange, requestChange } from '../../../domain/grants/change-requests.ts';
import { authorizeReport, followedGrant } from '../../../domain/grants/follow-up.ts';
import { changeDecisionForm, changeRequestForm } from '../../../domain/grants/follow-up-schemas.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import type { FieldErrors } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { type GrantFollowUpMessages, grantFollowUpMessages } from './follow-up.messages.ts';
import { grantPage } from './follow-up.tsx';
import { ChangeRequestForm } from './views/change-requests.tsx';
import { backToGrant } from './views/grant-follow-up.tsx';

const labels = (t: GrantFollowUpMessages) => ({
  kind: t.kindLegend,
  fromCategory: t.fromCategory,
  toCategory: t.toCategory,
  amountDkk: t.shiftAmount,
  newDeadline: t.newDeadline,
  reason: t.reason,
  decision: t.decisionLegend,
  decisionReason: t.decisionReason,
});

/** Domain refusals a form shows beside its fields (anything else is the error page's). */
const formRefusal = (e: unknown): e is AppError =>
  e instanceof AppError && (e.code === 'validation' || e.code === 'conflict');

async function requestPage(
  c: AppContext,
  form: { values?: Record<string, string>; errors?: FieldErrors } = {},
) {
  const t = grantFollowUpMessages(c.get('lang'));
  const caller = callerOf(c);
  const grant = await followedGrant(c.get('deps').db, caller, c.req.param('id') ?? '');
  authorizeReport(caller, grant);
  const status = form.errors ? 422 : 200;
  return renderPage(
    c,
    t.requestTitle,
    (ch) => (
      <>
        {backToGrant(grant.id, ch.lang, t)}
        <h1>{t.requestTitle}</h1>
        <p class="font-lead">{t.requestLead}</p>
        <div class="row">
          <div class="col-12 col-md-8 col-lg-6">
            <ChangeRequestForm
              t={t}
              m={ch.m}
              lang={ch.lang}
              csrf={ch.csrfToken}
              action={pageHref('grantChangeRequests', ch.lang, { id: grant.id })}
              values={form.values ?? {}}
              errors={form.errors ?? {}}
            />
          </div>
        </div>
      </>
    ),
    status,
  );
}

async function postRequest(c: AppContext) {
  const t = grantFollowUpMessages(c.get('lang'));
  const { db, clock } = c.get('deps');
  const id = c.req.param('id') ?? '';
  const values = formFields(await c.req.parseBody());
  const parsed = changeRequestForm.safeParse(values);
  if (!parsed.success)
    return requestPage(c, {
      values,
      errors: toFieldErrors(parsed.error.issues, c.get('m'), t.errors, labels(t)),
    });
  await requestChange(db, callerOf(c), id, parsed.data, clock());
  return c.redirect(pageHref('grantFollowUp', c.get('lang'), { id }, { done: 'requested' }), 303);
}

async function postDecision(c: AppContext) {
  const t = grantFollowUpMessages(c.get('lang'));
  const { db, clock } = c.get('deps');
  const id = c.req.param('id') ?? '';
  const requestId = c.req.param('requestId') ?? '';
  const values = formFields(await c.req.parseBody());
  // Each request has its own form on the grant's page: its fields' ids carry the request's id.
  const sentBack = (issues: Parameters<typeof toFieldErrors>[0], status: 409 | 422) => {
    const errors = toFieldErrors(issues, c.get('m'), t.errors, labels(t));
    const keyed = Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${k}-${requestId}`, v]));
    return grantPage(c, { requestId, values, errors: keyed }, status);
  };
  const parsed = changeDecisionForm.safeParse(values);
  if (!parsed.success) return sentBack(parsed.error.issues, 422);
  try {
    await decideChange(db, callerOf(c), { grantId: id, requestId }, parsed.data, clock());
  } catch (e) {
    if (!formRefusal(e)) throw e;
    return sentBack(e.issues, e.code === 'conflict' ? 409 : 422);
  }
  return c.redirect(pageHref('grantFollowUp', c.get('lang'), { id }, { done: 'decided' }), 303);
}

export function registerChangeRequestPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'grantChangeRequests', (c) => requestPage(c));
  onPage(app, 'POST', 'grantChangeRequests', postRequest);
  onPage(app, 'POST', 'grantChangeDecision', postDecision);
}
