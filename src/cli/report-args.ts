import type { AccountBasis } from '../domain/performance/account.ts';
import type { ReportSelection } from '../domain/performance/report.ts';
import { accountQueryShape } from '../domain/performance/schemas.ts';
import { isValidCvr } from '../domain/reference/identifiers.ts';

/*
 * The arguments of `klynge report`, checked before anything heavy is loaded or any database
 * is opened (the command itself is in report.ts).
 */
export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const fail = (message: string) => {
  process.stderr.write(`klynge report: ${message}\n`);
  return 2;
};

export interface ReportArgs {
  year: number;
  format: ReportFormat;
  selection: ReportSelection;
  /** Official unless --preliminary: the operator of the command line may see every delivery. */
  basis: AccountBasis;
  out: string | undefined;
}

/**
 * Checks the arguments of `klynge report` before any database is opened: the parsed arguments,
 * or the message for a usage error (exit 2).
 */
export function parseReportArgs(opts: {
  year: string | undefined;
  cluster: string | undefined;
  region?: string | undefined;
  league?: string | undefined;
  format: string;
  out: string | undefined;
  preliminary?: boolean | undefined;
}): ReportArgs | string {
  const year = Number(opts.year);
  if (!opts.year || !Number.isInteger(year) || year < 2000 || year > 2100) {
    return '--year must be a year, e.g. --year 2023';
  }
  if (!(REPORT_FORMATS as readonly string[]).includes(opts.format)) {
    return `--format ${opts.format} is not available; use ${REPORT_FORMATS.join(', ')}`;
  }
  const format = opts.format as ReportFormat;
  const binary = format === 'xlsx' || format === 'pdf';
  if (opts.cluster === 'all' && !binary) {
    return '--cluster all gives one sheet or section per cluster: use it with --format xlsx or pdf';
  }
  if (opts.cluster !== undefined && opts.cluster !== 'all' && !isValidCvr(opts.cluster)) {
    return `--cluster must be a valid CVR number, not ${opts.cluster}`;
  }
  const scopes = [opts.cluster, opts.region, opts.league].filter((v) => v !== undefined);
  if (scopes.length > 1) return 'give at most one of --cluster, --region and --league';
  // The same rules as the API's query parameters.
  const region = accountQueryShape.region.safeParse(opts.region);
  if (!region.success)
    return `--region ${region.error.issues[0]?.message ?? 'is not valid'}, not ${opts.region}`;
  const league = accountQueryShape.league.safeParse(opts.league);
  if (!league.success)
    return `--league ${league.error.issues[0]?.message ?? 'is not valid'}, not ${opts.league}`;
  if (binary && !opts.out && process.stdout.isTTY) {
    return `--format ${format} is binary: give --out FILE, or redirect the output to a file`;
  }
  const selection: ReportSelection =
    region.data !== undefined
      ? { kind: 'region', regionCode: region.data }
      : league.data !== undefined
        ? { kind: 'league', league: league.data }
        : opts.cluster === undefined
          ? { kind: 'national' }
          : opts.cluster === 'all'
            ? { kind: 'all' }
            : { kind: 'cluster', cvr: opts.cluster };
  return { year, format, selection, basis: opts.preliminary ? 'preliminary' : 'official', out: opts.out };
}
