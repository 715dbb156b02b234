import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Database } from '../db/client.ts';
import { systemCaller } from '../domain/caller.ts';
import type { AccountBasis } from '../domain/performance/account.ts';
import { type AccountView, OFFICIAL } from '../domain/performance/policy.ts';
import {
  type AccountReport,
  reportAccounts,
  scopeAccount,
  UnknownClusterError,
} from '../domain/performance/report.ts';
import { accountCsv } from '../reports/csv.ts';
import { writeAccountPdf } from '../reports/pdf.ts';
import { reportOptions, reportSections } from '../reports/sections.ts';
import { writeAccountXlsx } from '../reports/xlsx.ts';
import { fail, type ReportArgs } from './report-args.ts';

/** The command line reports as the system: its operator has the database anyway. */
const REPORTS = systemCaller('report');
const viewOf = (basis: AccountBasis): AccountView =>
  basis === 'preliminary' ? { basis, principal: REPORTS.principal } : OFFICIAL;

/**
 * `klynge report --year Y [--cluster CVR|all | --region CODE | --league NAME] [--preliminary]
 * [--format json|csv|xlsx|pdf] [--out FILE]`: the official account, or with --preliminary the
 * account of every delivery, marked as such in every format. The command line is the operator's,
 * who has the database anyway. JSON and CSV are text; XLSX and PDF are binary and go to --out, or
 * to stdout when that is not a terminal (a pipe or a redirect). `--cluster all` (XLSX and PDF)
 * adds every cluster's account.
 */
export async function reportCommand(database: Database, args: ReportArgs): Promise<number> {
  const { year, format, selection, basis, out: outPath } = args;
  try {
    if (format === 'json' || format === 'csv') {
      // `--cluster all` is refused for text formats by parseReportArgs.
      const scope = selection.kind === 'all' ? { kind: 'national' as const } : selection;
      const account = await scopeAccount(database.db, year, scope, viewOf(basis));
      const text = format === 'json' ? `${JSON.stringify(account, null, 2)}\n` : accountCsv(account);
      if (outPath) await writeFile(outPath, text);
      else process.stdout.write(text);
      return 0;
    }
    return await writeBinary(
      await reportAccounts(database.db, year, selection, viewOf(basis)),
      format,
      outPath,
    );
  } catch (err) {
    if (err instanceof UnknownClusterError) return fail(`--cluster: ${err.message}`);
    throw err;
  }
}

async function writeBinary(report: AccountReport, format: 'xlsx' | 'pdf', outPath: string | undefined) {
  const sections = reportSections(report, 'da');
  const opts = reportOptions(report, 'da', new Date());
  const out = outPath ? await openOutput(outPath) : toStdout();
  if (typeof out === 'string') return fail(out);
  if (format === 'xlsx') await writeAccountXlsx(sections, opts, out);
  else await writeAccountPdf(sections, opts, out);
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
