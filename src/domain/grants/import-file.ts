/**
 * A funder's portfolio as a file (docs/grants.md): CSV (UTF-8, comma or semicolon) or the first
 * sheet of an XLSX workbook, header first, columns in any order. Read with the shared streaming
 * readers of src/imports; every problem of form is collected with its line and column, so the
 * whole file can be corrected at once. The values are checked by import.ts.
 */
import { readFile, stat } from 'node:fs/promises';
import { readCsv, type SourceRecord } from '../../imports/readers.ts';
import { SourceError, type SourceErrorCode } from '../../imports/source-error.ts';
import { readXlsx } from '../../imports/xlsx.ts';

/** Far above any funder's portfolio (a few hundred rows), well below harm. */
export const MAX_GRANT_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_GRANT_ROWS = 10_000;

/** The columns of the file, as the template has them; `funder` may be left out. */
export const GRANT_FILE_COLUMNS = [
  'cluster',
  'year',
  'amount_dkk',
  'source',
  'responsible',
  'override_reason',
  'funder',
] as const;
export type GrantFileColumn = (typeof GRANT_FILE_COLUMNS)[number];
const OPTIONAL_COLUMNS: readonly GrantFileColumn[] = ['funder'];

export type GrantImportCode =
  | SourceErrorCode
  | 'tooLarge'
  | 'emptyFile'
  | 'noRows'
  | 'tooManyRows'
  | 'unknownColumn'
  | 'missingColumn'
  | 'duplicateColumn'
  | 'fieldCount'
  | 'required'
  | 'unknownCluster'
  | 'clusterEnded'
  | 'year'
  | 'amount'
  | 'source'
  | 'yesNo'
  | 'tooLong'
  | 'otherFunder'
  | 'duplicateRow'
  | 'overrideReasonRequired'
  | 'responsibleTaken';

/** A problem in the file: where it is (line 1 is the header; null for the file as a whole) and what. */
export interface GrantImportIssue {
  line: number | null;
  column: GrantFileColumn | null;
  value: string | null;
  code: GrantImportCode;
  /** The line a duplicate row repeats. */
  detail?: number;
}

export interface GrantFileRow {
  line: number;
  values: Partial<Record<GrantFileColumn, string>>;
}

/** An uploaded file on disk, or rows sent back as CSV text (the preview's confirmation). */
export type GrantFile = { name: string; path: string } | { name: string; content: Uint8Array };

const isXlsx = (file: GrantFile) => /\.xlsx$/i.test(file.name);

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** Excel with Danish settings saves CSV with semicolons: the header line tells which. */
function delimiterOf(bytes: Uint8Array): ',' | ';' {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8').split('\n', 1)[0] ?? '';
  return head.includes(';') && !head.includes(',') ? ';' : ',';
}

function readHeader(cells: string[]) {
  const issues: GrantImportIssue[] = [];
  const seen = new Set<GrantFileColumn>();
  const columns = cells.map((raw) => {
    const name = raw.trim().toLowerCase() as GrantFileColumn;
    if (!GRANT_FILE_COLUMNS.includes(name)) {
      issues.push({ line: 1, column: null, value: raw, code: 'unknownColumn' });
      return null;
    }
    if (seen.has(name)) issues.push({ line: 1, column: name, value: raw, code: 'duplicateColumn' });
    seen.add(name);
    return name;
  });
  for (const column of GRANT_FILE_COLUMNS)
    if (!seen.has(column) && !OPTIONAL_COLUMNS.includes(column))
      issues.push({ line: 1, column, value: null, code: 'missingColumn' });
  return { columns, issues };
}

async function* recordsOf(file: GrantFile): AsyncGenerator<SourceRecord> {
  if (isXlsx(file) && 'path' in file) {
    // The first sheet is the portfolio (read while the workbook is open); other sheets may hold notes.
    for await (const sheet of readXlsx(file.path)) {
      yield* sheet.records;
      return;
    }
    return;
  }
  const bytes = 'content' in file ? file.content : new Uint8Array(await readFile(file.path));
  yield* readCsv(once(bytes), { delimiter: delimiterOf(bytes) });
}

async function sizeOf(file: GrantFile): Promise<number> {
  return 'content' in file ? file.content.byteLength : (await stat(file.path)).size;
}

/** The data rows of a grants file with their line numbers, and every problem of form in it. */
export async function readGrantFile(
  file: GrantFile,
): Promise<{ rows: GrantFileRow[]; issues: GrantImportIssue[] }> {
  if ((await sizeOf(file)) > MAX_GRANT_FILE_BYTES)
    return { rows: [], issues: [{ line: null, column: null, value: null, code: 'tooLarge' }] };
  const rows: GrantFileRow[] = [];
  const issues: GrantImportIssue[] = [];
  let header: ReturnType<typeof readHeader> | null = null;
  try {
    for await (const record of recordsOf(file)) {
      if (record.cells.every((c) => c.trim() === '')) continue;
      if (!header) {
        header = readHeader(record.cells);
        issues.push(...header.issues);
        if (header.issues.length > 0) break;
        continue;
      }
      if (record.cells.length > header.columns.length) {
        issues.push({ line: record.line, column: null, value: null, code: 'fieldCount' });
        continue;
      }
      if (rows.length >= MAX_GRANT_ROWS) {
        issues.push({ line: record.line, column: null, value: null, code: 'tooManyRows' });
        break;
      }
      const values: GrantFileRow['values'] = {};
      header.columns.forEach((column, i) => {
        if (column) values[column] = (record.cells[i] ?? '').trim();
      });
      rows.push({ line: record.line, values });
    }
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    issues.push({ line: err.line || null, column: null, value: null, code: err.code });
  }
  if (!header && issues.length === 0) issues.push({ line: 1, column: null, value: null, code: 'emptyFile' });
  else if (rows.length === 0 && issues.length === 0)
    issues.push({ line: 2, column: null, value: null, code: 'noRows' });
  return { rows, issues };
}
