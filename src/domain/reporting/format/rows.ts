import { MUNICIPALITY_CODES } from '../../reference/geography.ts';
import { isValidCvr, isValidDb07Code, isValidDb07Prefix } from '../../reference/identifiers.ts';

/**
 * The rows of the reporting format (docs/reporting-format.md, the public contract; the guide at
 * /indberetning/hjaelp lists every column), as the one set of rules for files, forms and the
 * API. Every field is given as the text of a CSV cell; an empty cell is a missing value. Issue
 * messages are stable codes (see RULE_MESSAGES) so each edge can word them in its own language.
 */
export const ACTIVITY_CATEGORIES = [
  'innovation_collaboration',
  'internationalisation',
  'knowledge_dissemination',
  'access_to_finance',
  'entrepreneurs',
  'networking',
  'organisation_development',
] as const;
export const PARTICIPANT_TYPES = ['company', 'knowledge_institution', 'public', 'other', 'foreign'] as const;
/** Kinds of knowledge institution (format 1.1). */
export const INSTITUTION_KINDS = [
  'university',
  'business_academy',
  'university_college',
  'gts',
  'artistic',
  'other',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
const LEAGUES = ['world_class', 'regional', 'emerging'] as const;

export const RULE_MESSAGES = {
  required: { en: 'is required', da: 'skal udfyldes' },
  cvr: {
    en: 'is not a valid CVR number (8 digits, mod-11 check)',
    da: 'er ikke et gyldigt CVR-nummer (8 cifre, modulus 11)',
  },
  tooLong: { en: 'is too long', da: 'er for lang' },
  text: { en: 'must be 1-300 characters', da: 'skal være 1-300 tegn' },
  ref: { en: 'must be 1-64 characters', da: 'skal være 1-64 tegn' },
  league: {
    en: 'must be world_class, regional or emerging',
    da: 'skal være world_class, regional eller emerging',
  },
  category: {
    en: `must be one of ${ACTIVITY_CATEGORIES.join(', ')}`,
    da: `skal være en af ${ACTIVITY_CATEGORIES.join(', ')}`,
  },
  participantType: {
    en: `must be one of ${PARTICIPANT_TYPES.join(', ')}`,
    da: `skal være en af ${PARTICIPANT_TYPES.join(', ')}`,
  },
  date: { en: 'must be a real date written YYYY-MM-DD', da: 'skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD' },
  endBeforeStart: { en: 'is before start_date', da: 'ligger før start_date' },
  municipality: {
    en: 'is not the code of one of the 98 municipalities',
    da: 'er ikke koden for en af de 98 kommuner',
  },
  nonNegativeInteger: {
    en: 'must be a whole number, 0 or more',
    da: 'skal være et helt tal, 0 eller derover',
  },
  nonNegativeNumber: { en: 'must be a number, 0 or more', da: 'skal være et tal, 0 eller derover' },
  httpsUrl: { en: 'must be an https:// URL', da: 'skal være en https://-adresse' },
  db07Prefixes: {
    en: 'must be DB07 code prefixes of 2-6 digits separated by spaces',
    da: 'skal være DB07-præfikser på 2-6 cifre adskilt af mellemrum',
  },
  db07: { en: 'is not a 6-digit DB07 code', da: 'er ikke en 6-cifret DB07-kode' },
  flag: { en: 'must be 0 or 1', da: 'skal være 0 eller 1' },
  cvrForForeign: {
    en: 'must be empty for a foreign participant',
    da: 'skal være tom for en udenlandsk deltager',
  },
  country: {
    en: 'must be an ISO 3166-1 alpha-2 code other than DK',
    da: 'skal være en ISO 3166-1 alpha-2-kode, ikke DK',
  },
  countryOnlyForeign: {
    en: 'is only given for foreign participants',
    da: 'angives kun for udenlandske deltagere',
  },
  institutionKind: {
    en: `must be one of ${INSTITUTION_KINDS.join(', ')}`,
    da: `skal være en af ${INSTITUTION_KINDS.join(', ')}`,
  },
  institutionKindOnlyKnowledge: {
    en: 'is only given for knowledge institutions (participant_type knowledge_institution)',
    da: 'angives kun for videninstitutioner (participant_type knowledge_institution)',
  },
  nulCharacter: {
    en: 'contains a NUL character (byte 0), which cannot be stored',
    da: 'indeholder et NUL-tegn (byte 0), som ikke kan gemmes',
  },
} as const;
export type RuleCode = keyof typeof RULE_MESSAGES;

type Result = { value: unknown } | { code: RuleCode };
/** A column's rule: the cell's text (trimmed, non-empty) to a value, or the code of what is wrong. */
type Rule = (v: string) => Result;

/** A real calendar date: 2023-02-30 is refused, not rolled over. */
function isRealDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

const ok = (value: unknown): Result => ({ value });
const fail = (code: RuleCode): Result => ({ code });
const text =
  (max: number, code: RuleCode): Rule =>
  (v) =>
    v.length <= max ? ok(v) : fail(code);
const oneOf =
  (values: readonly string[], code: RuleCode): Rule =>
  (v) =>
    values.includes(v) ? ok(v) : fail(code);
const rules = {
  cvr: ((v) => (isValidCvr(v) ? ok(v) : fail('cvr'))) as Rule,
  date: ((v) => (isRealDate(v) ? ok(v) : fail('date'))) as Rule,
  municipality: ((v) =>
    /^\d{3}$/.test(v) && MUNICIPALITY_CODES.has(Number(v)) ? ok(Number(v)) : fail('municipality')) as Rule,
  integer: ((v) => (/^\d{1,15}$/.test(v) ? ok(Number(v)) : fail('nonNegativeInteger'))) as Rule,
  number: ((v) => (/^\d{1,12}(\.\d{1,2})?$/.test(v) ? ok(Number(v)) : fail('nonNegativeNumber'))) as Rule,
  flag: ((v) => (v === '0' || v === '1' ? ok(v === '1') : fail('flag'))) as Rule,
  https: ((v) => (/^https:\/\/[^\s/$.?#][^\s]*$/i.test(v) ? ok(v) : fail('httpsUrl'))) as Rule,
  prefixes: ((v) => {
    const parts = v.split(/\s+/);
    return parts.every(isValidDb07Prefix) ? ok(parts) : fail('db07Prefixes');
  }) as Rule,
  db07: ((v) => (isValidDb07Code(v) ? ok(v) : fail('db07'))) as Rule,
  raw: ((v) => ok(v)) as Rule,
};

interface Column {
  name: string;
  /** Required: an empty cell is an error. Otherwise an empty cell is `empty`. */
  required: boolean;
  rule: Rule;
  empty?: unknown;
}
const col = (name: string, required: boolean, rule: Rule, empty: unknown = null): Column => ({
  name,
  required,
  rule,
  empty,
});

/** Every column of every file with its rule: the one definition of the reporting format. */
const COLUMN_RULES = {
  clusters: [
    col('cvr', true, rules.cvr),
    col('name', true, text(300, 'text')),
    col('league', true, oneOf(LEAGUES, 'league')),
    col('municipality_code', true, rules.municipality),
    col('website', false, rules.https),
    col('stronghold_industries', false, rules.prefixes, []),
  ],
  activities: [
    col('cluster_cvr', true, rules.cvr),
    col('activity_ref', true, text(64, 'ref')),
    col('title', true, text(300, 'text')),
    col('category', true, oneOf(ACTIVITY_CATEGORIES, 'category')),
    col('start_date', true, rules.date),
    col('end_date', false, rules.date),
    col('municipality_code', false, rules.municipality),
    col('grant_dkk', false, rules.integer),
    col('external_funding_dkk', false, rules.integer),
    col('private_cofinancing_hours', false, rules.number),
    col('cofinancing_fees_dkk', false, rules.integer),
    col('cofinancing_sponsorship_dkk', false, rules.integer),
    col('cofinancing_foundations_dkk', false, rules.integer),
    col('eu_application', false, rules.flag, false),
  ],
  participants: [
    col('cluster_cvr', true, rules.cvr),
    col('activity_ref', true, text(64, 'ref')),
    col('participant_type', true, oneOf(PARTICIPANT_TYPES, 'participantType')),
    // Checked together with participant_type below: required unless foreign.
    col('cvr', false, rules.raw, ''),
    col('name', true, text(300, 'text')),
    col('country', false, (v) => ok(v.toUpperCase()), ''),
    col('employees', false, rules.integer),
    col('municipality_code', false, rules.municipality),
    col('industry_code', false, rules.db07),
    col('new_competence', false, rules.flag, false),
    col('new_idea', false, rules.flag, false),
    col('new_product', false, rules.flag, false),
    col('institution_kind', false, oneOf(INSTITUTION_KINDS, 'institutionKind')),
  ],
} as const satisfies Record<string, readonly Column[]>;

export type TableName = keyof typeof COLUMN_RULES;

/** Whether a row may leave this column empty (the rules across columns aside, e.g. a participant's CVR). */
export const optionalColumn = (table: TableName, name: string): boolean =>
  COLUMN_RULES[table].some((c) => c.name === name && !c.required);
export interface RowIssue {
  column: string;
  code: RuleCode;
}

/** Rules across columns; they run even when a cell failed, so one pass reports every error. */
const CROSS_RULES: Record<
  TableName,
  (row: Record<string, unknown>, issue: (column: string, code: RuleCode) => void) => void
> = {
  clusters: () => {},
  activities: (row, issue) => {
    const { start_date: start, end_date: end } = row;
    if (typeof start === 'string' && typeof end === 'string' && end < start)
      issue('end_date', 'endBeforeStart');
  },
  participants: (row, issue) => {
    const type = row.participant_type;
    const cvr = row.cvr as string;
    const country = row.country as string;
    if (type === undefined) return;
    if (type === 'foreign') {
      if (cvr !== '') issue('cvr', 'cvrForForeign');
      if (!/^[A-Z]{2}$/.test(country) || country === 'DK') issue('country', 'country');
    } else {
      if (cvr === '') issue('cvr', 'required');
      else if (!isValidCvr(cvr)) issue('cvr', 'cvr');
      if (country !== '') issue('country', 'countryOnlyForeign');
    }
    if (row.institution_kind && type !== 'knowledge_institution')
      issue('institution_kind', 'institutionKindOnlyKnowledge');
  },
};

/**
 * Validates one row of cell texts (missing cells are empty). Plain functions rather than a zod
 * schema per row: a million-row delivery validates about 30 times faster. Files, the API's JSON
 * rows and the forms of activities by hand all go through this one function.
 */
export function validateRow(
  table: TableName,
  input: Record<string, string | undefined>,
): { row: Record<string, unknown> } | { issues: RowIssue[] } {
  const row: Record<string, unknown> = {};
  let issues: RowIssue[] | null = null;
  const issue = (column: string, code: RuleCode) => {
    issues ??= [];
    issues.push({ column, code });
  };
  // PostgreSQL's text cannot hold NUL: such a row is judged by that alone.
  for (const c of COLUMN_RULES[table] as readonly Column[])
    if (input[c.name]?.includes('\0')) issue(c.name, 'nulCharacter');
  if (issues) return { issues };
  for (const c of COLUMN_RULES[table] as readonly Column[]) {
    const v = (input[c.name] ?? '').trim();
    if (v === '') {
      if (c.required) issue(c.name, 'required');
      row[c.name] = c.empty;
      continue;
    }
    const r = c.rule(v);
    if ('code' in r) issue(c.name, r.code);
    else row[c.name] = r.value;
  }
  CROSS_RULES[table](row, issue);
  return issues ? { issues } : { row };
}

export interface ActivityRowValue {
  cluster_cvr: string;
  activity_ref: string;
  title: string;
  category: (typeof ACTIVITY_CATEGORIES)[number];
  start_date: string;
  end_date: string | null;
  municipality_code: number | null;
  grant_dkk: number | null;
  external_funding_dkk: number | null;
  private_cofinancing_hours: number | null;
  cofinancing_fees_dkk: number | null;
  cofinancing_sponsorship_dkk: number | null;
  cofinancing_foundations_dkk: number | null;
  eu_application: boolean;
}
export interface ParticipantRowValue {
  cluster_cvr: string;
  activity_ref: string;
  participant_type: (typeof PARTICIPANT_TYPES)[number];
  cvr: string;
  name: string;
  country: string;
  employees: number | null;
  municipality_code: number | null;
  industry_code: string | null;
  new_competence: boolean;
  new_idea: boolean;
  new_product: boolean;
  institution_kind: InstitutionKind | null;
}

/** Columns a file must have in its header. */
export const REQUIRED_COLUMNS: Record<TableName, readonly string[]> = {
  clusters: ['cvr', 'name', 'league', 'municipality_code'],
  activities: ['cluster_cvr', 'activity_ref', 'title', 'category', 'start_date'],
  participants: ['cluster_cvr', 'activity_ref', 'participant_type', 'name'],
};

export const COLUMNS: Record<TableName, readonly string[]> = {
  clusters: COLUMN_RULES.clusters.map((c) => c.name),
  activities: COLUMN_RULES.activities.map((c) => c.name),
  participants: COLUMN_RULES.participants.map((c) => c.name),
};
