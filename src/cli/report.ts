import { writeFile } from 'node:fs/promises';
import type { Database } from '../db/client.ts';
import { performanceAccount } from '../domain/performance/account.ts';
import { isValidCvr } from '../domain/reference/identifiers.ts';

export type ReportFormat = 'json' | 'csv';

/** The account as CSV: one key and value per line; the regional split as one line per region. */
function toCsv(account: Record<string, unknown>): string {
  const lines = ['key,value'];
  for (const [key, value] of Object.entries(account)) {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) lines.push(`${key}.${k},${v}`);
    } else lines.push(`${key},${value ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `klynge report --year Y [--cluster CVR] [--format json|csv] [--out FILE]` */
export async function reportCommand(
  database: Database,
  opts: { year: string | undefined; cluster: string | undefined; format: string; out: string | undefined },
): Promise<number> {
  const year = Number(opts.year);
  if (!opts.year || !Number.isInteger(year) || year < 2000 || year > 2100) {
    process.stderr.write('klynge report: --year must be a year, e.g. --year 2023\n');
    return 2;
  }
  if (opts.cluster !== undefined && !isValidCvr(opts.cluster)) {
    process.stderr.write(`klynge report: --cluster must be a valid CVR number, not ${opts.cluster}\n`);
    return 2;
  }
  if (opts.format !== 'json' && opts.format !== 'csv') {
    process.stderr.write(`klynge report: --format ${opts.format} is not available; use json or csv\n`);
    return 2;
  }
  const account = await performanceAccount(
    database.db,
    year,
    opts.cluster ? { kind: 'cluster', cvr: opts.cluster } : { kind: 'national' },
  );
  const text =
    opts.format === 'json'
      ? `${JSON.stringify(account, null, 2)}\n`
      : toCsv(account as unknown as Record<string, unknown>);
  if (opts.out) await writeFile(opts.out, text);
  else process.stdout.write(text);
  return 0;
}
