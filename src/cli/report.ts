import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Database } from '../db/client.ts';
import { performanceAccount } from '../domain/performance/account.ts';
import { accountCsv } from '../reports/csv.ts';
import { writeAccountPdf } from '../reports/pdf.ts';
import { regionNames, reportSections, UnknownClusterError } from '../reports/sections.ts';
import { writeAccountXlsx } from '../reports/xlsx.ts';
import { fail, type ReportArgs } from './report-args.ts';

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
