import type { PerformanceAccount } from '../domain/performance/account.ts';
import { type CsvValue, toCsv } from './csv-writer.ts';

/**
 * The account as CSV (RFC 4180): a `key,value` header, one line per key in the order of the JSON
 * object, `year` first; the regional split as one line per region, `innovating_companies_by_region.<code>`.
 * A share that cannot be computed is an empty value.
 */
export function accountCsv(account: PerformanceAccount): string {
  const rows: CsvValue[][] = [];
  for (const [key, value] of Object.entries(account) as [string, unknown][]) {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, number>)) rows.push([`${key}.${k}`, v]);
    } else rows.push([key, value as number | null]);
  }
  return toCsv(['key', 'value'], rows);
}
