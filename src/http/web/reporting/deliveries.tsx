import type { Hono } from 'hono';
import { notFound } from '../../../domain/errors.ts';
import type { DeliveryJob } from '../../../domain/reporting/delivery/jobs.ts';
import {
  type DeliveryDetail,
  deliveryWorkspace,
  getDelivery,
} from '../../../domain/reporting/delivery/log.ts';
import { errorMessage } from '../../../domain/reporting/format/errors.ts';
import { COLUMNS, REQUIRED_COLUMNS, type TableName } from '../../../domain/reporting/format/rows.ts';
import { deliveryRights } from '../../../domain/reporting/policy.ts';
import { toCsv } from '../../../reports/csv-writer.ts';
import { csvTemplate, xlsxTemplate } from '../../../reports/templates.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime, formatNumber } from '../../i18n/index.ts';
import { deliveryFile, keepFiles, uploadedForm } from '../../multipart.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { apiTokenMessages } from './api-tokens.messages.ts';
import { COLUMN_HELP, reportingMessages } from './messages.ts';
import { periodMessages } from './periods.messages.ts';
import { LockedPeriodNotice } from './views/locked-period-notice.tsx';

const SHOWN_ERRORS = 200;
const TABLES: TableName[] = ['clusters', 'activities', 'participants'];

