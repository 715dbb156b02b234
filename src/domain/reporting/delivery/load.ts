import type { Actor } from '../../../db/actor.ts';
import type { Database } from '../../../db/client.ts';
import { type BulkSession, Rollback, withBulkSession } from '../../../imports/bulk.ts';
import { type DeliveryError, ECHOED_CHARS, ErrorList, echoed } from '../format/errors.ts';
import type { TableName } from '../format/rows.ts';
import { CHECKS } from './checks.ts';
import { MERGE } from './merge.ts';
import { stageFile } from './stage-file.ts';
import { Stager } from './stager.ts';
import { STAGE_DDL, STAGE_INDEXES } from './staging.ts';

/** A file of a delivery: its name and a way to read its bytes (once). */
export interface DeliveryFile {
  name: string;
  open(): AsyncIterable<Buffer | Uint8Array>;
  /** Where the file is on disk, if it is: lets COPY read it through reused buffers (see BulkSession.copyFile). */
  path?: string;
}

/** What a delivery may touch: from the rights of whoever submits it (submitDelivery, ../policy.ts). */
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

/** Receives how long each step of a load took (`config.importProfile`: benchmarks and diagnosis). */
export type Timings = (step: string, ms: number) => void;

export interface LoadOptions {
  progress?: Progress | undefined;
  timings?: Timings | undefined;
  /** Runs in the delivery's transaction once it is merged, e.g. to record it in the delivery log. */
  onMerged?: (session: BulkSession, outcome: DeliveryOutcome) => Promise<void>;
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
 * any error is merged, in the same transaction. Memory does not grow with the file size. The
 * scope is trusted as given: deliveries come in through submitDelivery, which takes it from the
 * caller's rights.
 */
export async function loadDelivery(
  database: Database,
  actor: Actor,
  files: DeliveryFile[],
  scope: DeliveryScope,
  { progress, timings, onMerged }: LoadOptions = {},
): Promise<DeliveryOutcome> {
  const summaries: FileSummary[] = files.map((f) => ({
    // As the log keeps it: an uploaded name may be long or hold a NUL.
    name: echoed(f.name, 2 * ECHOED_CHARS),
    table: null,
    bytes: 0,
    sha256: '',
    rows: 0,
  }));
  const errors = new ErrorList();
  return withBulkSession(database, actor, async (session) => {
    let mark = performance.now();
    const lap = (step: string) => {
      const now = performance.now();
      timings?.(step, Math.round(now - mark));
      mark = now;
    };
    await session.exec(STAGE_DDL);
    const stager = new Stager(session);
    for (const [i, file] of files.entries()) {
      await stageFile(file, i, { summary: summaries[i] as FileSummary, stager, errors, progress, timings });
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
      await session.query(step.sql);
      lap(`merge ${step.name}`);
    }
    const outcome: DeliveryOutcome = { ok: true, files: summaries, counts };
    await onMerged?.(session, outcome);
    return outcome;
  });
}
