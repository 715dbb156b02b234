import { z } from 'zod';
import { isValidCvr } from '../reference/identifiers.ts';

export const LABEL_LEVELS = ['bronze', 'silver', 'gold'] as const;
export type LabelLevel = (typeof LABEL_LEVELS)[number];

export const LABEL_STATUSES = ['valid', 'expiring', 'expired'] as const;
export type LabelStatus = (typeof LABEL_STATUSES)[number];

/** How far ahead a label counts as expiring, in months; also used in SQL (interval). */
export const EXPIRY_WARNING_MONTHS = 6;

/**
 * The register's filters as they arrive in a query string. A value that does not fit is ignored
 * rather than refused, so an edited or outdated link still shows the register.
 */
export const registerFilterQuery = z.object({
  level: z.enum(LABEL_LEVELS).optional().catch(undefined),
  status: z.enum(LABEL_STATUSES).optional().catch(undefined),
  region: z.coerce.number().int().min(1000).max(9999).optional().catch(undefined),
});
export type RegisterFilterQuery = z.infer<typeof registerFilterQuery>;

/** The columns of a label list, in the order of the template. */
export const LABEL_CSV_COLUMNS = [
  'cluster_cvr',
  'level',
  'awarded_on',
  'valid_until',
  'assessing_body',
] as const;
export type LabelCsvColumn = (typeof LABEL_CSV_COLUMNS)[number];

export const ASSESSING_BODY_MAX = 200;

/** Why a label list was refused; the HTTP layer words each code in Danish and English. */
export type ImportIssueCode =
  | 'required'
  | 'cvrInvalid'
  | 'levelInvalid'
  | 'dateInvalid'
  | 'validUntilNotAfterAwarded'
  | 'tooLong'
  | 'clusterUnknown'
  | 'duplicateInFile'
  | 'unknownColumn'
  | 'missingColumn'
  | 'duplicateColumn'
  | 'fieldCount'
  | 'emptyFile'
  | 'noRows'
  | 'malformed'
  | 'encoding'
  | 'tooLarge';

/**
 * One problem in a label list. `line` is the line in the file (the header is line 1), null for
 * problems with the file as a whole; `detail` is a number the message needs (the other line of a
 * duplicate, the expected number of fields, the size limit in bytes).
 */
export interface ImportIssue {
  line: number | null;
  column: string | null;
  value: string | null;
  code: ImportIssueCode;
  detail?: number;
}

/** A label as it is stored, before the cluster's CVR is resolved to its organisation. */
export interface LabelRecord {
  clusterCvr: string;
  level: LabelLevel;
  awardedOn: string;
  validUntil: string;
  assessingBody: string;
}

// Messages are issue codes; zod's own texts never reach a user.
const isoDate = z.string().trim().min(1, 'required').pipe(z.iso.date('dateInvalid'));

export const labelCsvRow = z.object({
  cluster_cvr: z
    .string()
    .trim()
    .min(1, 'required')
    // People write CVR numbers in groups ("1234 5678"); the digits are what count.
    .transform((v) => v.replace(/\s+/g, ''))
    .refine(isValidCvr, 'cvrInvalid'),
  level: z.string().trim().min(1, 'required').toLowerCase().pipe(z.enum(LABEL_LEVELS, 'levelInvalid')),
  awarded_on: isoDate,
  valid_until: isoDate,
  assessing_body: z.string().trim().min(1, 'required').max(ASSESSING_BODY_MAX, 'tooLong'),
});

const CELL_CODES = new Set<string>(['required', 'cvrInvalid', 'levelInvalid', 'dateInvalid', 'tooLong']);

/**
 * Validates one data row of a label list. Values of missing columns are undefined and reported as
 * 'required'; the caller drops those when the header already said the column is missing.
 */
export function validateLabelRow(
  values: Partial<Record<LabelCsvColumn, string>>,
  line: number,
): { ok: true; label: LabelRecord } | { ok: false; issues: ImportIssue[] } {
  const parsed = labelCsvRow.safeParse(values);
  const issues = parsed.success ? [] : cellIssues(parsed.error.issues, values, line);
  const awarded = values.awarded_on?.trim() ?? '';
  const until = values.valid_until?.trim() ?? '';
  // Compared apart from the schema so the order of the dates is reported next to other mistakes.
  const datesValid = !issues.some((i) => i.column === 'awarded_on' || i.column === 'valid_until');
  if (datesValid && until <= awarded) {
    issues.push({
      line,
      column: 'valid_until',
      value: values.valid_until ?? null,
      code: 'validUntilNotAfterAwarded',
    });
  }
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  const r = parsed.data;
  return {
    ok: true,
    label: {
      clusterCvr: r.cluster_cvr,
      level: r.level,
      awardedOn: r.awarded_on,
      validUntil: r.valid_until,
      assessingBody: r.assessing_body,
    },
  };
}

function cellIssues(
  zodIssues: readonly z.core.$ZodIssue[],
  values: Partial<Record<LabelCsvColumn, string>>,
  line: number,
): ImportIssue[] {
  const seen = new Set<string>();
  const issues: ImportIssue[] = [];
  for (const issue of zodIssues) {
    const column = String(issue.path[0]) as LabelCsvColumn;
    // One message per cell: the first problem found is the one to fix.
    if (seen.has(column)) continue;
    seen.add(column);
    const value = values[column];
    const code = CELL_CODES.has(issue.message) ? (issue.message as ImportIssueCode) : 'required';
    issues.push({ line, column, value: value ?? null, code: value === undefined ? 'required' : code });
  }
  return issues;
}
