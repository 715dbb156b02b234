/** A grant's financial report: the cluster submits spent against budget, the funder approves (docs/grants.md). */
import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import {
  approveFinancialReport,
  financialReportOf,
  submitFinancialReport,
} from '../../../domain/grants/financial-reports.ts';
import { followUpRights } from '../../../domain/grants/follow-up.ts';
import { financialReportForm } from '../../../domain/grants/follow-up-schemas.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, type FieldErrors } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { grantFollowUpMessages } from './follow-up.messages.ts';
import { BudgetAgainstSpent, FinancialReportForm, reportFormValues } from './views/financial-report.tsx';
import { backToGrant, GrantSummary } from './views/grant-follow-up.tsx';

type FormState = { values: Record<string, string>; errors: FieldErrors; status: 409 | 422 };

async function reportPage(c: AppContext, form?: FormState) {
  const t = grantFollowUpMessages(c.get('lang'));
  const caller = callerOf(c);
  const report = await financialReportOf(c.get('deps').db, caller, c.req.param('id') ?? '');
  const { grant } = report;
  const may = followUpRights(caller.principal, grant);
  const done = c.req.query('done');
  const title = t.reportTitle(grant.clusterName, grant.year);
  return renderPage(
    c,
    title,
    (ch) => (
      <>
        {backToGrant(grant.id, ch.lang, t)}
        <h1>{title}</h1>
        <p class="font-lead">{t.reportLead}</p>
        {done === 'submitted' && <Alert variant="success">{t.submitted}</Alert>}
        {done === 'approved' && <Alert variant="success">{t.approved}</Alert>}
        <GrantSummary grant={grant} t={t} />
        <p>
          {t.statusLabel}: <strong>{t.reportStatus[report.status]}</strong>
        </p>
        {report.hasBudget && <BudgetAgainstSpent report={report} t={t} lang={ch.lang} />}
        {may.decide && report.status === 'submitted' && (
          <form method="post" action={pageHref('grantFinancialReportApproval', ch.lang, { id: grant.id })}>
            <CsrfField token={ch.csrfToken} />
            <button type="submit" class="button button-primary">
              {t.approveReport}
            </button>
          </form>
        )}
        {may.report && report.status !== 'approved' && (
          <div class="row">
            <div class="col-12 col-md-8 col-lg-6">
              <FinancialReportForm
                report={report}
                t={t}
                lang={ch.lang}
                m={ch.m}
                csrf={ch.csrfToken}
                action={pageHref('grantFinancialReport', ch.lang, { id: grant.id })}
                values={form?.values ?? reportFormValues(report, ch.lang)}
                errors={form?.errors ?? {}}
              />
            </div>
          </div>
        )}
      </>
    ),
    form?.status ?? 200,
  );
}

async function postReport(c: AppContext) {
  const t = grantFollowUpMessages(c.get('lang'));
  const { db, clock } = c.get('deps');
  const caller = callerOf(c);
  const id = c.req.param('id') ?? '';
  const { hasBudget } = await financialReportOf(db, caller, id);
  const values = formFields(await c.req.parseBody());
  const parsed = financialReportForm(!hasBudget).safeParse(values);
  if (!parsed.success) {
    const errors = toFieldErrors(parsed.error.issues, c.get('m'), t.errors);
    return reportPage(c, { values, errors, status: 422 });
  }
  try {
    await submitFinancialReport(db, caller, id, parsed.data, clock());
  } catch (e) {
    if (!(e instanceof AppError) || (e.code !== 'validation' && e.code !== 'conflict')) throw e;
    const errors = toFieldErrors(e.issues, c.get('m'), t.errors);
    return reportPage(c, { values, errors, status: e.code === 'conflict' ? 409 : 422 });
  }
  return c.redirect(pageHref('grantFinancialReport', c.get('lang'), { id }, { done: 'submitted' }), 303);
}

async function postApproval(c: AppContext) {
  const { db, clock } = c.get('deps');
  const id = c.req.param('id') ?? '';
  await approveFinancialReport(db, callerOf(c), id, clock());
  return c.redirect(pageHref('grantFinancialReport', c.get('lang'), { id }, { done: 'approved' }), 303);
}

export function registerFinancialReportPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'grantFinancialReport', (c) => reportPage(c));
  onPage(app, 'POST', 'grantFinancialReport', postReport);
  onPage(app, 'POST', 'grantFinancialReportApproval', postApproval);
}
