import { createHash } from 'node:crypto';
import type { SourceRecord } from '../../../imports/readers.ts';
import { SourceError } from '../../../imports/source-error.ts';
import type { ErrorList } from '../format/errors.ts';
import { type HeaderMap, recogniseHeader, validateRecord } from '../format/records.ts';
import type { TableName } from '../format/rows.ts';
import type { FileSummary, Progress } from './load.ts';
import type { Stager } from './stager.ts';

const BYTES_STEP = 1024 * 1024;

/** Reports `summary.bytes` through `progress` each time it has grown by another MiB. */
export function bytesProgress(file: string, summary: FileSummary, progress?: Progress): () => void {
  if (!progress) return () => undefined;
  let reported = 0;
  return () => {
    if (summary.bytes - reported < BYTES_STEP) return;
    reported = summary.bytes;
    progress({ file, bytes: summary.bytes, phase: 'bytes' });
  };
}

/** Streams a file's bytes through a SHA-256 and a byte count on the way to the reader. */
export async function* hashed(
  source: AsyncIterable<Buffer | Uint8Array>,
  summary: FileSummary,
  onBytes: () => void,
): AsyncGenerator<Buffer | Uint8Array> {
  const hash = createHash('sha256');
  for await (const chunk of source) {
    hash.update(chunk);
    summary.bytes += chunk.length;
    onBytes();
    yield chunk;
  }
  summary.sha256 = hash.digest('hex');
}

/** Where one file's records go: its name and place in the delivery, the staging and the errors. */
export interface RecordsContext {
  file: string;
  fileIndex: number;
  stager: Stager;
  errors: ErrorList;
  /** CSV: a row with another number of cells than the header is an error (sheets drop empty cells). */
  strictWidth: boolean;
  /** A sheet's table, named by the sheet rather than recognised by the header. */
  forced?: TableName;
  progress?: Progress | undefined;
}

/**
 * Validates one file's records (CSV or one sheet) and stages the valid ones. A file whose header
 * has unknown columns (and no other error) stages nothing, but its rows are still judged on the
 * columns it knows, so one answer names every error. A record the reader cannot read
 * (SourceError) ends the file with its error.
 */
export async function stageRecords(
  records: AsyncIterable<SourceRecord>,
  ctx: RecordsContext,
): Promise<{ table: TableName | null; rows: number }> {
  let map: HeaderMap | null = null;
  let seenHeader = false;
  let headerOk = false;
  let rows = 0;
  try {
    for await (const { line, cells } of records) {
      if (!seenHeader) {
        seenHeader = true;
        const recognised = recogniseHeader(ctx.file, cells, ctx.forced);
        for (const e of recognised.errors) ctx.errors.add(e);
        headerOk = recognised.errors.length === 0;
        // Unknown columns leave the rest of the header whole: its rows can still be judged.
        if (!recognised.errors.every((e) => e.code === 'unknownColumn')) return { table: null, rows: 0 };
        map = recognised.map;
        if (!map) return { table: null, rows: 0 };
        continue;
      }
      if (!map) break;
      rows++;
      const result = validateRecord(ctx.file, map, line, cells, ctx.strictWidth);
      if ('errors' in result) for (const e of result.errors) ctx.errors.add(e);
      else if (headerOk && ctx.errors.count === 0)
        await ctx.stager.add(map.table, ctx.fileIndex, line, result.row as Record<string, unknown>);
      if (ctx.progress && rows % 50_000 === 0) ctx.progress({ file: ctx.file, rows, phase: 'reading' });
    }
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    ctx.errors.add({ file: ctx.file, line: err.line, column: err.column, value: null, code: err.code });
    return { table: map?.table ?? null, rows };
  }
  if (!seenHeader) ctx.errors.add({ file: ctx.file, line: 0, column: null, value: null, code: 'emptyFile' });
  return { table: map?.table ?? null, rows };
}
