import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import {
  importLabelsCsv,
  LABEL_CSV_EXAMPLE,
  MAX_LABEL_CSV_BYTES,
} from '../../../domain/labels/csv-import.ts';
import {
  type ExpiringLabel,
  expiringLabelsFor,
  type LabelCounts,
  labelCounts,
  labelRegions,
  labelRegister,
  type RegionOption,
  type RegisterRow,
} from '../../../domain/labels/queries.ts';
import {
  type ImportIssue,
  LABEL_CSV_COLUMNS,
  LABEL_LEVELS,
  LABEL_STATUSES,
  type LabelStatus,
  type RegisterFilterQuery,
  registerFilterQuery,
} from '../../../domain/labels/schemas.ts';
import { authorize, can } from '../../../domain/policy/policy.ts';
import { toCsv } from '../../../reports/csv-writer.ts';
import { type AppContext, type AppEnv, today } from '../../context.ts';
import { formatDate, formatNumber } from '../../i18n/index.ts';
import { uploadedForm } from '../../multipart.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert, SelectField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { type LabelMessages, labelMessages } from './messages.ts';

/** More errors than this are counted, not listed: a wrong file can have thousands. */
const MAX_ERRORS_SHOWN = 500;

const STATUS_BADGE: Record<LabelStatus, string> = {
  valid: 'badge badge-success',
  expiring: 'badge badge-warning',
  expired: 'badge badge-error',
};

interface View {
  t: LabelMessages;
  lang: Lang;
}

function ClusterLink({ v, row }: { v: View; row: ExpiringLabel }) {
  return <a href={pageHref('cluster', v.lang, { slug: row.clusterSlug })}>{row.clusterName}</a>;
}

