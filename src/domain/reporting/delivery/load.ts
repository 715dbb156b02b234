import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Actor } from '../../../db/actor.ts';
import type { Database } from '../../../db/client.ts';
import { type BulkSession, copyValue, Rollback, withBulkSession } from '../../../imports/bulk.ts';
import { CsvShape, replay, splitHeader, watched } from '../../../imports/csv-copy.ts';
import { readCsv, readXlsx, SourceError, type SourceRecord } from '../../../imports/readers.ts';
import { type DeliveryError, ErrorList } from '../format/errors.ts';
import { type HeaderMap, recogniseHeader, validateRecord } from '../format/records.ts';
import type { TableName } from '../format/rows.ts';
import { hasSqlRules, rawTableDdl, sqlRules } from './sql-rules.ts';
import { CHECKS, MERGE, STAGE_COLUMNS, STAGE_DDL, STAGE_INDEXES } from './staging.ts';

/** A file of a delivery: its name and a way to read its bytes (once). */
export interface DeliveryFile {
  name: string;
  open(): AsyncIterable<Buffer | Uint8Array>;
  /** Where the file is on disk, if it is: lets COPY read it through reused buffers (see BulkSession.copyFile). */
  path?: string;
}

/** Whom a delivery may touch: decided by the caller through the policy module. */
export interface DeliveryScope {
  /** CVRs of the cluster organisations the submitter reports for; null = every cluster. */
  clusterCvrs: string[] | null;
  /** May deliver clusters.csv, the register of cluster organisations. */
  mayRegisterClusters: boolean;
}

export interface FileSummary {
  name: string;
  table: TableName | 'workbook' | null;
  bytes: number;
  sha256: string;
  rows: number;
}

export interface DeliveryCounts {
  clusters: number;
  activities: number;
  participants: number;
}

export type DeliveryOutcome =
  | { ok: true; files: FileSummary[]; counts: DeliveryCounts }
  | { ok: false; files: FileSummary[]; counts: DeliveryCounts; errors: DeliveryError[]; errorCount: number };

export type Progress = (
  e:
    | { file: string; rows: number; phase: 'reading' | 'checking' | 'writing' }
    /** Bytes of `file` read so far, about every MiB: the COPY path knows no rows until its end. */
    | { file: string; bytes: number; phase: 'bytes' },
) => void;

const BYTES_STEP = 1024 * 1024;

/** Reports `summary.bytes` through `progress` each time it has grown by another MiB. */
function bytesProgress(file: string, summary: FileSummary, progress?: Progress): () => void {
  if (!progress) return () => undefined;
  let reported = 0;
  return () => {
    if (summary.bytes - reported < BYTES_STEP) return;
    reported = summary.bytes;
    progress({ file, bytes: summary.bytes, phase: 'bytes' });
  };
}

/**
 * Staged rows are sent to COPY in chunks of about this many characters. A bound in bytes, not rows,
 * keeps memory flat whatever the size of a file: a file of 50 000 activities otherwise held
 * 20 000 rows' strings (and their garbage) at a time where a small delivery held a few hundred.
 */
const CHUNK_CHARS = 256 * 1024;

/** COPY lines of a valid row, in STAGE_COLUMNS order after (file, line). */
function stageLine(table: TableName, file: number, line: number, r: Record<string, unknown>): string {
  const v = (x: unknown) => copyValue(x as string | number | boolean | null);
  switch (table) {
    case 'clusters':
      return [
        file,
        line,
        r.cvr,
        r.name,
        r.league,
        r.municipality_code,
        r.website,
        `{${(r.stronghold_industries as string[]).join(',')}}`,
      ]
        .map(v)
        .join('\t');
    case 'activities':
      return [
        file,
        line,
        r.cluster_cvr,
        r.activity_ref,
        r.title,
        r.category,
        r.start_date,
        r.end_date,
        r.municipality_code,
        r.grant_dkk,
        r.external_funding_dkk,
        r.private_cofinancing_hours,
      ]
        .map(v)
        .join('\t');
    case 'participants':
      return [
        file,
        line,
        r.cluster_cvr,
        r.activity_ref,
        r.participant_type,
        r.cvr,
        r.name,
        r.country,
        r.employees,
        r.municipality_code,
        r.industry_code,
        r.new_competence,
        r.new_idea,
        r.new_product,
      ]
        .map(v)
        .join('\t');
  }
}

