import { MUNICIPALITY_CODES } from '../../reference/geography.ts';
import { DB07_SECTIONS } from '../../reference/identifiers.ts';
import { ACTIVITY_CATEGORIES, INSTITUTION_KINDS, PARTICIPANT_TYPES, type TableName } from '../format/rows.ts';
import { STAGE_COLUMNS } from './staging.ts';

/**
 * The row rules of format/rows.ts as set-based SQL, for a file PostgreSQL parsed itself (COPY ... FORMAT
 * csv into a table of text cells). The SQL is a conservative filter, never the judge: a row it
 * passes is one validateRow would pass with exactly the values it computes here; every other row
 * (an error, or merely something unusual such as a cell with spaces around it) is handed to the JS
 * rules, which word the errors. So error messages, columns and values stay those of validateRow.
 */

const lit = (v: string) => `'${v.replace(/'/g, "''")}'`;
const list = (values: readonly string[]) => `(${values.map(lit).join(', ')})`;

/** JS String.prototype.trim's whitespace, as a regex bracket body. */
const WS = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
/** Non-empty, nothing trim() would remove. */
const TRIMMED = `'^[^${WS}](.*[^${WS}])?$'`;

const MUNICIPALITIES = list([...MUNICIPALITY_CODES].map((c) => String(c).padStart(3, '0')));
const DIVISIONS = list(
  DB07_SECTIONS.flatMap((s) =>
    Array.from({ length: s.to - s.from + 1 }, (_, i) => String(s.from + i).padStart(2, '0')),
  ),
);
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

const cvrOk = (x: string) =>
  `(${x} ~ '^[1-9][0-9]{7}$' and (${CVR_WEIGHTS.map((w, i) => `${w} * (ascii(substr(${x}, ${i + 1}, 1)) - 48)`).join(' + ')}) % 11 = 0)`;
const empty = (x: string) => `(${x} is null or ${x} = '')`;
const text = (x: string, maxBytes: number) => `(${x} ~ ${TRIMMED} and octet_length(${x}) <= ${maxBytes})`;
const optional = (x: string, rule: string) => `(${empty(x)} or ${rule})`;
const flag = (x: string) => optional(x, `${x} in ('0', '1')`);

/** Which tables have a SQL path. The cluster register is small; it keeps the JS path. */
export function hasSqlRules(table: TableName): table is 'activities' | 'participants' {
  return table === 'activities' || table === 'participants';
}

/** YYYY-MM-DD of a real date in 1900-2099 (JS refuses years below 100; the rest goes to JS). */
const realDate = (x: string) =>
  `(case when ${x} ~ '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
     then substr(${x}, 9, 2)::int <= extract(day from make_date(substr(${x}, 1, 4)::int, substr(${x}, 6, 2)::int, 1)
                                        + interval '1 month' - interval '1 day')
     else false end)`;

/** The private co-financing columns of activities, by source (format 1.1). */
const COFINANCING = ['cofinancing_fees_dkk', 'cofinancing_sponsorship_dkk', 'cofinancing_foundations_dkk'];

