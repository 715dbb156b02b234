import { type SQL, sql } from 'drizzle-orm';

/** A uuid[] value for SQL: Drizzle spreads a JS array into a list of parameters, so the array is built from that list. */
export const uuidArray = (ids: readonly string[]): SQL =>
  ids.length
    ? sql`array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`
    : sql`'{}'::uuid[]`;
