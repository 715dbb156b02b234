/** The limit on one record of a file (a CSV row, a sheet's row or one cell): far above any valid row. */
export const MAX_RECORD_CHARS = 65_536;

/**
 * A file that cannot be read as a whole or from some point on: bad bytes or syntax, a record over
 * MAX_RECORD_CHARS, or a workbook that is not one, expands too far or declares entities. `line` is
 * where reading stopped (0 for the file as a whole); `column` names the cell where it stopped by
 * its header cell (or its place, `#3`, before the header is read), when known.
 */
export type SourceErrorCode =
  | 'csvSyntax'
  | 'encoding'
  | 'cellTooLong'
  | 'notXlsx'
  | 'xlsxTooLarge'
  | 'xlsxSyntax'
  | 'xmlDeclaration';

/** A cell (0-based `index`) named by the header's cell above it, or by its place (`#3`). */
export const cellName = (header: readonly string[] | null, index: number) =>
  header?.[index]?.trim() || `#${index + 1}`;

export class SourceError extends Error {
  constructor(
    readonly code: SourceErrorCode,
    readonly line: number,
    message: string,
    readonly column: string | null = null,
  ) {
    super(message);
  }
}
