import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Database } from '../db/client.ts';
import { performanceAccount } from '../domain/performance/account.ts';
import { accountQueryShape } from '../domain/performance/schemas.ts';
import { isValidCvr } from '../domain/reference/identifiers.ts';
import { accountCsv } from '../reports/csv.ts';
import { writeAccountPdf } from '../reports/pdf.ts';
import {
  type ReportSelection,
  regionNames,
  reportSections,
  UnknownClusterError,
} from '../reports/sections.ts';
import { writeAccountXlsx } from '../reports/xlsx.ts';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const fail = (message: string) => {
  process.stderr.write(`klynge report: ${message}\n`);
  return 2;
};

export interface ReportArgs {
  year: number;
  format: ReportFormat;
  selection: ReportSelection;
  out: string | undefined;
}

/**
 * Checks the arguments of `klynge report` before any database is opened: the parsed arguments,
 * or the message for a usage error (exit 2).
 */
export function parseReportArgs(opts: {
  year: string | undefined;
  cluster: string | undefined;
  region?: string | undefined;
  league?: string | undefined;
  format: string;
  out: string | undefined;
}): ReportArgs | string {
  const year = Number(opts.year);
  if (!opts.year || !Number.isInteger(year) || year < 2000 || year > 2100) {
    return '--year must be a year, e.g. --year 2023';
  }
  if (!(REPORT_FORMATS as readonly string[]).includes(opts.format)) {
    return `--format ${opts.format} is not available; use ${REPORT_FORMATS.join(', ')}`;
  }
  const format = opts.format as ReportFormat;
  const binary = format === 'xlsx' || format === 'pdf';
  if (opts.cluster === 'all' && !binary) {
    return '--cluster all gives one sheet or section per cluster: use it with --format xlsx or pdf';
  }
  if (opts.cluster !== undefined && opts.cluster !== 'all' && !isValidCvr(opts.cluster)) {
    return `--cluster must be a valid CVR number, not ${opts.cluster}`;
  }
  const scopes = [opts.cluster, opts.region, opts.league].filter((v) => v !== undefined);
  if (scopes.length > 1) return 'give at most one of --cluster, --region and --league';
  // The same rules as the API's query parameters.
  const region = accountQueryShape.region.safeParse(opts.region);
  if (!region.success)
    return `--region ${region.error.issues[0]?.message ?? 'is not valid'}, not ${opts.region}`;
  const league = accountQueryShape.league.safeParse(opts.league);
  if (!league.success)
    return `--league ${league.error.issues[0]?.message ?? 'is not valid'}, not ${opts.league}`;
  if (binary && !opts.out && process.stdout.isTTY) {
    return `--format ${format} is binary: give --out FILE, or redirect the output to a file`;
  }
  const selection: ReportSelection =
    region.data !== undefined
      ? { kind: 'region', regionCode: region.data }
      : league.data !== undefined
        ? { kind: 'league', league: league.data }
        : opts.cluster === undefined
          ? { kind: 'national' }
          : opts.cluster === 'all'
            ? { kind: 'all' }
            : { kind: 'cluster', cvr: opts.cluster };
  return { year, format, selection, out: opts.out };
}

/**
 * `klynge report --year Y [--cluster CVR|all | --region CODE | --league NAME] [--format json|csv|xlsx|pdf] [--out FILE]`
 * JSON and CSV are text; XLSX and PDF are binary and go to --out, or to stdout when that is not a
 * terminal (a pipe or a redirect). `--cluster all` (XLSX and PDF) adds every cluster's account.
 */
export async function reportCommand(database: Database, args: ReportArgs): Promise<number> {
  const { year, format, selection, out: outPath } = args;
  if (format === 'json' || format === 'csv') {
    const account = await performanceAccount(
      database.db,
      year,
      selection.kind === 'all' ? { kind: 'national' } : selection,
    );
    const text = format === 'json' ? `${JSON.stringify(account, null, 2)}\n` : accountCsv(account);
    if (outPath) await writeFile(outPath, text);
    else process.stdout.write(text);
    return 0;
  }

  let sections: Awaited<ReturnType<typeof reportSections>>;
  try {
    sections = await reportSections(database.db, year, selection, 'da');
  } catch (err) {
    if (err instanceof UnknownClusterError) return fail(`--cluster: ${err.message}`);
    throw err;
  }
  const reportOpts = {
    year,
    lang: 'da' as const,
    generatedAt: new Date(),
    regionNames: await regionNames(database.db, 'da'),
  };
  const out = outPath ? await openOutput(outPath) : toStdout();
  if (typeof out === 'string') return fail(out);
  if (format === 'xlsx') await writeAccountXlsx(sections, reportOpts, out);
  else await writeAccountPdf(sections, reportOpts, out);
  await finished(out);
  return 0;
}

/** A file stream once the file is open, or the reason it cannot be written. */
function openOutput(path: string): Promise<Writable | string> {
  return new Promise((resolve) => {
    const stream = createWriteStream(path);
    stream.once('open', () => resolve(stream));
    stream.once('error', (err: NodeJS.ErrnoException) =>
      resolve(`cannot write ${path}: ${err.code ?? err.message}`),
    );
  });
}

/** A stream into stdout that can be ended without closing stdout. */
function toStdout(): Writable {
  const pass = new PassThrough();
  pass.pipe(process.stdout, { end: false });
  return pass;
}
