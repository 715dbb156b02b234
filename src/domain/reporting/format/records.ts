import type { DeliveryError } from './errors.ts';
import { COLUMNS, REQUIRED_COLUMNS, type TableName, validateRow } from './rows.ts';

export const TABLE_ORDER: readonly TableName[] = ['clusters', 'activities', 'participants'];

/** A header mapped to a table: which cell holds which column. */
export interface HeaderMap {
  table: TableName;
  /** Column name → cell index. */
  index: Map<string, number>;
  width: number;
}

/**
 * Recognises a file by its header (the spec: "a file is recognised by its header"): the table
 * that has every header column, or else the one sharing the most columns, reporting the rest
 * as unknown. Returns the errors of the header, if any, and the map of its known columns (first
 * of each) whenever the table is recognised: a file with header errors is rejected, but its rows
 * can still be judged on the columns it knows.
 */
export function recogniseHeader(
  file: string,
  header: string[],
  forced?: TableName,
): { map: HeaderMap | null; errors: DeliveryError[] } {
  const names = header.map((h) => h.trim().toLowerCase());
  const overlap = (t: TableName) => names.filter((n) => COLUMNS[t].includes(n)).length;
  const table = forced ?? [...TABLE_ORDER].sort((a, b) => overlap(b) - overlap(a))[0];
  if (!table || overlap(table) === 0) {
    return {
      map: null,
      errors: [{ file, line: 1, column: null, value: header.join(','), code: 'unknownFile' }],
    };
  }
  const errors: DeliveryError[] = [];
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if (!COLUMNS[table].includes(name))
      errors.push({ file, line: 1, column: header[i] ?? name, value: null, code: 'unknownColumn' });
    else if (index.has(name))
      errors.push({ file, line: 1, column: name, value: null, code: 'duplicateColumn' });
    else index.set(name, i);
  });
  for (const required of REQUIRED_COLUMNS[table]) {
    if (!index.has(required))
      errors.push({ file, line: 1, column: required, value: null, code: 'missingColumn' });
  }
  return { map: { table, index, width: header.length }, errors };
}

/**
 * Validates one record against its table's rules. `strictWidth` (CSV) treats a row with a
 * different number of cells than the header as an error; spreadsheets drop trailing empty cells.
 */
export function validateRecord(
  file: string,
  map: HeaderMap,
  line: number,
  cells: string[],
  strictWidth: boolean,
): { row: Record<string, unknown> } | { errors: DeliveryError[] } {
  if (strictWidth && cells.length !== map.width) {
    return { errors: [{ file, line, column: null, value: null, code: 'cellCount' }] };
  }
  const input: Record<string, string | undefined> = {};
  for (const [column, i] of map.index) input[column] = cells[i];
  const result = validateRow(map.table, input);
  if ('row' in result) return result;
  return {
    errors: result.issues.map((i) => ({
      file,
      line,
      column: i.column,
      value: input[i.column] ?? null,
      code: i.code,
    })),
  };
}
