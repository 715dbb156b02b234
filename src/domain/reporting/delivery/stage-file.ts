import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SourceError } from '../../../imports/source-error.ts';
import { readXlsx } from '../../../imports/xlsx.ts';
import type { ErrorList } from '../format/errors.ts';
import { TABLE_ORDER } from '../format/records.ts';
import { stageCsv } from './copy-csv.ts';
import type { DeliveryFile, FileSummary, Progress, Timings } from './load.ts';
import { bytesProgress, hashed, stageRecords } from './read-records.ts';
import type { Stager } from './stager.ts';

export interface FileContext {
  summary: FileSummary;
  stager: Stager;
  errors: ErrorList;
  progress?: Progress | undefined;
  timings?: Timings | undefined;
}

/**
 * Runs `work` on the path of the file's bytes once they have all passed `source` (hashed and
 * counted): the file's own path, or a temporary copy of a file that has none. A workbook is a zip
 * archive, read from its directory at the end.
 */
async function withFileOnDisk<T>(
  file: DeliveryFile,
  source: AsyncIterable<Buffer | Uint8Array>,
  work: (path: string) => Promise<T>,
): Promise<T> {
  if (file.path) {
    for await (const _ of source);
    return work(file.path);
  }
  const dir = await mkdtemp(join(tmpdir(), 'klynge-workbook-'));
  try {
    const path = join(dir, 'workbook.xlsx');
    await pipeline(source, createWriteStream(path));
    return await work(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A workbook sheet by sheet, each sheet named for its table. A sheet whose records stop early
 * (an error in its header or its text) ends there and the next sheet is read; an unknown sheet
 * with anything in it is an error, an empty one is left alone.
 */
async function stageWorkbook(path: string, file: DeliveryFile, fileIndex: number, ctx: FileContext) {
  const { summary, stager, errors, progress } = ctx;
  summary.table = 'workbook';
  for await (const sheet of readXlsx(path)) {
    const table = TABLE_ORDER.find((t) => t === sheet.name.toLowerCase());
    const name = `${file.name}#${sheet.name}`;
    if (!table) {
      for await (const _ of sheet.records) {
        errors.add({ file: name, line: 0, column: null, value: sheet.name, code: 'sheetUnknown' });
        break;
      }
      continue;
    }
    const staged = await stageRecords(sheet.records, {
      file: name,
      fileIndex,
      stager,
      errors,
      strictWidth: false,
      forced: table,
      progress,
    });
    summary.rows += staged.rows;
  }
}

/**
 * Reads one file of a delivery (a CSV file, or a workbook sheet by sheet) into the staging tables,
 * adding every error to `errors`; `summary` gets its size, checksum, table and rows.
 */
export async function stageFile(file: DeliveryFile, fileIndex: number, ctx: FileContext) {
  const { summary, errors, progress } = ctx;
  const onBytes = bytesProgress(file.name, summary, progress);
  const source = hashed(file.open(), summary, onBytes);
  try {
    if (/\.xlsx$/i.test(file.name)) {
      await withFileOnDisk(file, source, (path) => stageWorkbook(path, file, fileIndex, ctx));
    } else {
      await stageCsv(source, { ...ctx, file, fileIndex, onBytes });
    }
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    errors.add({ file: file.name, line: err.line, column: null, value: null, code: err.code });
  }
}
