import { PassThrough, Readable, type Writable } from 'node:stream';
import type { Hono } from 'hono';
import { type AccountView, OFFICIAL } from '../../../domain/performance/policy.ts';
import {
  type AccountReport,
  type ReportSelection,
  reportAccounts,
  UnknownClusterError,
} from '../../../domain/performance/report.ts';
import { isValidCvr } from '../../../domain/reference/identifiers.ts';
import { accountCsv } from '../../../reports/csv.ts';
import { PDF_TYPE, writeAccountPdf } from '../../../reports/pdf.ts';
import { reportOptions, reportSections } from '../../../reports/sections.ts';
import { writeAccountXlsx, XLSX_TYPE } from '../../../reports/xlsx.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, type Lang, type PageKey, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { performanceExportMessages } from './exports.messages.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

const PAGE: Record<ExportFormat, PageKey> = {
  csv: 'performanceExportCsv',
  xlsx: 'performanceExportXlsx',
  pdf: 'performanceExportPdf',
};

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_TYPE,
  pdf: PDF_TYPE,
};

/**
 * The link to a download of the performance account of a year: nationally, for one cluster
 * (`cluster` a CVR) or, as XLSX or PDF, nationally and per cluster (`cluster: 'all'`).
 */
export function performanceExportHref(
  lang: Lang,
  year: number,
  format: ExportFormat,
  cluster?: string | undefined,
  preliminary = false,
): string {
  return pageHref(
    PAGE[format],
    lang,
    { year: String(year) },
    { cluster, [PRELIMINARY]: preliminary ? '1' : undefined },
  );
}

/** The query asking for the preliminary figures, as on the results pages. */
const PRELIMINARY = 'foreloebige';

function refuse(c: AppContext, status: 400 | 404, text: string) {
  const t = performanceExportMessages(c.get('lang'));
  return renderPage(
    c,
    t.badRequestTitle,
    ({ lang }) => (
      <>
        <h1>{t.badRequestTitle}</h1>
        <p>{text}</p>
        <p>
          <a href={href('home', lang)}>{t.back}</a>
        </p>
      </>
    ),
    status,
  );
}

/** The response body as a stream that `render` writes to; a failure mid-way aborts the download. */
function streamed(render: (out: Writable) => Promise<void>): ReadableStream {
  const out = new PassThrough();
  render(out).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return Readable.toWeb(out) as ReadableStream;
}

function download(format: ExportFormat) {
  return async (c: AppContext) => {
    const lang = c.get('lang');
    const t = performanceExportMessages(lang);
    const rawYear = c.req.param('year') ?? '';
    const year = Number(rawYear);
    if (!/^\d{4}$/.test(rawYear) || year < 2000 || year > 2100) return refuse(c, 400, t.badYear(rawYear));
    const cluster = c.req.query('cluster')?.trim() || undefined;
    if (cluster === 'all' && format === 'csv') return refuse(c, 400, t.allNeedsWorkbook);
    if (cluster !== undefined && cluster !== 'all' && !isValidCvr(cluster))
      return refuse(c, 400, t.badCluster(cluster));
    const selection: ReportSelection =
      cluster === undefined
        ? { kind: 'national' }
        : cluster === 'all'
          ? { kind: 'all' }
          : { kind: 'cluster', cvr: cluster };

    const view: AccountView =
      c.req.query(PRELIMINARY) === '1' ? { basis: 'preliminary', principal: c.get('user') } : OFFICIAL;
    let report: AccountReport;
    try {
      report = await reportAccounts(c.get('deps').db, year, selection, view);
    } catch (err) {
      if (err instanceof UnknownClusterError) return refuse(c, 404, t.unknownCluster(err.cvr));
      throw err;
    }
    const sections = reportSections(report, lang);
    const suffix =
      (cluster === undefined ? '' : cluster === 'all' ? `-${t.allClusters}` : `-${cluster}`) +
      (report.preliminary ? `-${t.preliminary}` : '');
    const headers = {
      'Content-Type': CONTENT_TYPE[format],
      'Content-Disposition': `attachment; filename="${t.filename}-${year}${suffix}.${format}"`,
      'Cache-Control': 'no-cache',
    };
    if (format === 'csv') {
      const [only] = sections; // national or one cluster: 'all' was refused above
      if (!only) throw new Error('a CSV export has one account');
      return c.body(accountCsv(only.account), 200, headers);
    }
    const opts = reportOptions(report, lang, c.get('deps').clock());
    const write = format === 'xlsx' ? writeAccountXlsx : writeAccountPdf;
    return c.body(
      streamed((out) => write(sections, opts, out)),
      200,
      headers,
    );
  };
}

/**
 * Downloads of the performance account: the official figures, public like the results pages that
 * link here; `?foreloebige=1` the preliminary ones for whoever may see them (a visitor is sent to
 * sign in, anyone else refused: the domain decides), marked in every format.
 */
export function registerPerformanceExportPages(app: Hono<AppEnv>): void {
  for (const format of ['csv', 'xlsx', 'pdf'] as const) onPage(app, 'GET', PAGE[format], download(format));
}
