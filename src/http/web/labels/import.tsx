import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { type ImportResult, importLabelsCsv } from '../../../domain/labels/commands.ts';
import { LABEL_CSV_EXAMPLE, MAX_LABEL_CSV_BYTES } from '../../../domain/labels/csv-import.ts';
import { authorizeLabelImport } from '../../../domain/labels/policy.ts';
import { type ImportIssue, LABEL_CSV_COLUMNS } from '../../../domain/labels/schemas.ts';
import { toCsv } from '../../../reports/csv-writer.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { uploadedForm } from '../../multipart.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { FileIssueTable } from '../../views/file-issues.tsx';
import { Alert } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { labelMessages } from './messages.ts';
import type { View } from './register.tsx';

/** More errors than this are counted, not listed: a wrong file can have thousands. */
const MAX_ERRORS_SHOWN = 500;

function ImportHelp({ v }: { v: View }) {
  const { t } = v;
  return (
    <>
      <h2>{t.importColumnsHeading}</h2>
      <ul>
        {LABEL_CSV_COLUMNS.map((column) => (
          <li>
            <code>{column}</code>: {t.importColumns[column]}
          </li>
        ))}
      </ul>
      <p>{t.importFormat}</p>
      <h3>{t.importExampleHeading}</h3>
      <pre>
        <code>{LABEL_CSV_EXAMPLE}</code>
      </pre>
      <p>
        <a href={href('labelImportTemplate', v.lang)} download>
          {t.importTemplate}
        </a>
      </p>
    </>
  );
}

async function importPage(c: AppContext, opts: { error?: string; status?: 200 | 422 } = {}) {
  const lang = c.get('lang');
  const v: View = { t: labelMessages(lang), lang };
  const { t } = v;
  return renderPage(
    c,
    t.importTitle,
    (ch) => (
      <div class="row">
        <div class="col-12 col-lg-8">
          <h1>{t.importTitle}</h1>
          <p class="font-lead">{t.importIntro}</p>
          <ImportHelp v={v} />
          <form method="post" action={href('labelImport', lang)} enctype="multipart/form-data" class="mt-7">
            <CsrfField token={ch.csrfToken} />
            <div class={opts.error ? 'form-group form-error' : 'form-group'}>
              <label class="form-label" for="file">
                {t.importFile}
              </label>
              <span class="form-hint" id="file-hint">
                {t.importFileHint}
              </span>
              {opts.error && (
                <span class="form-error-message" id="file-error">
                  {opts.error}
                </span>
              )}
              <input
                type="file"
                id="file"
                name="file"
                accept=".csv,text/csv"
                aria-describedby={opts.error ? 'file-hint file-error' : 'file-hint'}
                aria-invalid={opts.error ? 'true' : undefined}
              />
            </div>
            <button type="submit" class="button button-primary">
              {t.importSubmit}
            </button>
          </form>
        </div>
      </div>
    ),
    opts.status ?? 200,
  );
}

function IssueTable({ v, errors }: { v: View; errors: ImportIssue[] }) {
  const { t } = v;
  return (
    <FileIssueTable
      caption={t.importErrorsCaption}
      words={t}
      rows={errors
        .slice(0, MAX_ERRORS_SHOWN)
        .map((e) => ({ line: e.line, column: e.column, value: e.value, message: t.issues[e.code](e) }))}
    />
  );
}

async function importResultPage(c: AppContext, result: ImportResult): Promise<Response> {
  const lang = c.get('lang');
  const v: View = { t: labelMessages(lang), lang };
  const { t } = v;
  const title = result.ok ? t.importDone : t.importFailed;
  const tooLarge = !result.ok && result.errors.some((e) => e.code === 'tooLarge');
  return renderPage(
    c,
    title,
    () => (
      <>
        <h1>{title}</h1>
        {result.ok ? (
          <Alert variant="success">{t.importCounts(result.inserted, result.updated, result.unchanged)}</Alert>
        ) : (
          <>
            <Alert variant="error">{t.importFailedText(result.errors.length)}</Alert>
            {result.errors.length > MAX_ERRORS_SHOWN && (
              <p>{t.importErrorsTruncated(MAX_ERRORS_SHOWN, result.errors.length)}</p>
            )}
            <IssueTable v={v} errors={result.errors} />
          </>
        )}
        <ul class="nobullet-list mt-5">
          <li>
            <a href={href('labels', lang)}>{t.backToRegister}</a>
          </li>
          <li>
            <a href={href('labelImport', lang)}>{t.importAnother}</a>
          </li>
        </ul>
      </>
    ),
    result.ok ? 200 : tooLarge ? 413 : 422,
  );
}

/** The label import for those who keep the register, and its template. */
export function registerLabelImportPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'labelImport', (c) => {
    authorizeLabelImport(callerOf(c));
    return importPage(c);
  });

  onPage(app, 'POST', 'labelImport', async (c) => {
    const caller = callerOf(c);
    authorizeLabelImport(caller);
    // The CSRF check has streamed the file to disk (an empty file input is no file).
    const file = uploadedForm(c).files.find((f) => f.field === 'file');
    if (!file) return importPage(c, { error: labelMessages(c.get('lang')).importNoFile, status: 422 });
    // The body limit keeps the file to about 2 MB, so its bytes may as well be read whole.
    const bytes = new Uint8Array(await readFile(file.path));
    const result = await importLabelsCsv(c.get('deps').db, caller, bytes, { maxBytes: MAX_LABEL_CSV_BYTES });
    return importResultPage(c, result);
  });

  onPage(app, 'GET', 'labelImportTemplate', (c) => {
    c.header('Content-Disposition', 'attachment; filename="maerker-skabelon.csv"');
    return c.body(`\uFEFF${toCsv(LABEL_CSV_COLUMNS, [])}`, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
    });
  });
}
