import { and, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { organisations } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import { authorize, can } from '../../domain/policy/policy.ts';
import { deliveryById, deliveryLog, submitDelivery } from '../../domain/reporting/deliveries.ts';
import type { DeliveryFile } from '../../domain/reporting/delivery.ts';
import { COLUMNS, REQUIRED_COLUMNS, type TableName } from '../../domain/reporting/rows.ts';
import { csvTemplate, xlsxTemplate } from '../../domain/reporting/templates.ts';
import { errorMessage } from '../../imports/errors.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { formatDateTime, formatNumber } from '../i18n/index.ts';
import { deliveryFile, uploadedForm } from '../multipart.ts';
import { href, type Lang, pageHref } from '../paths.ts';
import { renderPage } from '../render.tsx';
import { Alert } from '../views/forms.tsx';
import { CsrfField } from '../views/layout.tsx';
import { apiTokenMessages } from './api-tokens.messages.ts';
import { periodMessages } from './periods.messages.ts';
import { LockedPeriodNotice } from './periods.tsx';
import { COLUMN_HELP, reportingMessages } from './reporting.messages.ts';
import { onPage } from './routes.ts';

const SHOWN_ERRORS = 200;
const TABLES: TableName[] = ['clusters', 'activities', 'participants'];

/** The cluster organisations the signed-in user reports for (cluster staff memberships). */
async function reportingOrganisations(c: AppContext) {
  const user = authorize(c.get('user'), 'account.view');
  const ids = user.memberships
    .filter((m) => can(user, 'activities.write', { organisationId: m.organisationId }))
    .map((m) => m.organisationId);
  if (ids.length === 0) throw forbidden('Not cluster staff');
  const orgs = await c
    .get('deps')
    .db.select({ id: organisations.id, cvr: organisations.cvr })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.kind, 'cluster_organisation')));
  return { user, orgs };
}

async function deliveriesPage(c: AppContext, notice?: string) {
  const user = c.get('user');
  const seesAll = can(user, 'funding.view') || can(user, 'support.manage');
  const ids = seesAll ? null : (await reportingOrganisations(c)).orgs.map((o) => o.id);
  const mayUpload = !seesAll || user?.memberships.some((m) => m.role === 'cluster_staff');
  const log = await deliveryLog(c.get('deps').db, { organisationIds: ids });
  const t = reportingMessages(c.get('lang'));
  return renderPage(c, t.deliveriesTitle, ({ lang, csrfToken }) => (
    <>
      <h1>{t.deliveriesTitle}</h1>
      <p class="font-lead">{t.deliveriesIntro}</p>
      {can(user, 'reportingPeriods.overview') && (
        <p>
          <a href={href('reportingStatus', lang)}>{periodMessages(lang).deliveriesLink}</a>
        </p>
      )}
      {notice && <Alert variant="error">{notice}</Alert>}
      {mayUpload && (
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
  const { user, orgs } = await reportingOrganisations(c);
  const t = reportingMessages(c.get('lang'));
  // The CSRF check has streamed the files to disk; they are removed after the response.
  const given = uploadedForm(c).files.filter((f) => f.field === 'files' && f.bytes > 0);
  if (given.length === 0) return deliveriesPage(c, t.noFiles);
  const files: DeliveryFile[] = given.map(deliveryFile);
  const deps = c.get('deps');
  const outcome = await submitDelivery(deps.database, {
    actor: { userId: user.userId, label: user.email, requestId: c.get('requestId') },
    channel: 'web',
    organisationId: orgs[0]?.id ?? null,
    scope: {
      clusterCvrs: orgs.map((o) => o.cvr).filter((x): x is string => x !== null),
      mayRegisterClusters: false,
    },
    files,
    now: deps.clock,
  });
  return c.redirect(pageHref('delivery', c.get('lang'), { id: outcome.deliveryId }), 303);
}

async function deliveryPage(c: AppContext) {
  const user = authorize(c.get('user'), 'account.view');
  const d = await deliveryById(c.get('deps').db, c.req.param('id') ?? '');
  if (!d) throw notFound('delivery');
  const own = [d.organisationId, ...d.clusterIds].filter((x): x is string => x !== null);
  const allowed =
    own.some((id) => can(user, 'activities.read', { organisationId: id })) || can(user, 'funding.view');
  if (!allowed) throw forbidden('Not your delivery');
  const lang = c.get('lang');
  const t = reportingMessages(lang);
  if (c.req.query('format') === 'csv') {
    const lines = [
      'file,line,column,value,message',
      ...d.errors.map((e) =>
        [e.file, e.line, e.column ?? '', e.value ?? '', errorMessage(e.code, lang)]
          .map((v) => `"${String(v).replace(/"/g, '""')}"`)
          .join(','),
      ),
    ];
    c.header('Content-Disposition', `attachment; filename="fejlrapport-${d.id}.csv"`);
    return c.body(`\uFEFF${lines.join('\r\n')}\r\n`, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
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

function ErrorTable({ d, lang }: { d: NonNullable<Awaited<ReturnType<typeof deliveryById>>>; lang: Lang }) {
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

export function reportingPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  onPage(app, 'GET', 'deliveries', (c) => deliveriesPage(c));
  onPage(app, 'POST', 'deliveries', uploadDelivery);
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
  return app;
}
