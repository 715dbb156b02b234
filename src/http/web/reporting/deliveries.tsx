import type { Hono } from 'hono';
import { notFound } from '../../../domain/errors.ts';
import { deliveryLoadOf, queueDeliveryLoad } from '../../../domain/reporting/delivery/jobs.ts';
import { deliveryWorkspace, getDelivery } from '../../../domain/reporting/delivery/log.ts';
import { errorMessage } from '../../../domain/reporting/format/errors.ts';
import { TABLE_ORDER } from '../../../domain/reporting/format/records.ts';
import { deliveryRights } from '../../../domain/reporting/policy.ts';
import { toCsv } from '../../../reports/csv-writer.ts';
import { csvTemplate, xlsxTemplate } from '../../../reports/templates.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { uploadedForm } from '../../multipart.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { reportingMessages } from './messages.ts';
import { DeliveriesPage } from './views/deliveries.tsx';
import { JobGonePage, JobProgressPage, jobStatus } from './views/delivery-job.tsx';
import { DeliveryResultPage } from './views/delivery-result.tsx';
import { ReportingHelpPage } from './views/reporting-help.tsx';

/**
 * File deliveries in the workspace: the upload (loaded by a job of the queue, see delivery/jobs.ts),
 * its progress, the result with its errors, the log, and the guide and templates of the format.
 * Who may deliver and see what is the domain's (reporting policy).
 */
async function deliveriesPage(c: AppContext, notice?: string) {
  const workspace = await deliveryWorkspace(c.get('deps').db, callerOf(c));
  return renderPage(c, reportingMessages(c.get('lang')).deliveriesTitle, ({ lang, csrfToken }) => (
    <DeliveriesPage {...workspace} notice={notice} lang={lang} csrf={csrfToken} />
  ));
}

async function uploadDelivery(c: AppContext) {
  const caller = callerOf(c);
  // Refused before the uploaded files are kept (the job would refuse them too).
  deliveryRights(caller.principal);
  const t = reportingMessages(c.get('lang'));
  // The CSRF check has streamed the files to disk; they are stored with the load (any instance
  // may run it) and removed from disk after the response.
  const given = uploadedForm(c).files.filter((f) => f.field === 'files' && f.bytes > 0);
  if (given.length === 0) return deliveriesPage(c, t.noFiles);
  const deps = c.get('deps');
  const job = await queueDeliveryLoad(deps.database, deps.jobs, caller, given);
  return c.redirect(pageHref('deliveryJob', c.get('lang'), { id: job.id }), 303);
}

/** A delivery loading in the background: its progress while it loads, then a redirect to its result. */
async function deliveryJobPage(c: AppContext) {
  const lang = c.get('lang');
  const t = reportingMessages(lang);
  const job = await deliveryLoadOf(c.get('deps').db, callerOf(c), c.req.param('id') ?? '');
  const json = c.req.query('format') === 'json';
  if (!job) {
    if (json) return c.json({ state: 'gone' }, 404);
    return renderPage(c, t.jobTitle, () => <JobGonePage lang={lang} />, 404);
  }
  if (job.state === 'done' && job.deliveryId) {
    const location = pageHref('delivery', lang, { id: job.deliveryId });
    return json ? c.json({ state: 'done', location }) : c.redirect(location, 303);
  }
  if (json) return c.json(jobStatus(job, lang));
  return renderPage(c, t.jobTitle, () => <JobProgressPage job={job} lang={lang} />);
}

/** A delivery's result page, or (`?format=csv`) its error report. */
async function deliveryPage(c: AppContext) {
  const d = await getDelivery(c.get('deps').db, callerOf(c), c.req.param('id') ?? '');
  const lang = c.get('lang');
  if (c.req.query('format') === 'csv') {
    const csv = toCsv(
      ['file', 'line', 'column', 'value', 'message'],
      d.errors.map((e) => [e.file, e.line, e.column, e.value, errorMessage(e.code, lang)]),
    );
    c.header('Content-Disposition', `attachment; filename="fejlrapport-${d.id}.csv"`);
    return c.body(`\uFEFF${csv}`, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  }
  return renderPage(c, reportingMessages(lang).resultTitle, () => <DeliveryResultPage d={d} lang={lang} />);
}

async function templateFile(c: AppContext) {
  const file = c.req.param('file') ?? '';
  const table = TABLE_ORDER.find((t) => `${t}.csv` === file);
  c.header('Content-Disposition', `attachment; filename="${file}"`);
  if (table) return c.body(`\uFEFF${csvTemplate(table)}`, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  if (file === 'indberetning.xlsx') {
    const bytes = await xlsxTemplate();
    return c.body(bytes as unknown as ArrayBuffer, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  }
  throw notFound('template');
}

export function registerReportingPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'deliveries', (c) => deliveriesPage(c));
  onPage(app, 'POST', 'deliveries', uploadDelivery);
  onPage(app, 'GET', 'deliveryJob', deliveryJobPage);
  onPage(app, 'GET', 'delivery', deliveryPage);
  onPage(app, 'GET', 'reportingHelp', (c) =>
    renderPage(c, reportingMessages(c.get('lang')).helpTitle, ({ lang }) => (
      <ReportingHelpPage lang={lang} />
    )),
  );
  onPage(app, 'GET', 'reportingTemplate', templateFile);
}
