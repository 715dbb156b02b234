import type { PlannedGrant } from '../../../../domain/grants/import.ts';
import type { GrantImportIssue } from '../../../../domain/grants/import-file.ts';
import { GRANT_FILE_COLUMNS } from '../../../../domain/grants/import-file.ts';
import { formatAmount } from '../../../i18n/index.ts';
import { pageHref } from '../../../paths.ts';
import { FileIssueTable } from '../../../views/file-issues.tsx';
import { type Chrome, CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { GrantImportMessages } from '../import.messages.ts';
import type { GrantMessages } from '../messages.ts';

/** More errors than this are counted, not listed: a wrong file can have thousands. */
const MAX_ERRORS_SHOWN = 500;

type View = { ch: Chrome; t: GrantImportMessages; g: GrantMessages; slug: string };

/** The columns the file takes and the templates to start from. */
export function ImportHelp({ v }: { v: View }) {
  const { ch, t } = v;
  return (
    <>
      <h2>{t.columnsHeading}</h2>
      <ul>
        {GRANT_FILE_COLUMNS.map((column) => (
          <li>
            <code>{column}</code>: {t.columns[column]}
          </li>
        ))}
      </ul>
      <p>
        {t.templates}{' '}
        <a href={pageHref('grantsImportTemplate', ch.lang, { file: 'bevillinger.csv' })} download>
          {t.templateCsv}
        </a>
        ,{' '}
        <a href={pageHref('grantsImportTemplate', ch.lang, { file: 'bevillinger.xlsx' })} download>
          {t.templateXlsx}
        </a>
      </p>
    </>
  );
}

/** The upload: the CSRF field first, as every upload form (the check reads the stream). */
export function UploadForm({ v, error }: { v: View; error?: string | undefined }) {
  const { ch, t } = v;
  return (
    <form
      method="post"
      action={pageHref('grantsImport', ch.lang, { slug: v.slug })}
      enctype="multipart/form-data"
      class="mt-7"
    >
      <CsrfField token={ch.csrfToken} />
      <div class={error ? 'form-group form-error' : 'form-group'}>
        <label class="form-label" for="file">
          {t.file}
        </label>
        <span class="form-hint" id="file-hint">
          {t.fileHint}
        </span>
        {error && (
          <span class="form-error-message" id="file-error">
            {error}
          </span>
        )}
        <input
          type="file"
          id="file"
          name="file"
          class="form-input"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={error ? 'file-hint file-error' : 'file-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
      <button type="submit" class="button button-primary">
        {t.preview}
      </button>
    </form>
  );
}

export function IssueTable({ v, issues }: { v: View; issues: GrantImportIssue[] }) {
  const { t } = v;
  return (
    <FileIssueTable
      caption={t.errorsCaption}
      words={t}
      rows={issues
        .slice(0, MAX_ERRORS_SHOWN)
        .map((e) => ({ line: e.line, column: e.column, value: e.value, message: t.issues[e.code](e) }))}
    />
  );
}

/** What the file would change, row by row, in the file's order. */
export function PreviewTable({ v, grants }: { v: View; grants: PlannedGrant[] }) {
  const { ch, t, g: gt } = v;
  return (
    <ScrollingTable label={t.previewCaption}>
      <table class="table table--compact table--zebra">
        <caption>{t.previewCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.line}</th>
            <th scope="col">{gt.cluster}</th>
            <th scope="col">{gt.year}</th>
            <th scope="col">{gt.amount}</th>
            <th scope="col">{gt.source}</th>
            <th scope="col">{gt.responsible}</th>
            <th scope="col">{t.change}</th>
          </tr>
        </thead>
        <tbody>
          {grants.map((g) => (
            <tr>
              <td>{g.line}</td>
              <td>{g.clusterName}</td>
              <td>{g.year}</td>
              <td class="results-number">{formatAmount(g.amountDkk, ch.lang)}</td>
              <td>{gt.sources[g.source]}</td>
              <td>
                {g.responsible ? gt.yes : gt.no}
                {g.overrideReason && <div class="form-hint">{gt.override(g.overrideReason)}</div>}
              </td>
              <td>{t.changes[g.change]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** Confirms the import: the planned rows go back as CSV text and are checked again before writing. */
export function ConfirmForm({ v, rowsCsv }: { v: View; rowsCsv: string }) {
  const { ch, t } = v;
  return (
    <form method="post" action={pageHref('grantsImportConfirm', ch.lang, { slug: v.slug })} class="mt-5">
      <CsrfField token={ch.csrfToken} />
      <input type="hidden" name="rows" value={rowsCsv} />
      <button type="submit" class="button button-primary">
        {t.confirm}
      </button>{' '}
      <a class="button button-secondary" href={pageHref('grantsFunder', ch.lang, { slug: v.slug })}>
        {t.cancel}
      </a>
    </form>
  );
}
