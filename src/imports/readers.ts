import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/** A record of one file: its cells as text and the line it starts on (the header is line 1). */
export interface SourceRecord {
  line: number;
  cells: string[];
}

export class SourceError extends Error {
  constructor(
    readonly code: 'csvSyntax' | 'encoding',
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Decodes UTF-8 strictly: a byte sequence that is not UTF-8 is an error naming its line, not a
 * silent U+FFFD.
 */
async function* strictUtf8(source: AsyncIterable<Buffer | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let newlines = 0;
  let pending: Uint8Array = new Uint8Array(0);
  for await (const chunk of source) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      // Find the line of the first bad byte by decoding leniently where it went wrong.
      const lenient = new TextDecoder('utf-8').decode(Buffer.concat([pending, chunk]));
      const bad = lenient.indexOf('\uFFFD');
      const before = lenient.slice(0, Math.max(bad, 0));
      throw new SourceError('encoding', newlines + (before.match(/\n/g)?.length ?? 0) + 1, 'not valid UTF-8');
    }
    newlines += text.match(/\n/g)?.length ?? 0;
    pending = chunk.slice(Math.max(0, chunk.length - 3));
    yield text;
  }
  try {
    yield decoder.decode();
  } catch {
    throw new SourceError('encoding', newlines + 1, 'not valid UTF-8');
  }
}

/**
 * Streams the records of an RFC 4180 CSV file (a UTF-8 BOM is accepted). Memory stays flat:
 * records are yielded as they are parsed. Blank lines are skipped but still counted. The
 * delimiter is a comma unless given (Excel with Danish settings writes semicolons).
 */
export async function* readCsv(
  source: AsyncIterable<Buffer | Uint8Array>,
  opts: { delimiter?: ',' | ';' } = {},
): AsyncGenerator<SourceRecord> {
  let lastLine = 0;
  const parser = parse({
    info: true,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    delimiter: opts.delimiter ?? ',',
  });
  const text = Readable.from(strictUtf8(source));
  text.on('error', (err) => parser.destroy(err));
  text.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const line = lastLine + 1;
      lastLine = info.lines;
      if (record.length === 1 && record[0] === '') continue;
      yield { line, cells: record };
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    const e = err as { code?: string; lines?: number; message?: string };
    if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
      throw new SourceError('csvSyntax', e.lines ?? lastLine + 1, e.message ?? 'invalid CSV');
    }
    throw err;
  }
}

/** A worksheet's cell as the text a CSV cell would hold: dates as YYYY-MM-DD, numbers plainly. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/**
 * Streams the sheets of an .xlsx workbook as records, one sheet after another, without
 * loading the workbook into memory. Row numbers are the sheet's own (header = 1).
 */
export async function* readXlsx(source: Readable): AsyncGenerator<{ sheet: string; record: SourceRecord }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const worksheet of workbook) {
    const sheet = (worksheet as unknown as { name: string }).name;
    for await (const row of worksheet) {
      const values = row.values as ExcelJS.CellValue[];
      // ExcelJS rows are 1-based: index 0 is unused.
      const cells = values.slice(1).map(cellText);
      if (cells.every((c) => c === '')) continue;
      yield { sheet, record: { line: row.number, cells } };
    }
  }
}