/** For each table with a SQL path: the conditions a row must meet, and its staged values. */
function rulesOf(table: 'activities' | 'participants', c: (name: string) => string) {
  if (table === 'activities') {
    const start = c('start_date');
    const end = c('end_date');
    return {
      valid: [
        cvrOk(c('cluster_cvr')),
        text(c('activity_ref'), 64),
        text(c('title'), 300),
        `${c('category')} in ${list(ACTIVITY_CATEGORIES)}`,
        realDate(start),
        // Both dates are YYYY-MM-DD here, so comparing the texts compares the dates.
        optional(end, `${realDate(end)} and ${end} >= ${start}`),
        optional(c('municipality_code'), `${c('municipality_code')} in ${MUNICIPALITIES}`),
        optional(c('grant_dkk'), `${c('grant_dkk')} ~ '^[0-9]{1,15}$'`),
        optional(c('external_funding_dkk'), `${c('external_funding_dkk')} ~ '^[0-9]{1,15}$'`),
        optional(
          c('private_cofinancing_hours'),
          `${c('private_cofinancing_hours')} ~ '^[0-9]{1,12}([.][0-9]{1,2})?$'`,
        ),
        ...COFINANCING.map((k) => optional(c(k), `${c(k)} ~ '^[0-9]{1,15}$'`)),
        flag(c('eu_application')),
      ],
      values: [
        c('cluster_cvr'),
        c('activity_ref'),
        c('title'),
        c('category'),
        `${start}::date`,
        `nullif(${end}, '')::date`,
        `nullif(${c('municipality_code')}, '')::smallint`,
        `nullif(${c('grant_dkk')}, '')::bigint`,
        `nullif(${c('external_funding_dkk')}, '')::bigint`,
        `nullif(${c('private_cofinancing_hours')}, '')::numeric`,
        ...COFINANCING.map((k) => `nullif(${c(k)}, '')::bigint`),
        `coalesce(${c('eu_application')} = '1', false)`,
      ],
    };
  }
  const type = c('participant_type');
  return {
    valid: [
      cvrOk(c('cluster_cvr')),
      text(c('activity_ref'), 64),
      `${type} in ${list(PARTICIPANT_TYPES)}`,
      text(c('name'), 300),
      optional(c('employees'), `${c('employees')} ~ '^[0-9]{1,9}$'`),
      optional(c('municipality_code'), `${c('municipality_code')} in ${MUNICIPALITIES}`),
      optional(
        c('industry_code'),
        `(${c('industry_code')} ~ '^[0-9]{6}$' and left(${c('industry_code')}, 2) in ${DIVISIONS})`,
      ),
      flag(c('new_competence')),
      flag(c('new_idea')),
      flag(c('new_product')),
      `(case when ${type} = 'foreign'
         then ${empty(c('cvr'))} and ${c('country')} ~ '^[A-Za-z]{2}$' and upper(${c('country')}) <> 'DK'
         else ${cvrOk(c('cvr'))} and ${empty(c('country'))} end)`,
      optional(
        c('institution_kind'),
        `${c('institution_kind')} in ${list(INSTITUTION_KINDS)} and ${type} = 'knowledge_institution'`,
      ),
    ],
    values: [
      c('cluster_cvr'),
      c('activity_ref'),
      type,
      `coalesce(${c('cvr')}, '')`,
      c('name'),
      `case when ${type} = 'foreign' then upper(${c('country')}) else '' end`,
      `nullif(${c('employees')}, '')::integer`,
      `nullif(${c('municipality_code')}, '')::smallint`,
      `nullif(${c('industry_code')}, '')`,
      `coalesce(${c('new_competence')} = '1', false)`,
      `coalesce(${c('new_idea')} = '1', false)`,
      `coalesce(${c('new_product')} = '1', false)`,
      `nullif(${c('institution_kind')}, '')`,
    ],
  };
}

/**
 * For a COPY-parsed activities or participants file in `raw` (cells c0..cN as text, `n` the
 * record's number from 1): the INSERT that stages every row the SQL rules pass, and the SELECT of
 * every other row (`n` then the cells in header order) for the JS rules. $1 is the file's index.
 */
export function sqlRules(
  table: 'activities' | 'participants',
  raw: string,
  index: ReadonlyMap<string, number>,
  width: number,
) {
  const { valid, values } = rulesOf(table, (name) => {
    const i = index.get(name);
    return i === undefined ? 'null::text' : `c${i}`;
  });
  const where = `coalesce(${valid.join('\n and ')}, false)`;
  const cells = Array.from({ length: width }, (_, i) => `c${i}`);
  // A record's number is its place in the table: a temporary table filled by one COPY is read
  // back in the order it was written (one backend, local buffers, never a parallel or a
  // synchronised scan), which saves a sequence call per row.
  const numbered = `(select row_number() over () as n, ${cells.join(', ')} from ${raw}) r`;
  return {
    insert: `insert into stage_${table} (${STAGE_COLUMNS[table].join(', ')})
             select $1::smallint, n + 1, ${values.join(', ')} from ${numbered} where ${where}`,
    rest: `select n, ${cells.join(', ')} from ${numbered} where not ${where} order by n`,
  };
}

/** The temporary table of text cells a COPY-parsed file lands in. */
export function rawTableDdl(raw: string, width: number): string {
  const cells = Array.from({ length: width }, (_, i) => `c${i} text`);
  return `create temp table ${raw} (${cells.join(', ')}) on commit drop`;
}
