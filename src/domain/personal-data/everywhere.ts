/**
 * Finding and replacing one value wherever the database holds it: every text, JSON and
 * text-array column of every table, and every uuid column for a user's id, found in the catalogue
 * rather than listed by hand, so a table added later is covered without being named here. Used
 * by the export and the erasure of a person's data, for values that identify one person and
 * nothing else (a user's id and e-mail address; a CVR number and company name as whole values).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

interface TextColumn {
  table: string;
  column: string;
  kind: 'text' | 'char' | 'json' | 'array';
}

/** The columns that can hold a person's text: text, varchar, char, json(b) and text arrays, not generated ones. */
export async function textColumns(db: Queryable): Promise<TextColumn[]> {
  return queryRows<TextColumn>(
    db,
    sql`select c.table_name as "table", c.column_name as "column",
               case when c.data_type in ('text', 'character varying') then 'text'
                    when c.data_type = 'character' then 'char'
                    when c.data_type in ('json', 'jsonb') then 'json'
                    else 'array' end as kind
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.is_generated = 'NEVER'
          and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
               or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
        order by c.table_name, c.ordinal_position`,
  );
}

export interface Match {
  find: string;
  /**
   * `whole`: only a column value (or JSON string, or array element) equal to `find`; `within`:
   * also inside longer texts, for values that cannot occur by chance (an e-mail address).
   */
  match: 'whole' | 'within';
}

export interface Replacement extends Match {
  replaceWith: string;
}

/** The JSON spelling of a string inside JSON text: quoted for a whole value, unquoted within. */
const jsonText = (value: string, whole: boolean) =>
  whole ? JSON.stringify(value) : JSON.stringify(value).slice(1, -1);

function matches(c: TextColumn, r: Match): SQL | null {
  const col = sql.identifier(c.column);
  const whole = r.match === 'whole';
  switch (c.kind) {
    case 'text':
      return whole ? sql`${col} = ${r.find}` : sql`strpos(${col}, ${r.find}) > 0`;
    case 'char':
      // Fixed-width codes (CVR numbers, countries) hold whole values only.
      return whole ? sql`${col} = ${r.find}` : null;
    case 'json':
      return sql`strpos(${col}::text, ${jsonText(r.find, whole)}) > 0`;
    case 'array':
      return sql`${r.find} = any(${col})`;
  }
}

function replaced(c: TextColumn, r: Replacement): SQL {
  const col = sql.identifier(c.column);
  const whole = r.match === 'whole';
  switch (c.kind) {
    case 'text':
    case 'char':
      return whole ? sql`${r.replaceWith}` : sql`replace(${col}, ${r.find}, ${r.replaceWith})`;
    case 'json':
      return sql`replace(${col}::text, ${jsonText(r.find, whole)}, ${jsonText(r.replaceWith, whole)})::jsonb`;
    case 'array':
      return sql`array_replace(${col}, ${r.find}, ${r.replaceWith})`;
  }
}

type Row = Record<string, unknown>;

/** Groups columns by table, leaving out `skip`. */
function byTable<C extends { table: string }>(columns: readonly C[], skip: ReadonlySet<string>) {
  const tables = new Map<string, C[]>();
  for (const c of columns) if (!skip.has(c.table)) tables.set(c.table, [...(tables.get(c.table) ?? []), c]);
  return tables;
}

/** The rows of every table but `skip` that hold the value, by table (tables without any left out). */
export async function findEverywhere(
  db: Queryable,
  columns: readonly TextColumn[],
  m: Match,
  skip: ReadonlySet<string> = new Set(),
): Promise<Record<string, Row[]>> {
  const found: Record<string, Row[]> = {};
  for (const [table, cols] of byTable(columns, skip)) {
    const conditions = cols.map((c) => matches(c, m)).filter((x): x is SQL => !!x);
    if (conditions.length === 0) continue;
    const rows = await queryRows<Row>(
      db,
      sql`select * from ${sql.identifier(table)} where ${sql.join(
        conditions.map((c) => sql`(${c})`),
        sql` or `,
      )}`,
    );
    if (rows.length > 0) found[table] = rows;
  }
  return found;
}

/** The rows of every table whose uuid columns refer to `id` (a user's), by table. */
export async function rowsReferring(db: Queryable, id: string, skip: ReadonlySet<string> = new Set()) {
  const columns = await queryRows<{ table: string; column: string }>(
    db,
    sql`select c.table_name as "table", c.column_name as "column"
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.data_type = 'uuid'
        order by c.table_name, c.ordinal_position`,
  );
  const found: Record<string, Row[]> = {};
  for (const [table, cols] of byTable(columns, skip)) {
    const any = sql.join(
      cols.map((c) => sql`${sql.identifier(c.column)} = ${id}`),
      sql` or `,
    );
    const rows = await queryRows<Row>(db, sql`select * from ${sql.identifier(table)} where ${any}`);
    if (rows.length > 0) found[table] = rows;
  }
  return found;
}

/**
 * Replaces the value in every table but `skip`; returns the number of rows changed per table.
 * A table is only written where a row matches, so triggers of untouched tables never fire.
 */
export async function replaceEverywhere(
  db: Queryable,
  columns: readonly TextColumn[],
  r: Replacement,
  skip: ReadonlySet<string> = new Set(),
): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const [table, cols] of byTable(columns, skip)) {
    const conditions = cols
      .map((c) => [c, matches(c, r)] as const)
      .filter((x): x is [TextColumn, SQL] => !!x[1]);
    if (conditions.length === 0) continue;
    const any = sql.join(
      conditions.map(([, m]) => sql`(${m})`),
      sql` or `,
    );
    const [found] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where ${any}`,
    );
    if (!found?.n) continue;
    const sets = sql.join(
      conditions.map(
        ([c, m]) =>
          sql`${sql.identifier(c.column)} = case when ${m} then ${replaced(c, r)} else ${sql.identifier(c.column)} end`,
      ),
      sql`, `,
    );
    await db.execute(sql`update ${sql.identifier(table)} set ${sets} where ${any}`);
    changed[table] = found.n;
  }
  return changed;
}
