/**
 * Handing a CSV file to PostgreSQL's own CSV parser (COPY ... FORMAT csv) while keeping the JS
 * reader's exact line numbers and RFC 4180 strictness (readers.ts): the header is read
 * here, and the body's bytes are watched on their way to COPY so that anything COPY would read
 * differently from the JS reader (quoted line breaks, a quote inside an unquoted cell, a blank
 * line, `\.`) is noticed and the file goes the precise JS way instead.
 */

import { MAX_RECORD_CHARS } from './source-error.ts';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * Watches the bytes of a CSV body (after the header line): counts its lines and checks that every
 * quote opens a cell or closes one. `expectedRows` is then the number of records the body has if
 * no record spans lines; when COPY reports that many rows, record i is on line i + 1. A line over
 * MAX_RECORD_CHARS bytes is left to the JS reader too, which stops at a record that long: rows
 * the JS rules read back from COPY then stay small.
 */
export class CsvShape {
  newlines = 0;
  bytes = 0;
  /** A quote in the wrong place, a quote left open at the end, or a line too long. */
  bad = false;
  /** Bytes since the last line break. */
  private lineBytes = 0;
  private last = LF;
  private inQuote = false;
  /** A quote inside a quoted cell ended the previous chunk: the next byte decides what it was. */
  private pending = false;

  feed(b: Uint8Array): void {
    if (b.length === 0) return;
    this.bytes += b.length;
    const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length);
    let lineStart = 0;
    for (let i = buf.indexOf(LF); i !== -1; i = buf.indexOf(LF, i + 1)) {
      this.newlines++;
      if (this.lineBytes + i - lineStart > MAX_RECORD_CHARS) this.bad = true;
      this.lineBytes = 0;
      lineStart = i + 1;
    }
    this.lineBytes += buf.length - lineStart;
    if (this.lineBytes > MAX_RECORD_CHARS) this.bad = true;
    let from = 0;
    if (this.pending) {
      this.pending = false;
      if (buf[0] === QUOTE) from = 1;
      else this.close(buf[0] as number);
    }
    for (let q = buf.indexOf(QUOTE, from); q !== -1; q = buf.indexOf(QUOTE, q + 1)) {
      if (!this.inQuote) {
        const prev = q > 0 ? buf[q - 1] : this.last;
        if (prev !== COMMA && prev !== LF) this.bad = true;
        this.inQuote = true;
      } else if (q + 1 >= buf.length) {
        this.pending = true;
      } else if (buf[q + 1] === QUOTE) {
        q++;
      } else {
        this.close(buf[q + 1] as number);
      }
    }
    this.last = buf[buf.length - 1] as number;
  }

  private close(next: number) {
    if (next !== COMMA && next !== CR && next !== LF) this.bad = true;
    this.inQuote = false;
  }

  /** Records the body holds when none spans lines (a last line without a line break counts). */
  get expectedRows(): number {
    if (this.pending) this.inQuote = false;
    if (this.inQuote) this.bad = true;
    return this.newlines + (this.bytes > 0 && this.last !== LF ? 1 : 0);
  }
}

/** The header line of a file and the bytes after it, read from the start of a byte stream. */
export interface HeaderSplit {
  /** The header's cells, or null when it is not plain (quotes, a bad byte, no line break soon). */
  header: string[] | null;
  /** Every byte read so far, to replay to another reader. */
  prefix: Buffer[];
  /** The bytes after the header line. */
  rest: Buffer;
  /** The rest of the stream. */
  iterator: AsyncIterator<Buffer | Uint8Array>;
}

const MAX_HEADER_BYTES = 64 * 1024;

/**
 * Reads up to the first line break. Only a plain header (no quotes, UTF-8, at most 64 KB) is
 * split into cells; anything else gets `header: null` and is left to the JS reader.
 */
export async function splitHeader(source: AsyncIterable<Buffer | Uint8Array>): Promise<HeaderSplit> {
  const iterator = source[Symbol.asyncIterator]();
  const prefix: Buffer[] = [];
  let size = 0;
  for (;;) {
    const joined = Buffer.concat(prefix);
    const nl = joined.indexOf(LF);
    if (nl !== -1) {
      let line = joined.subarray(0, nl);
      if (line[line.length - 1] === CR) line = line.subarray(0, line.length - 1);
      if (line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
      let text: string | null = null;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(line);
      } catch {
        text = null;
      }
      const plain = text !== null && !/["\r]/.test(text);
      return {
        header: plain ? (text as string).split(',') : null,
        prefix,
        rest: joined.subarray(nl + 1),
        iterator,
      };
    }
    if (size > MAX_HEADER_BYTES) break;
    const next = await iterator.next();
    if (next.done) break;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    prefix.push(chunk);
    size += chunk.length;
  }
  return { header: null, prefix, rest: Buffer.alloc(0), iterator };
}

/** The bytes already read, then the rest of the stream. */
export async function* replay(
  prefix: Buffer[],
  iterator: AsyncIterator<Buffer | Uint8Array>,
): AsyncGenerator<Buffer | Uint8Array> {
  yield* prefix;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

/**
 * Feeds a chunk on its way to COPY to the shape; once the shape is bad the COPY is abandoned
 * (this throws): the JS reader will judge the file, so PostgreSQL need not read the rest.
 */
export function feedShape(shape: CsvShape, chunk: Uint8Array): void {
  shape.feed(chunk);
  if (shape.bad) throw new Error('the file reads differently from the JS reader');
}

/** The body (bytes after the header) through a CsvShape, for COPY. */
export async function* watched(
  rest: Buffer,
  iterator: AsyncIterator<Buffer | Uint8Array>,
  shape: CsvShape,
): AsyncGenerator<Buffer | Uint8Array> {
  if (rest.length) {
    feedShape(shape, rest);
    yield rest;
  }
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    feedShape(shape, next.value);
    yield next.value;
  }
}
