import { z } from 'zod';
import type { DeliveryError } from '../format/errors.ts';
import { TABLE_ORDER } from '../format/records.ts';
import type { DeliveryFile } from './load.ts';

/**
 * A delivery given as JSON (the reporting API): `{ clusters: [...], activities: [...],
 * participants: [...] }`, each row an object whose keys are the columns of the reporting format.
 * Each table becomes a CSV file of the same rows (header = the keys used), so JSON rows pass the
 * very same rules, checks and merge as files from the CLI and the web: one set of rules.
 */
const cell = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const rows = z.array(z.record(z.string(), cell)).max(1_000_000);

export const jsonDeliverySchema = z
  .strictObject({
    clusters: rows.optional(),
    activities: rows.optional(),
    participants: rows.optional(),
  })
  .refine(
    (d) => (d.clusters?.length ?? 0) + (d.activities?.length ?? 0) + (d.participants?.length ?? 0) > 0,
    {
      message: 'give rows in at least one of clusters, activities, participants',
    },
  );
export type JsonDelivery = z.infer<typeof jsonDeliverySchema>;

/** The name a JSON table goes by in errors and the delivery log, like a workbook's sheet. */
const JSON_FILE = 'request.json';

/** A JSON value as the text of a CSV cell: flags as 0/1, lists space-separated, null as empty. */
function cellText(v: z.infer<typeof cell>): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Array.isArray(v)) return v.join(' ');
  return String(v);
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** Lines a CSV record takes: the CSV reader counts every CR and LF inside quoted values. */
const linesOf = (s: string) => 1 + (s.match(/[\r\n]/g)?.length ?? 0);

export interface JsonDeliveryFiles {
  files: DeliveryFile[];
  /** Adds where a JSON row's error is: its index in the array and a JSON Pointer to the value. */
  locate(e: DeliveryError): DeliveryError & { index?: number; pointer?: string };
}

export function jsonDeliveryFiles(delivery: JsonDelivery): JsonDeliveryFiles {
  const files: DeliveryFile[] = [];
  const indexByLine = new Map<string, Map<number, number>>();
  for (const table of TABLE_ORDER) {
    const list = delivery[table];
    if (!list?.length) continue;
    const columns: string[] = [];
    const seen = new Set<string>();
    for (const row of list)
      for (const key of Object.keys(row))
        if (!seen.has(key)) {
          seen.add(key);
          columns.push(key);
        }
    const name = `${JSON_FILE}#${table}`;
    const lines = new Map<number, number>();
    const records: string[] = [columns.map(quote).join(',')];
    let line = 2;
    list.forEach((row, index) => {
      const record = columns.map((c) => quote(cellText(row[c] ?? null))).join(',');
      lines.set(line, index);
      line += linesOf(record);
      records.push(record);
    });
    indexByLine.set(name, lines);
    const text = `${records.join('\n')}\n`;
    files.push({
      name,
      open: async function* () {
        yield Buffer.from(text, 'utf8');
      },
    });
  }
  return {
    files,
    locate(e) {
      const index = indexByLine.get(e.file)?.get(e.line);
      if (index === undefined) return e;
      const table = e.file.slice(JSON_FILE.length + 1);
      return { ...e, index, pointer: `/${table}/${index}${e.column ? `/${e.column}` : ''}` };
    },
  };
}
