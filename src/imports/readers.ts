import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { cellName, MAX_RECORD_CHARS, SourceError } from './source-error.ts';

/** A record of one file: its cells as text and the line it starts on (the header is line 1). */
export interface SourceRecord {
  line: number;
  cells: string[];
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
 * records are yielded as they are parsed, and a record over MAX_RECORD_CHARS stops the file with
 * a `cellTooLong` error at its line and cell. Blank lines are skipped but still counted. The
 * delimiter is a comma unless given (Excel with Danish settings writes semicolons).
 */
export async function* readCsv(
  source: AsyncIterable<Buffer | Uint8Array>,
  opts: { delimiter?: ',' | ';' } = {},
): AsyncGenerator<SourceRecord> {
  let lastLine = 0;
  let header: string[] | null = null;
  const parser = parse({
    info: true,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    delimiter: opts.delimiter ?? ',',
    max_record_size: MAX_RECORD_CHARS,
    // Seen as parsed: a record that stops the parser may come before the header reaches the loop.
    // (With `info`, each record comes as { record, info }; the typings do not know.)
    on_record: (parsed: string[]) => {
      const { record } = parsed as unknown as { record: string[] };
      if (!header && !(record.length === 1 && record[0] === '')) header = record;
      return parsed;
    },
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
    const e = err as { code?: string; lines?: number; column?: number; message?: string };
    if (e.code === 'CSV_MAX_RECORD_SIZE') {
      const column = typeof e.column === 'number' ? cellName(header, e.column) : null;
      throw new SourceError('cellTooLong', e.lines ?? lastLine + 1, 'record too long', column);
    }
    if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
      throw new SourceError('csvSyntax', e.lines ?? lastLine + 1, e.message ?? 'invalid CSV');
    }
    throw err;
  }
}
