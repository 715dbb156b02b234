/** The grants import: upload, preview of the changes, confirmation; and the templates. */
import type { Hono } from 'hono';
import { notFound } from '../../../domain/errors.ts';
import { type GrantImportPlan, importGrants, previewGrantImport } from '../../../domain/grants/import.ts';
import type { GrantImportIssue } from '../../../domain/grants/import-file.ts';
import { funderPortfolio } from '../../../domain/grants/queries.ts';
import { grantTemplateCsv, grantTemplateXlsx, plannedGrantsCsv } from '../../../reports/grant-template.ts';
import { XLSX_TYPE } from '../../../reports/xlsx.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { uploadedForm } from '../../multipart.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields } from '../../validation.ts';
import { Alert } from '../../views/forms.tsx';
import type { Chrome } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { grantImportMessages } from './import.messages.ts';
import { grantMessages } from './messages.ts';
import { ConfirmForm, ImportHelp, IssueTable, PreviewTable, UploadForm } from './views/import.tsx';

/** The funder of the page: an unknown funder is a 404 and another funder's a 403, before any input. */
async function pageFunder(c: AppContext) {
  const { funder } = await funderPortfolio(c.get('deps').db, callerOf(c), c.req.param('slug') ?? '');
  return funder;
}

const viewOf = (c: AppContext, slug: string) => (ch: Chrome) => ({
  ch,
  t: grantImportMessages(c.get('lang')),
  g: grantMessages(c.get('lang')),
  slug,
});

async function uploadPage(c: AppContext, error?: string) {
  const funder = await pageFunder(c);
  const t = grantImportMessages(c.get('lang'));
  const view = viewOf(c, funder.slug);
  return renderPage(
    c,
    t.title,
    (ch) => (
      <div class="row">
        <div class="col-12 col-lg-8">
          <p>
            <a href={pageHref('grantsFunder', ch.lang, { slug: funder.slug })}>
              {grantMessages(ch.lang).portfolioTitle(funder.name)}
            </a>
          </p>
          <h1>{t.title}</h1>
          <p class="font-lead">{t.lead(funder.name)}</p>
          <ImportHelp v={view(ch)} />
          <UploadForm v={view(ch)} error={error} />
        </div>
      </div>
    ),
    error ? 422 : 200,
  );
}

async function failedPage(c: AppContext, slug: string, issues: GrantImportIssue[]) {
  const t = grantImportMessages(c.get('lang'));
  const view = viewOf(c, slug);
  const status = issues.some((i) => i.code === 'tooLarge') ? 413 : 422;
  return renderPage(
    c,
    t.failedTitle,
    (ch) => (
      <>
        <h1>{t.failedTitle}</h1>
        <Alert variant="error">{t.failedText(issues.length)}</Alert>
        <IssueTable v={view(ch)} issues={issues} />
        <UploadForm v={view(ch)} />
      </>
    ),
    status,
  );
}

async function previewPage(c: AppContext, slug: string, plan: Extract<GrantImportPlan, { ok: true }>) {
  const t = grantImportMessages(c.get('lang'));
  const view = viewOf(c, slug);
  const { counts } = plan;
  return renderPage(c, t.previewTitle, (ch) => (
    <>
      <h1>{t.previewTitle}</h1>
      <Alert variant="info">{t.previewCounts(counts.new, counts.changed, counts.unchanged)}</Alert>
      <PreviewTable v={view(ch)} grants={plan.grants} />
      <ConfirmForm v={view(ch)} rowsCsv={plannedGrantsCsv(plan.grants)} />
    </>
  ));
}

async function previewUpload(c: AppContext) {
  const funder = await pageFunder(c);
  // The CSRF check has streamed the file to disk (an empty file input is no file).
  const file = uploadedForm(c).files.find((f) => f.field === 'file');
  if (!file) return uploadPage(c, grantImportMessages(c.get('lang')).noFile);
  const plan = await previewGrantImport(c.get('deps').db, callerOf(c), funder.id, {
    name: file.name,
    path: file.path,
  });
  return plan.ok ? previewPage(c, funder.slug, plan) : failedPage(c, funder.slug, plan.issues);
}

async function confirmImport(c: AppContext) {
  const funder = await pageFunder(c);
  const rows = formFields(await c.req.parseBody()).rows ?? '';
  const file = { name: 'rows.csv', content: new TextEncoder().encode(rows) };
  const result = await importGrants(c.get('deps').db, callerOf(c), funder.id, file);
  if (!result.ok) return failedPage(c, funder.slug, result.issues);
  return c.redirect(
    pageHref('grantsFunder', c.get('lang'), { slug: funder.slug }, { saved: 'imported' }),
    303,
  );
}

async function templateFile(c: AppContext) {
  const file = c.req.param('file') ?? '';
  if (file === 'bevillinger.csv') {
    c.header('Content-Disposition', `attachment; filename="${file}"`);
    return c.body(`\uFEFF${grantTemplateCsv()}`, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  }
  if (file === 'bevillinger.xlsx') {
    c.header('Content-Disposition', `attachment; filename="${file}"`);
    return c.body((await grantTemplateXlsx()) as unknown as ArrayBuffer, 200, { 'Content-Type': XLSX_TYPE });
  }
  throw notFound('template');
}

export function registerGrantImportPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'grantsImportTemplate', templateFile);
  onPage(app, 'GET', 'grantsImport', (c) => uploadPage(c));
  onPage(app, 'POST', 'grantsImport', previewUpload);
  onPage(app, 'POST', 'grantsImportConfirm', confirmImport);
}
