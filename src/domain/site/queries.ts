import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

/** Whether the database holds demo data (synthetic companies or demo organisations): every page says so. */
export async function holdsDemoData(db: Queryable): Promise<boolean> {
  const [row] = await queryRows<{ demo: boolean }>(
    db,
    sql`select (exists(select 1 from companies where is_synthetic)
             or exists(select 1 from organisations where is_demo)) as demo`,
  );
  return Boolean(row?.demo);
}
