/**
 * Lists of people as CSV: a survey's uploaded recipients (e-mail, CVR, name) and the company
 * contacts a cluster supplies (CVR, e-mail, name). UTF-8, comma or semicolon, header first,
 * columns in any order (Danish or English names), other columns ignored. Every problem is
 * collected with its line and column, so the whole file can be corrected at once.
 */
import { z } from 'zod';
import { readCsv } from '../../imports/readers.ts';
import { SourceError } from '../../imports/source-error.ts';
import { isValidCvr } from '../reference/identifiers.ts';

export const MAX_LIST_BYTES = 2 * 1024 * 1024;
export const MAX_LIST_ROWS = 20_000;

export type ListColumn = 'email' | 'cvr' | 'name';

/** A problem in a list: where it is (line 1 is the header) and what it is. */
export interface ListIssue {
  line: number | null;
  column: ListColumn | null;
  value: string | null;
  code:
    | 'tooLarge'
    | 'encoding'
    | 'csvSyntax'
    | 'emptyFile'
    | 'missingColumn'
    | 'duplicateColumn'
    | 'fieldCount'
    | 'noRows'
    | 'tooManyRows'
    | 'required'
    | 'email'
    | 'cvr'
    | 'tooLong'
    | 'duplicate'
    | 'notParticipant';
}

export interface ListRow {
  line: number;
  email: string;
  cvr: string | null;
  name: string | null;
}

const ALIASES: Record<string, ListColumn> = {
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  cvr: 'cvr',
  'cvr-nummer': 'cvr',
  cvrnummer: 'cvr',
  name: 'name',
  navn: 'name',
};

const emailSchema = z.email();

async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** Excel with Danish settings writes semicolons: the header line tells which delimiter the file uses. */
function delimiterOf(bytes: Uint8Array): ',' | ';' {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8').split('\n', 1)[0] ?? '';
  return head.includes(';') && !head.includes(',') ? ';' : ',';
}

function readHeader(cells: string[], required: readonly ListColumn[]) {
  const issues: ListIssue[] = [];
  const columns = cells.map((raw) => ALIASES[raw.trim().toLowerCase()] ?? null);
  const seen = new Set<ListColumn>();
  columns.forEach((c, i) => {
    if (c && seen.has(c))
      issues.push({ line: 1, column: c, value: cells[i] ?? null, code: 'duplicateColumn' });
    if (c) seen.add(c);
  });
  for (const c of required)
    if (!seen.has(c)) issues.push({ line: 1, column: c, value: null, code: 'missingColumn' });
  return { columns, issues };
}

/** One data row's values checked; the row, or its problems. */
function readRow(
  line: number,
  values: Partial<Record<ListColumn, string>>,
  required: readonly ListColumn[],
): { row: ListRow | null; issues: ListIssue[] } {
  const issues: ListIssue[] = [];
  const email = (values.email ?? '').trim().toLowerCase();
  const cvr = (values.cvr ?? '').replace(/\s/g, '');
  const name = (values.name ?? '').trim();
  for (const c of required)
    if ((values[c] ?? '').trim() === '') issues.push({ line, column: c, value: null, code: 'required' });
  if (email !== '' && (!emailSchema.safeParse(email).success || email.length > 254))
    issues.push({ line, column: 'email', value: values.email ?? '', code: 'email' });
  if (cvr !== '' && !isValidCvr(cvr))
    issues.push({ line, column: 'cvr', value: values.cvr ?? '', code: 'cvr' });
  if (name.length > 200) issues.push({ line, column: 'name', value: null, code: 'tooLong' });
  if (issues.length > 0) return { row: null, issues };
  return { row: { line, email, cvr: cvr || null, name: name || null }, issues };
}

/**
 * Reads a list. `required` are the columns every row must fill (the e-mail always; the CVR for
 * company contacts). A second row for the same e-mail (or, with `uniqueBy: 'cvr'`, the same
 * CVR) is a problem naming the first line.
 */
export async function readPeopleList(
  bytes: Uint8Array,
  opts: { required: readonly ListColumn[]; uniqueBy: 'email' | 'cvr' },
): Promise<{ rows: ListRow[]; issues: ListIssue[] }> {
  if (bytes.byteLength > MAX_LIST_BYTES)
    return { rows: [], issues: [{ line: null, column: null, value: null, code: 'tooLarge' }] };
  const rows: ListRow[] = [];
  const issues: ListIssue[] = [];
  const firstLine = new Map<string, number>();
  let header: ReturnType<typeof readHeader> | null = null;
  try {
    for await (const record of readCsv(chunks(bytes), { delimiter: delimiterOf(bytes) })) {
      if (!header) {
        header = readHeader(record.cells, opts.required);
        issues.push(...header.issues);
        if (header.issues.length > 0) break;
        continue;
      }
      if (record.cells.every((c) => c.trim() === '')) continue;
      if (record.cells.length !== header.columns.length) {
        issues.push({ line: record.line, column: null, value: null, code: 'fieldCount' });
        continue;
      }
      if (rows.length >= MAX_LIST_ROWS) {
        issues.push({ line: record.line, column: null, value: null, code: 'tooManyRows' });
        break;
      }
      const values: Partial<Record<ListColumn, string>> = {};
      header.columns.forEach((c, i) => {
        if (c) values[c] = record.cells[i] ?? '';
      });
      const read = readRow(record.line, values, opts.required);
      issues.push(...read.issues);
      if (!read.row) continue;
      const key = opts.uniqueBy === 'cvr' ? (read.row.cvr ?? '') : read.row.email;
      const earlier = firstLine.get(key);
      if (earlier !== undefined) {
        issues.push({ line: record.line, column: opts.uniqueBy, value: String(earlier), code: 'duplicate' });
        continue;
      }
      firstLine.set(key, record.line);
      rows.push(read.row);
    }
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    // A CSV stops only on bad bytes, bad syntax or a record too long for any valid row.
    const code = err.code === 'encoding' || err.code === 'csvSyntax' ? err.code : 'tooLong';
    issues.push({ line: err.line, column: null, value: null, code });
  }
  if (!header && issues.length === 0) issues.push({ line: 1, column: null, value: null, code: 'emptyFile' });
  else if (rows.length === 0 && issues.length === 0)
    issues.push({ line: 2, column: null, value: null, code: 'noRows' });
  return { rows, issues };
}
