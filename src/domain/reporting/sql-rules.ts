import { MUNICIPALITY_CODES } from '../reference/geography.ts';
import { DB07_SECTIONS } from '../reference/identifiers.ts';
import { PARTICIPANT_TYPES, type TableName } from './rows.ts';
import { STAGE_COLUMNS } from './staging.ts';

/**
 * The row rules of rows.ts as set-based SQL, for a file PostgreSQL parsed itself (COPY ... FORMAT
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

/** Which tables have a SQL path. Clusters and activities are small; they keep the JS path. */
export function hasSqlRules(table: TableName): table is 'participants' {
  return table === 'participants';
}

/**
 * For a COPY-parsed participants file in `raw` (cells c0..cN as text, `n` the record's number from
 * 1): the INSERT that stages every row the SQL rules pass, and the SELECT of every other row
 * (`n` then the cells in header order) for the JS rules. $1 is the file's index.
 */
export function participantsSql(raw: string, index: ReadonlyMap<string, number>, width: number) {
  const c = (name: string) => {
    const i = index.get(name);
    return i === undefined ? 'null::text' : `c${i}`;
  };
  const type = c('participant_type');
  const valid = [
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
  ];
  const where = `coalesce(${valid.join('\n and ')}, false)`;
  const values = [
    '$1::smallint',
    'n + 1',
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
  ];
  const cells = Array.from({ length: width }, (_, i) => `c${i}`);
  // A record's number is its place in the table: a temporary table filled by one COPY is read
  // back in the order it was written (one backend, local buffers, never a parallel or a
  // synchronised scan), which saves a sequence call per row.
  const numbered = `(select row_number() over () as n, ${cells.join(', ')} from ${raw}) r`;
  return {
    insert: `insert into stage_participants (${STAGE_COLUMNS.participants.join(', ')})
             select ${values.join(', ')} from ${numbered} where ${where}`,
    rest: `select n, ${cells.join(', ')} from ${numbered} where not ${where} order by n`,
  };
}

/** The temporary table of text cells a COPY-parsed file lands in. */
export function rawTableDdl(raw: string, width: number): string {
  const cells = Array.from({ length: width }, (_, i) => `c${i} text`);
  return `create temp table ${raw} (${cells.join(', ')}) on commit drop`;
}