/** Streams a file's bytes through a SHA-256 and a byte count on the way to the reader. */
async function* hashed(
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

class Stager {
  private buffers: Record<TableName, string[]> = { clusters: [], activities: [], participants: [] };
  private chars: Record<TableName, number> = { clusters: 0, activities: 0, participants: 0 };
  readonly counts: DeliveryCounts = { clusters: 0, activities: 0, participants: 0 };
  constructor(readonly session: BulkSession) {}

  async add(table: TableName, fileIndex: number, line: number, row: Record<string, unknown>) {
    const text = stageLine(table, fileIndex, line, row);
    this.buffers[table].push(text);
    this.chars[table] += text.length + 1;
    this.counts[table]++;
    if (this.chars[table] >= CHUNK_CHARS) await this.flush(table);
  }

  async flush(table?: TableName) {
    for (const t of table ? [table] : (Object.keys(this.buffers) as TableName[])) {
      const lines = this.buffers[t];
      if (lines.length === 0) continue;
      this.buffers[t] = [];
      this.chars[t] = 0;
      await this.session.copyIn(`stage_${t}`, STAGE_COLUMNS[t], `${lines.join('\n')}\n`);
    }
  }
}

/** Validates one file's records (CSV or one sheet) and stages the valid ones. */
async function stageRecords(
  records: AsyncIterable<SourceRecord>,
  ctx: {
    file: string;
    fileIndex: number;
    stager: Stager;
    errors: ErrorList;
    strictWidth: boolean;
    forced?: TableName;
    progress?: Progress | undefined;
  },
): Promise<{ table: TableName | null; rows: number }> {
  let map: HeaderMap | null = null;
  let seenHeader = false;
  let rows = 0;
  for await (const { line, cells } of records) {
    if (!seenHeader) {
      seenHeader = true;
      const recognised = recogniseHeader(ctx.file, cells, ctx.forced);
      for (const e of recognised.errors) ctx.errors.add(e);
      map = recognised.map;
      if (!map) return { table: null, rows: 0 };
      continue;
    }
    if (!map) break;
    rows++;
    const result = validateRecord(ctx.file, map, line, cells, ctx.strictWidth);
    if ('errors' in result) for (const e of result.errors) ctx.errors.add(e);
    else if (ctx.errors.count === 0)
      await ctx.stager.add(map.table, ctx.fileIndex, line, result.row as Record<string, unknown>);
    if (ctx.progress && rows % 50_000 === 0) ctx.progress({ file: ctx.file, rows, phase: 'reading' });
  }
  if (!seenHeader) ctx.errors.add({ file: ctx.file, line: 0, column: null, value: null, code: 'emptyFile' });
  return { table: map?.table ?? null, rows };
}

async function stageFile(
  file: DeliveryFile,
  fileIndex: number,
  summary: FileSummary,
  stager: Stager,
  errors: ErrorList,
  progress?: Progress,
) {
  const onBytes = bytesProgress(file.name, summary, progress);
  const source = hashed(file.open(), summary, onBytes);
  try {
    if (/\.xlsx$/i.test(file.name)) {
      summary.table = 'workbook';
      for await (const sheet of sheetsOf(Readable.from(source))) {
        const table = (['clusters', 'activities', 'participants'] as const).find(
          (t) => t === sheet.name.toLowerCase(),
        );
        const name = `${file.name}#${sheet.name}`;
        if (!table) {
          errors.add({ file: name, line: 0, column: null, value: sheet.name, code: 'sheetUnknown' });
          for await (const _ of sheet.records);
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
    } else {
      await stageCsv(file, fileIndex, summary, source, stager, errors, onBytes, progress);
    }
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    errors.add({ file: file.name, line: err.line, column: null, value: null, code: err.code });
  }
}

/**
 * A CSV file. On PostgreSQL a file of a table with SQL rules (participants) is parsed by COPY
 * itself into a table of text cells and checked set-based (see sql-rules.ts), which is many times
 * faster than parsing and validating it in JS. The JS reader stays the judge of everything
 * unusual: when COPY refuses the file or reads it differently from the JS reader (see CsvShape),
 * the file is read again the JS way, and rows the SQL rules do not pass get the JS rules, so
 * every error keeps its exact line, column, value and message.
 */
async function stageCsv(
  file: DeliveryFile,
  fileIndex: number,
  summary: FileSummary,
  source: AsyncIterable<Buffer | Uint8Array>,
  stager: Stager,
  errors: ErrorList,
  onBytes: () => void,
  progress?: Progress,
) {
  const viaJs = async (records: AsyncIterable<SourceRecord>) => {
    const staged = await stageRecords(records, {
      file: file.name,
      fileIndex,
      stager,
      errors,
      strictWidth: true,
      progress,
    });
    summary.table = staged.table;
    summary.rows = staged.rows;
  };
  const session = stager.session;
  if (!session.copyStream) return viaJs(readCsv(source));
  const split = await splitHeader(source);
  const map = split.header ? recogniseHeader(file.name, split.header).map : null;
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
        onBytes();
        shape.feed(chunk);
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
    return viaJs(readCsv(hashed(file.open(), summary, onBytes)));
  }
  summary.table = map.table;
  summary.rows = copied;
  const rules = sqlRules(map.table, raw, map.index, map.width);
  const t = performance.now();
  const staged = await session.execCount(rules.insert, [fileIndex]);
  if (process.env.KLYNGE_PROFILE)
    process.stderr.write(`  sql rules for ${file.name}: ${Math.round(performance.now() - t)} ms\n`);
  stager.counts[map.table] += staged;
  if (staged < copied) {
    await session.exec(`declare stage_raw_rest no scroll cursor for ${rules.rest}`);
    for (;;) {
      const rows = await session.query<Record<string, string | null>>('fetch 5000 from stage_raw_rest');
      if (rows.length === 0) break;
      for (const r of rows) {
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
  await session.exec(`drop table ${raw}; release savepoint stage_raw`);
  progress?.({ file: file.name, rows: copied, phase: 'reading' });
}

/** Groups the workbook's records by sheet, in workbook order, streaming. */
async function* sheetsOf(
  source: Readable,
): AsyncGenerator<{ name: string; records: AsyncIterable<SourceRecord> }> {
  const iterator = readXlsx(source)[Symbol.asyncIterator]();
  let next = await iterator.next();
  while (!next.done) {
    const name = next.value.sheet;
    let current: IteratorResult<{ sheet: string; record: SourceRecord }> = next;
    const records = async function* () {
      while (!current.done && current.value.sheet === name) {
        yield current.value.record;
        current = await iterator.next();
      }
    };
    yield { name, records: records() };
    next = current;
  }
}

async function runChecks(
  session: BulkSession,
  scope: DeliveryScope,
  files: FileSummary[],
  errors: ErrorList,
) {
  for (const check of CHECKS) {
    const params =
      check.param === 'cvrs'
        ? [scope.clusterCvrs]
        : check.param === 'register'
          ? [scope.mayRegisterClusters]
          : [];
    const rows = await session.query<{
      file: number;
      line: number;
      col: string;
      value: string | null;
      code: string;
    }>(check.sql, params);
    for (const r of rows) {
      errors.add({
        file: files[r.file]?.name ?? '?',
        line: r.line,
        column: r.col,
        value: r.value,
        code: r.code as DeliveryError['code'],
      });
    }
  }
}

/**
 * Loads one delivery, all or nothing: every file is streamed, validated row by row and staged
 * with COPY; then the checks that need the whole delivery run in SQL; only a delivery without
 * any error is merged, in the same transaction. Memory does not grow with the file size.
 */
export async function loadDelivery(
  database: Database,
  actor: Actor,
  files: DeliveryFile[],
  scope: DeliveryScope,
  progress?: Progress,
  onMerged?: (session: BulkSession, outcome: DeliveryOutcome) => Promise<void>,
): Promise<DeliveryOutcome> {
  const summaries: FileSummary[] = files.map((f) => ({
    name: f.name,
    table: null,
    bytes: 0,
    sha256: '',
    rows: 0,
  }));
  const errors = new ErrorList();
  return withBulkSession(database, actor, async (session) => {
    let mark = performance.now();
    const lap = (what: string) => {
      if (!process.env.KLYNGE_PROFILE) return;
      const now = performance.now();
      process.stderr.write(`  ${what}: ${Math.round(now - mark)} ms\n`);
      mark = now;
    };
    await session.exec(STAGE_DDL);
    const stager = new Stager(session);
    for (const [i, file] of files.entries()) {
      await stageFile(file, i, summaries[i] as FileSummary, stager, errors, progress);
      lap(`stage ${file.name}`);
    }
    await stager.flush();
    lap('flush');
    const counts = stager.counts;
    if (errors.count === 0) {
      progress?.({ file: '', rows: counts.participants, phase: 'checking' });
      await session.exec(STAGE_INDEXES);
      lap('stage indexes');
      await runChecks(session, scope, summaries, errors);
      lap('checks');
    }
    if (errors.count > 0) {
      throw new Rollback<DeliveryOutcome>({
        ok: false,
        files: summaries,
        counts,
        errors: errors.items,
        errorCount: errors.count,
      });
    }
    progress?.({ file: '', rows: counts.participants, phase: 'writing' });
    for (const step of MERGE) {
      const t = performance.now();
      await session.query(step.sql);
      if (process.env.KLYNGE_PROFILE)
        process.stderr.write(`  merge ${step.name}: ${Math.round(performance.now() - t)} ms\n`);
    }
    const outcome: DeliveryOutcome = { ok: true, files: summaries, counts };
    await onMerged?.(session, outcome);
    return outcome;
  });
}
