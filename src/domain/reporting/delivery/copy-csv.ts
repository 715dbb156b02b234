import { createHash } from 'node:crypto';
import type { BulkSession } from '../../../imports/bulk.ts';
import { CsvShape, feedShape, replay, splitHeader, watched } from '../../../imports/csv-copy.ts';
import { readCsv, type SourceRecord } from '../../../imports/readers.ts';
import type { ErrorList } from '../format/errors.ts';
import { type HeaderMap, recogniseHeader, validateRecord } from '../format/records.ts';
import type { DeliveryFile, FileSummary, Progress, Timings } from './load.ts';
import { hashed, stageRecords } from './read-records.ts';
import { hasSqlRules, rawTableDdl, sqlRules } from './sql-rules.ts';
import type { Stager } from './stager.ts';

/**
 * Rows the JS rules judge per fetch. A row may be up to MAX_RECORD_CHARS bytes (longer lines go
 * the JS way, see CsvShape), so a fetch holds at most about 64 MB.
 */
const REST_BATCH = 1000;

export interface CsvContext {
  file: DeliveryFile;
  fileIndex: number;
  summary: FileSummary;
  stager: Stager;
  errors: ErrorList;
  onBytes: () => void;
  progress?: Progress | undefined;
  timings?: Timings | undefined;
}

/**
 * A CSV file. On PostgreSQL a file of a table with SQL rules (participants) is parsed by COPY
 * itself into a table of text cells and checked set-based (see sql-rules.ts), which is many times
 * faster than parsing and validating it in JS. The JS reader stays the judge of everything
 * unusual: when COPY refuses the file or reads it differently from the JS reader (see CsvShape),
 * the file is read again the JS way, and rows the SQL rules do not pass get the JS rules, so
 * every error keeps its exact line, column, value and message.
 */
export async function stageCsv(source: AsyncIterable<Buffer | Uint8Array>, ctx: CsvContext) {
  const { file, fileIndex, summary, stager } = ctx;
  const viaJs = async (records: AsyncIterable<SourceRecord>) => {
    const staged = await stageRecords(records, {
      file: file.name,
      fileIndex,
      stager,
      errors: ctx.errors,
      strictWidth: true,
      progress: ctx.progress,
    });
    summary.table = staged.table;
    summary.rows = staged.rows;
  };
  const session = stager.session;
  if (!session.copyStream) return viaJs(readCsv(source));
  const split = await splitHeader(source);
  const recognised = split.header ? recogniseHeader(file.name, split.header) : null;
  const map = recognised?.errors.length === 0 ? recognised.map : null;
  if (!map || !hasSqlRules(map.table)) return viaJs(readCsv(replay(split.prefix, split.iterator)));

  const raw = `stage_raw_${fileIndex}`;
  const cells = Array.from({ length: map.width }, (_, i) => `c${i}`);
  await session.exec(`savepoint stage_raw; ${rawTableDdl(raw, map.width)}`);
  const shape = new CsvShape();
  let copied = -1;
  const copySql = `COPY ${raw} (${cells.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  try {
    if (file.path && session.copyFile) {
      // The header came through `source`; the body is read again from the file, hashed here.
      await split.iterator.return?.();
      const headerBytes = split.prefix.reduce((n, b) => n + b.length, 0) - split.rest.length;
      const hash = createHash('sha256').update(Buffer.concat(split.prefix).subarray(0, headerBytes));
      summary.bytes = headerBytes;
      copied = await session.copyFile(copySql, file.path, headerBytes, (chunk) => {
        hash.update(chunk);
        summary.bytes += chunk.length;
        ctx.onBytes();
        feedShape(shape, chunk);
      });
      summary.sha256 = hash.digest('hex');
    } else {
      copied = await session.copyStream(copySql, watched(split.rest, split.iterator, shape));
    }
  } catch {
    copied = -1;
  }
  if (copied !== shape.expectedRows || shape.bad) {
    await split.iterator.return?.();
    await session.exec('rollback to savepoint stage_raw; release savepoint stage_raw');
    summary.bytes = 0;
    summary.sha256 = '';
    return viaJs(readCsv(hashed(file.open(), summary, ctx.onBytes)));
  }
  summary.table = map.table;
  summary.rows = copied;
  const t = performance.now();
  await stageCopiedRows(session, raw, copied, { ...ctx, map });
  ctx.timings?.(`sql rules for ${file.name}`, Math.round(performance.now() - t));
  await session.exec(`drop table ${raw}; release savepoint stage_raw`);
  ctx.progress?.({ file: file.name, rows: copied, phase: 'reading' });
}

/**
 * Stages the `rows` records of a table of text cells (`raw`, see rawTableDdl) that COPY filled:
 * the SQL rules pass most of them in one statement; every other row gets the JS rules, which
 * stage it or word its errors. The result is that of validating every row in JS.
 */
export async function stageCopiedRows(
  session: BulkSession,
  raw: string,
  rows: number,
  ctx: { file: { name: string }; fileIndex: number; map: HeaderMap; stager: Stager; errors: ErrorList },
): Promise<void> {
  const { file, fileIndex, map, stager, errors } = ctx;
  if (!hasSqlRules(map.table)) throw new Error(`${map.table} has no SQL rules`);
  const rules = sqlRules(map.table, raw, map.index, map.width);
  const staged = await session.execCount(rules.insert, [fileIndex]);
  stager.counts[map.table] += staged;
  if (staged === rows) return;
  const cells = Array.from({ length: map.width }, (_, i) => `c${i}`);
  await session.exec(`declare stage_raw_rest no scroll cursor for ${rules.rest}`);
  for (;;) {
    const batch = await session.query<Record<string, string | null>>(
      `fetch ${REST_BATCH} from stage_raw_rest`,
    );
    if (batch.length === 0) break;
    for (const r of batch) {
      const line = Number(r.n) + 1;
      const result = validateRecord(
        file.name,
        map,
        line,
        cells.map((c) => r[c] ?? ''),
        true,
      );
      if ('errors' in result) for (const e of result.errors) errors.add(e);
      else await stager.add(map.table, fileIndex, line, result.row);
    }
  }
  await session.exec('close stage_raw_rest');
}
