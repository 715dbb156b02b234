import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, type Info, parse } from 'csv-parse';
import {
  type ImportIssue,
  LABEL_CSV_COLUMNS,
  type LabelCsvColumn,
  type LabelRecord,
  validateLabelRow,
} from './schemas.ts';

/** The largest label list accepted: far above any real list (about 30,000 rows), well below harm. */
export const MAX_LABEL_CSV_BYTES = 2 * 1024 * 1024;

/** The template offered for download: the header only, with a BOM so that Excel reads UTF-8. */
export const LABEL_CSV_EXAMPLE = `${LABEL_CSV_COLUMNS.join(',')}\n12345674,gold,2025-06-30,2028-06-30,ESCA`;

export type LabelCsvInput = string | Uint8Array | AsyncIterable<string | Uint8Array>;

export interface CsvDataRow {
  line: number;
  values: Partial<Record<LabelCsvColumn, string>>;
}

/** A problem that ends reading: the file is too large or not UTF-8. */
class UnreadableFile extends Error {
  constructor(readonly issue: ImportIssue) {
    super(issue.code);
  }
}

/**
 * Bytes to text, refusing more than `maxBytes` and anything that is not UTF-8 (a Danish Excel
 * file saved as "CSV" is Windows-1252: æ, ø and å would turn into garbage silently). Windows line
 * ends become \n, because csv-parse counts a quoted \r\n as two lines and the line numbers in
 * the error table must match the file.
 */
async function* utf8Text(input: LabelCsvInput, maxBytes: number): AsyncGenerator<string> {
  const chunks = typeof input === 'string' || input instanceof Uint8Array ? [input] : input;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let carry = '';
  for await (const chunk of chunks) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    bytes += data.byteLength;
    if (bytes > maxBytes) {
      throw new UnreadableFile({ line: null, column: null, value: null, code: 'tooLarge', detail: maxBytes });
    }
    let text: string;
    try {
      text = carry + decoder.decode(data, { stream: true });
    } catch {
      throw new UnreadableFile({ line: null, column: null, value: null, code: 'encoding' });
    }
    // A \r at the end of a chunk may be the first half of \r\n.
    carry = text.endsWith('\r') ? '\r' : '';
    const ready = carry ? text.slice(0, -1) : text;
    if (ready) yield ready.replace(/\r\n/g, '\n');
  }
  if (carry) yield carry;
}

/**
 * Takes text until the end of the header line, so the delimiter can be chosen before parsing:
 * Excel with Danish settings saves CSV with semicolons. The column names contain neither
 * character, so the header tells for certain.
 */
async function sniffDelimiter(text: AsyncGenerator<string>): Promise<{ delimiter: string; head: string }> {
  let head = '';
  while (!head.includes('\n')) {
    const next = await text.next();
    if (next.done) break;
    head += next.value;
  }
  const firstLine = head.split('\n', 1)[0] ?? '';
  return { delimiter: firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',', head };
}

async function* prepend(head: string, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  if (head) yield head;
  yield* rest;
}