function LabelTable({
  v,
  rows,
  caption,
}: {
  v: View;
  rows: (ExpiringLabel & { status?: RegisterRow['status'] })[];
  caption: string;
}) {
  const { t, lang } = v;
  // The flags list only labels about to expire; their status would say the same on every row.
  const withStatus = rows.some((r) => r.status !== undefined);
  return (
    <div class="table--responsive-scroll">
      <table class="table table--zebra">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.cluster}</th>
            <th scope="col">{t.level}</th>
            <th scope="col">{t.awardedOn}</th>
            <th scope="col">{t.validUntil}</th>
            <th scope="col">{t.assessingBody}</th>
            {withStatus && <th scope="col">{t.status}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                <ClusterLink v={v} row={row} />
              </th>
              <td>{t.levels[row.level]}</td>
              <td>{formatDate(row.awardedOn, lang)}</td>
              <td>{formatDate(row.validUntil, lang)}</td>
              <td>{row.assessingBody}</td>
              {row.status && (
                <td>
                  <span class={STATUS_BADGE[row.status]}>{t.statuses[row.status]}</span>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ExpiringFlags({ v, rows, own }: { v: View; rows: ExpiringLabel[]; own: boolean }) {
  const { t } = v;
  return (
    <section aria-labelledby="expiring-heading" class="mt-7">
      <h2 id="expiring-heading">{t.expiringHeading}</h2>
      <p>{own ? t.expiringIntroOwn : t.expiringIntroSupport}</p>
      {rows.length === 0 ? (
        <p>{t.expiringNone}</p>
      ) : (
        <LabelTable v={v} rows={rows} caption={t.expiringCaption} />
      )}
    </section>
  );
}

function Summary({ v, counts }: { v: View; counts: LabelCounts }) {
  const { t, lang } = v;
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t.summaryHeading}</h2>
      <ul class="key-figures">
        {(['gold', 'silver', 'bronze'] as const).map((level) => (
          <li>
            <span class="key-figure-value">{formatNumber(counts[level], lang)}</span>
            {t.summaryText(counts[level], t.levels[level])}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RegisterFilters({
  v,
  filter,
  regions,
}: {
  v: View;
  filter: RegisterFilterQuery;
  regions: RegionOption[];
}) {
  const { t, lang } = v;
  const filtered = filter.level || filter.status || filter.region !== undefined;
  return (
    <form method="get" action={href('labels', lang)} aria-labelledby="filter-heading" class="mt-7">
      <h2 id="filter-heading">{t.filterHeading}</h2>
      <div class="row">
        <div class="col-12 col-md-4">
          <SelectField
            name="level"
            label={t.level}
            placeholder={t.all}
            value={filter.level}
            options={[...LABEL_LEVELS].reverse().map((l) => ({ value: l, label: t.levels[l] }))}
          />
        </div>
        <div class="col-12 col-md-4">
          <SelectField
            name="status"
            label={t.status}
            placeholder={t.all}
            value={filter.status}
            options={LABEL_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))}
          />
        </div>
        <div class="col-12 col-md-4">
          <SelectField
            name="region"
            label={t.region}
            placeholder={t.all}
            value={filter.region?.toString()}
            options={regions.map((r) => ({
              value: String(r.code),
              label: lang === 'da' ? r.name : r.nameEn,
            }))}
          />
        </div>
      </div>
      <button type="submit" class="button button-secondary">
        {t.filter}
      </button>
      {filtered && (
        <a href={href('labels', lang)} class="ml-5">
          {t.resetFilter}
        </a>
      )}
    </form>
  );
}

async function registerPage(c: AppContext) {
  const { db } = c.get('deps');
  const user = c.get('user');
  const lang = c.get('lang');
  const v: View = { t: labelMessages(lang), lang };
  const day = today(c);
  const filter = registerFilterQuery.parse(c.req.query());
  const [rows, counts, regions, expiring] = await Promise.all([
    labelRegister(db, { ...filter, today: day }),
    labelCounts(db, day),
    labelRegions(db),
    expiringLabelsFor(db, user, day),
  ]);
  const { t } = v;
  return renderPage(c, t.title, () => (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      <Summary v={v} counts={counts} />
      {expiring && <ExpiringFlags v={v} rows={expiring.rows} own={expiring.scope === 'own'} />}
      {user && can(user, 'support.manage') && (
        <p class="mt-5">
          <a href={href('labelImport', lang)}>{t.importLink}</a>
        </p>
      )}
      <RegisterFilters v={v} filter={filter} regions={regions} />
      <p role="status" class="mt-5">
        {t.count(rows.length)}
      </p>
      {rows.length === 0 ? <p>{t.empty}</p> : <LabelTable v={v} rows={rows} caption={t.caption} />}
    </>
  ));
}

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
    <div class="table--responsive-scroll">
      <table class="table table--compact table--zebra">
        <caption>{t.importErrorsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.line}</th>
            <th scope="col">{t.column}</th>
            <th scope="col">{t.value}</th>
            <th scope="col">{t.problem}</th>
          </tr>
        </thead>
        <tbody>
          {errors.slice(0, MAX_ERRORS_SHOWN).map((e) => (
            <tr>
              <td>{e.line ?? t.wholeFile}</td>
              <td>{e.column ? <code>{e.column}</code> : t.none}</td>
              <td>{e.value === null || e.value === '' ? t.none : <code>{e.value}</code>}</td>
              <td>{t.issues[e.code](e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function importResultPage(
  c: AppContext,
  result: Awaited<ReturnType<typeof importLabelsCsv>>,
): Promise<Response> {
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

/** The public label register and the label import for the support function. */
export function registerLabelPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'labels', registerPage);

  onPage(app, 'GET', 'labelImport', (c) => {
    authorize(c.get('user'), 'support.manage');
    return importPage(c);
  });

  onPage(app, 'POST', 'labelImport', async (c) => {
    const user = authorize(c.get('user'), 'support.manage');
    // The CSRF check has streamed the file to disk (an empty file input is no file).
    const file = uploadedForm(c).files.find((f) => f.field === 'file');
    if (!file) return importPage(c, { error: labelMessages(c.get('lang')).importNoFile, status: 422 });
    const actor = { userId: user.userId, label: user.email, requestId: c.get('requestId') };
    // The body limit keeps the file to about 2 MB, so its bytes may as well be read whole.
    const bytes = new Uint8Array(await readFile(file.path));
    const result = await importLabelsCsv(c.get('deps').db, actor, bytes, { maxBytes: MAX_LABEL_CSV_BYTES });
    return importResultPage(c, result);
  });

  onPage(app, 'GET', 'labelImportTemplate', (c) => {
    c.header('Content-Disposition', 'attachment; filename="maerker-skabelon.csv"');
    return c.body(`\uFEFF${toCsv(LABEL_CSV_COLUMNS, [])}`, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
    });
  });
}
