import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../db/client.ts';
import { copenhagenDate } from '../../reference/time.ts';
import { CLOSED_STATUSES } from './transitions.ts';

/*
 * A cluster's reporting year: which year is in progress, who funds the cluster in it, and whether
 * it is closed to changes. Action plans share these (a plan is for a reporting year).
 */

/** The reporting year in progress: activities count in the year they start, so it is this calendar year in Denmark. */
export const currentReportingYear = (now: Date): number => Number(copenhagenDate(now).slice(0, 4));

/** The first year anything can be reported for. */
export const MIN_YEAR = 2000;

/** The funders that fund a cluster in a year, from funding_grants. */
export async function fundersOf(db: Queryable, clusterId: string, year: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select distinct funder_id as id from funding_grants where cluster_id = ${clusterId} and year = ${year}`,
  );
  return rows.map((r) => r.id);
}

/** Whether a cluster's year is closed to changes (by files, the API or the forms alike). */
export async function isYearLocked(db: Queryable, clusterId: string, year: number): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(
    db,
    sql`select exists(select 1 from reporting_periods where cluster_id = ${clusterId} and year = ${year}
                      and status in (${sql.join(
                        CLOSED_STATUSES.map((s) => sql`${s}::period_status`),
                        sql`, `,
                      )})) as locked`,
  );
  return Boolean(row?.locked);
}