/** The header line as columns, with every problem in it. */
function readHeader(record: string[]): { columns: (LabelCsvColumn | null)[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  const columns = record.map((raw) => {
    const name = raw.trim().toLowerCase();
    const known = (LABEL_CSV_COLUMNS as readonly string[]).includes(name);
    if (!known) issues.push({ line: 1, column: null, value: raw, code: 'unknownColumn' });
    else if (seen.has(name)) issues.push({ line: 1, column: name, value: raw, code: 'duplicateColumn' });
    seen.add(name);
    return known ? (name as LabelCsvColumn) : null;
  });
  for (const column of LABEL_CSV_COLUMNS) {
    if (!seen.has(column)) issues.push({ line: 1, column, value: null, code: 'missingColumn' });
  }
  return { columns, issues };
}

/** Turns parsed records into data rows: the first record is the header, the rest follow its columns. */
function rowCollector() {
  const rows: CsvDataRow[] = [];
  const issues: ImportIssue[] = [];
  const missingColumns = new Set<string>();
  let columns: (LabelCsvColumn | null)[] | null = null;
  const onRecord = (record: string[], info: Info) => {
    // info.lines is the line a record ends on; a quoted field may span lines.
    const line = info.lines - record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    if (!columns) {
      const header = readHeader(record);
      columns = header.columns;
      issues.push(...header.issues);
      for (const i of header.issues) if (i.code === 'missingColumn' && i.column) missingColumns.add(i.column);
      return;
    }
    if (record.length !== columns.length) {
      issues.push({ line, column: null, value: null, code: 'fieldCount', detail: columns.length });
      return;
    }
    const values: CsvDataRow['values'] = {};
    columns.forEach((column, i) => {
      if (column) values[column] = record[i];
    });
    rows.push({ line, values });
  };
  return { rows, issues, missingColumns, onRecord, hasHeader: () => columns !== null };
}

/**
 * Reads a label list (RFC 4180 CSV, UTF-8, optional BOM, header first, columns in any order)
 * into data rows with their line numbers. Every problem of form is collected; the values are not
 * validated here.
 */
export async function readLabelCsv(
  input: LabelCsvInput,
  maxBytes = MAX_LABEL_CSV_BYTES,
): Promise<{ rows: CsvDataRow[]; issues: ImportIssue[]; missingColumns: Set<string> }> {
  const { rows, issues, missingColumns, onRecord, hasHeader } = rowCollector();
  try {
    const text = utf8Text(input, maxBytes);
    const { delimiter, head } = await sniffDelimiter(text);
    await pipeline(
      Readable.from(prepend(head, text)),
      parse({
        bom: true,
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        // Spreadsheets often leave rows of bare delimiters below the data.
        skip_records_with_empty_values: true,
        // Handled as parsed, not downstream: an error later in the file must not lose the rows before it.
        on_record: (record: string[], info) => {
          onRecord(record, info);
          return null;
        },
      }),
      async (records: AsyncIterable<unknown>) => {
        for await (const _ of records);
      },
    );
  } catch (e) {
    if (e instanceof UnreadableFile) return { rows: [], issues: [e.issue], missingColumns };
    if (!(e instanceof CsvError)) throw e;
    issues.push({
      line: (e as CsvError & { lines?: number }).lines ?? null,
      column: null,
      value: null,
      code: 'malformed',
    });
  }
  if (!hasHeader()) issues.push({ line: 1, column: null, value: null, code: 'emptyFile' });
  else if (rows.length === 0 && issues.length === 0)
    issues.push({ line: 2, column: null, value: null, code: 'noRows' });
  return { rows, issues, missingColumns };
}

/** Validates every row; the same label (cluster, level, award date) twice in one file is a mistake. */
function validateRows(rows: CsvDataRow[], missingColumns: Set<string>) {
  const issues: ImportIssue[] = [];
  const labels: (LabelRecord & { line: number })[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const result = validateLabelRow(row.values, row.line);
    if (!result.ok) {
      issues.push(...result.issues.filter((i) => !(i.column && missingColumns.has(i.column))));
      continue;
    }
    const { label } = result;
    const key = `${label.clusterCvr}|${label.level}|${label.awardedOn}`;
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      issues.push({ line: row.line, column: null, value: null, code: 'duplicateInFile', detail: first });
      continue;
    }
    firstLineOf.set(key, row.line);
    labels.push({ ...label, line: row.line });
  }
  return { labels, issues };
}

/**
 * Reads and validates a label list: the labels it holds, with their lines, and every problem of
 * form or value found in it. Whether the clusters exist is for the import to check.
 */
export async function readLabelList(
  input: LabelCsvInput,
  maxBytes = MAX_LABEL_CSV_BYTES,
): Promise<{ labels: (LabelRecord & { line: number })[]; issues: ImportIssue[] }> {
  const read = await readLabelCsv(input, maxBytes);
  const { labels, issues } = validateRows(read.rows, read.missingColumns);
  return { labels, issues: [...read.issues, ...issues] };
}

const COLUMN_ORDER = new Map<string | null, number>(LABEL_CSV_COLUMNS.map((c, i) => [c, i]));

/** Problems in the order of the file: by line, then by column. */
export function inFileOrder(issues: ImportIssue[]): ImportIssue[] {
  return issues.sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      (COLUMN_ORDER.get(a.column) ?? -1) - (COLUMN_ORDER.get(b.column) ?? -1),
  );
}
