import { access } from 'node:fs/promises';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Timings } from '../domain/reporting/delivery/load.ts';
import { fileFromPath, submitDelivery } from '../domain/reporting/delivery/submit.ts';
import { errorMessage, formatError } from '../domain/reporting/format/errors.ts';
import { systemCaller } from '../domain/reporting/policy.ts';

/** The time of each step of the import on stderr, one line each (`KLYNGE_PROFILE`; read by bench/import.ts). */
export const printTimings: Timings = (step, ms) => process.stderr.write(`  ${step}: ${ms} ms\n`);

/**
 * `klynge import <files…>`: one delivery from CSV/XLSX files. Exit 0 with a summary when loaded,
 * exit 1 with every error when rejected (`--format json` for machines). Progress goes to stderr.
 * It delivers as the system (systemCaller): for every cluster, the cluster register included,
 * since whoever runs it has the database already.
 */
export async function importCommand(
  database: Database,
  paths: string[],
  format: 'text' | 'json',
): Promise<number> {
  if (paths.length === 0) {
    process.stderr.write('klynge import: give one or more .csv or .xlsx files\n');
    return 2;
  }
  for (const path of paths) {
    try {
      await access(path);
    } catch {
      process.stderr.write(`klynge import: cannot read ${path}\n`);
      return 2;
    }
  }
  const started = performance.now();
  const config = loadConfig();
  const outcome = await submitDelivery(database, systemCaller('cli-import'), {
    channel: 'cli',
    files: paths.map(fileFromPath),
    now: () => new Date(),
    timings: config.importProfile ? printTimings : undefined,
    progress: (e) =>
      process.stderr.write(
        e.phase === 'bytes'
          ? `  ${e.file}: ${(e.bytes / 1e6).toFixed(0)} MB read\n`
          : e.phase === 'reading'
            ? `  ${e.file}: ${e.rows.toLocaleString('en')} rows read\n`
            : `  ${e.phase}...\n`,
      ),
  });
  const seconds = (performance.now() - started) / 1000;
  if (format === 'json') {
    const errors = outcome.ok
      ? []
      : outcome.errors.map((e) => ({ ...e, message: errorMessage(e.code, 'en') }));
    process.stdout.write(
      `${JSON.stringify({ ok: outcome.ok, deliveryId: outcome.deliveryId, files: outcome.files, counts: outcome.counts, errorCount: outcome.ok ? 0 : outcome.errorCount, errors, seconds: Number(seconds.toFixed(3)) }, null, 2)}\n`,
    );
    return outcome.ok ? 0 : 1;
  }
  const rows = `${outcome.counts.clusters} clusters, ${outcome.counts.activities} activities, ${outcome.counts.participants} participants`;
  if (outcome.ok) {
    process.stdout.write(
      `Loaded delivery ${outcome.deliveryId}: ${rows} from ${outcome.files.length} file(s) in ${seconds.toFixed(1)} s.\n`,
    );
    return 0;
  }
  process.stdout.write(`Rejected: ${outcome.errorCount} error(s); nothing was written.\n`);
  for (const e of outcome.errors) process.stdout.write(`  ${formatError(e)}\n`);
  if (outcome.errorCount > outcome.errors.length) {
    process.stdout.write(`  … and ${outcome.errorCount - outcome.errors.length} more\n`);
  }
  return 1;
}