async function deliveriesPage(c: AppContext, notice?: string) {
  const { mayDeliver, followsPeriods, log } = await deliveryWorkspace(c.get('deps').db, callerOf(c));
  const t = reportingMessages(c.get('lang'));
  return renderPage(c, t.deliveriesTitle, ({ lang, csrfToken }) => (
    <>
      <h1>{t.deliveriesTitle}</h1>
      <p class="font-lead">{t.deliveriesIntro}</p>
      {followsPeriods && (
        <p>
          <a href={href('reportingStatus', lang)}>{periodMessages(lang).deliveriesLink}</a>
        </p>
      )}
      {notice && <Alert variant="error">{notice}</Alert>}
      {mayDeliver && (
        <section aria-labelledby="upload-heading">
          <h2 id="upload-heading">{t.uploadHeading}</h2>
          <form method="post" action={href('deliveries', lang)} enctype="multipart/form-data">
            <CsrfField token={csrfToken} />
            <div class="form-group">
              <label class="form-label" for="files">
                {t.files}
              </label>
              <span class="form-hint" id="files-hint">
                {t.filesHint}
              </span>
              <input
                class="form-file-input"
                id="files"
                name="files"
                type="file"
                multiple
                accept=".csv,.xlsx,text/csv"
                aria-describedby="files-hint"
              />
            </div>
            <button type="submit" class="button button-primary">
              {t.upload}
            </button>
          </form>
          <h3 class="h4">{t.templates}</h3>
          <p>{t.templatesIntro}</p>
          <ul>
            {TABLES.map((table) => (
              <li>
                <a href={pageHref('reportingTemplate', lang, { file: `${table}.csv` })}>{table}.csv</a>
              </li>
            ))}
            <li>
              <a href={pageHref('reportingTemplate', lang, { file: 'indberetning.xlsx' })}>
                indberetning.xlsx
              </a>
            </li>
          </ul>
          <p>
            <a href={href('reportingHelp', lang)}>{t.help}</a>
          </p>
          <p>
            <a href={href('apiTokens', lang)}>{apiTokenMessages(lang).title}</a>
          </p>
        </section>
      )}
      <h2>{t.logHeading}</h2>
      {log.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.who}</th>
              <th scope="col">{t.channel}</th>
              <th scope="col">{t.rows}</th>
              <th scope="col">{t.result}</th>
            </tr>
          </thead>
          <tbody>
            {log.map((d) => (
              <tr>
                <td>
                  <a href={pageHref('delivery', lang, { id: d.id })}>
                    {formatDateTime(new Date(d.startedAt), lang)}
                  </a>
                </td>
                <td>{d.actorLabel}</td>
                <td>{t.channels[d.channel] ?? d.channel}</td>
                <td>{t.rowsText(d.counts.activities, d.counts.participants)}</td>
                <td>
                  <span class={d.status === 'loaded' ? 'badge badge-success' : 'badge badge-error'}>
                    {d.status === 'loaded' ? t.loaded : `${t.rejected}: ${t.errorsCount(d.errorCount)}`}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  ));
}

async function uploadDelivery(c: AppContext) {
  const caller = callerOf(c);
  // Refused before the uploaded files are kept (the job would refuse them too).
  deliveryRights(caller.principal);
  const t = reportingMessages(c.get('lang'));
  // The CSRF check has streamed the files to disk; they are removed after the response.
  const given = uploadedForm(c).files.filter((f) => f.field === 'files' && f.bytes > 0);
  if (given.length === 0) return deliveriesPage(c, t.noFiles);
  // They load after the response, so they move out of the request's directory into the job's.
  const kept = await keepFiles(given);
  const deps = c.get('deps');
  const job = await deps.deliveryJobs.start(
    caller,
    { channel: 'web', files: kept.files.map(deliveryFile), now: deps.clock },
    kept.files.map((f) => f.bytes),
    kept.remove,
  );
  return c.redirect(pageHref('deliveryJob', c.get('lang'), { id: job.id }), 303);
}

/** What a loading delivery's page and its JSON say: the phase in words and the share of bytes read. */
function jobStatus(job: DeliveryJob, lang: Lang) {
  const t = reportingMessages(lang);
  const percent = job.totalBytes ? Math.min(100, Math.floor((job.bytesRead * 100) / job.totalBytes)) : 0;
  const text =
    job.state === 'queued'
      ? t.jobQueued
      : job.phase === 'reading'
        ? t.jobReading(job.file ?? job.files[0]?.name ?? '')
        : job.phase === 'checking'
          ? t.jobChecking
          : t.jobWriting;
  return { state: job.state, percent, text };
}

/**
 * A delivery loading in the background (see DeliveryJobs): its progress while it loads, then a
 * redirect to its result. Without JavaScript the uploader refreshes by a link; with it, a small
 * script asks for `?format=json` every second.
 */
async function deliveryJobPage(c: AppContext) {
  const caller = callerOf(c);
  const lang = c.get('lang');
  const t = reportingMessages(lang);
  const job = c.get('deps').deliveryJobs.get(caller, c.req.param('id') ?? '');
  const json = c.req.query('format') === 'json';
  if (!job) {
    if (json) return c.json({ state: 'gone' }, 404);
    return renderPage(
      c,
      t.jobTitle,
      () => (
        <>
          <h1>{t.jobTitle}</h1>
          <Alert variant="warning">{t.jobGone}</Alert>
          <p>
            <a href={href('deliveries', lang)}>{t.back}</a>
          </p>
        </>
      ),
      404,
    );
  }
  if (job.state === 'done' && job.deliveryId) {
    const location = pageHref('delivery', lang, { id: job.deliveryId });
    return json ? c.json({ state: 'done', location }) : c.redirect(location, 303);
  }
  const status = jobStatus(job, lang);
  if (json) return c.json(status);
  const current = pageHref('deliveryJob', lang, { id: job.id });
  return renderPage(c, t.jobTitle, () => (
    <>
      <h1>{t.jobTitle}</h1>
      <p class="font-lead">{t.jobIntro(job.files.map((f) => f.name).join(', '))}</p>
      {status.state === 'failed' ? (
        <Alert variant="error">{t.jobFailed}</Alert>
      ) : (
        <>
          <div class="form-group">
            <label class="form-label" for="delivery-progress">
              {t.jobProgress}
            </label>
            <progress
              id="delivery-progress"
              class="delivery-progress"
              max="100"
              value={String(status.percent)}
            >
              {status.percent} %
            </progress>
          </div>
          <p role="status" id="delivery-status">
            {status.text}
          </p>
          <p class="form-hint" id="delivery-auto" hidden>
            {t.jobAutomatic}
          </p>
          <p>
            <a class="button button-secondary" id="delivery-refresh" href={current}>
              {t.jobRefresh}
            </a>
          </p>
          <script type="module" src="/static/delivery-progress.js" />
        </>
      )}
      <p>
        <a href={href('deliveries', lang)}>{t.back}</a>
      </p>
    </>
  ));
}

async function deliveryPage(c: AppContext) {
  const d = await getDelivery(c.get('deps').db, callerOf(c), c.req.param('id') ?? '');
  const lang = c.get('lang');
  const t = reportingMessages(lang);
  if (c.req.query('format') === 'csv') {
    const csv = toCsv(
      ['file', 'line', 'column', 'value', 'message'],
      d.errors.map((e) => [e.file, e.line, e.column, e.value, errorMessage(e.code, lang)]),
    );
    c.header('Content-Disposition', `attachment; filename="fejlrapport-${d.id}.csv"`);
    return c.body(`\uFEFF${csv}`, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  }
  return renderPage(c, t.resultTitle, () => (
    <>
      <h1>{t.resultTitle}</h1>
      {d.status === 'loaded' ? (
        <Alert variant="success">{t.loadedText}</Alert>
      ) : (
        <Alert variant="error">{t.rejectedText(d.errorCount)}</Alert>
      )}
      <LockedPeriodNotice errors={d.errors} lang={lang} />
      <p>
        {formatDateTime(new Date(d.startedAt), lang)} · {d.actorLabel} ·{' '}
        {t.rowsText(d.counts.activities, d.counts.participants)}
      </p>
      <table class="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t.file}</th>
            <th scope="col">{t.rows}</th>
            <th scope="col">{t.size}</th>
            <th scope="col">{t.checksum}</th>
          </tr>
        </thead>
        <tbody>
          {d.files.map((f) => (
            <tr>
              <td>{f.name}</td>
              <td>{formatNumber(f.rows, lang)}</td>
              <td>{formatNumber(f.bytes, lang)}</td>
              <td>
                <code class="checksum">{f.sha256}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.errors.length > 0 && <ErrorTable d={d} lang={lang} />}
      <p>
        <a href={href('deliveries', lang)}>{t.back}</a>
      </p>
    </>
  ));
}

function ErrorTable({ d, lang }: { d: DeliveryDetail; lang: Lang }) {
  const t = reportingMessages(lang);
  const shown = d.errors.slice(0, SHOWN_ERRORS);
  return (
    <>
      {d.errorCount > shown.length && <p>{t.moreErrors(shown.length, d.errorCount)}</p>}
      <p>
        <a href={`${pageHref('delivery', lang, { id: d.id })}?format=csv`}>{t.downloadErrors}</a>
      </p>
      <table class="table table--compact">
        <caption>{t.errorsCount(d.errorCount)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.file}</th>
            <th scope="col">{t.line}</th>
            <th scope="col">{t.column}</th>
            <th scope="col">{t.value}</th>
            <th scope="col">{t.message}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr>
              <td>{e.file}</td>
              <td>{e.line || '–'}</td>
              <td>{e.column ?? '–'}</td>
              <td>{e.value ?? ''}</td>
              <td>{errorMessage(e.code, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function helpPage(c: AppContext) {
  const lang = c.get('lang');
  const t = reportingMessages(lang);
  return renderPage(c, t.helpTitle, () => (
    <>
      <h1>{t.helpTitle}</h1>
      <p class="font-lead">{t.helpIntro}</p>
      {TABLES.map((table) => (
        <section aria-labelledby={`help-${table}`}>
          <h2 id={`help-${table}`}>{table}.csv</h2>
          <table class="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t.column}</th>
                <th scope="col">{t.required}</th>
                <th scope="col">{t.rule}</th>
              </tr>
            </thead>
            <tbody>
              {COLUMNS[table].map((column) => (
                <tr>
                  <th scope="row">
                    <code>{column}</code>
                  </th>
                  <td>{REQUIRED_COLUMNS[table].includes(column) ? t.yes : t.no}</td>
                  <td>{COLUMN_HELP[table]?.[column]?.[lang] ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  ));
}

export function registerReportingPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'deliveries', (c) => deliveriesPage(c));
  onPage(app, 'POST', 'deliveries', uploadDelivery);
  onPage(app, 'GET', 'deliveryJob', deliveryJobPage);
  onPage(app, 'GET', 'delivery', deliveryPage);
  onPage(app, 'GET', 'reportingHelp', helpPage);
  onPage(app, 'GET', 'reportingTemplate', async (c) => {
    const file = c.req.param('file') ?? '';
    const table = TABLES.find((t) => `${t}.csv` === file);
    c.header('Content-Disposition', `attachment; filename="${file}"`);
    if (table)
      return c.body(`\uFEFF${csvTemplate(table)}`, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    if (file === 'indberetning.xlsx') {
      const bytes = await xlsxTemplate();
      return c.body(bytes as unknown as ArrayBuffer, 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    }
    throw notFound('template');
  });
}
