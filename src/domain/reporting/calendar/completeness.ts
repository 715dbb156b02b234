/**
 * Completeness of reporting, as the funders' status page shows it: of the clusters funded in a
 * year, how many submitted the year by its deadline, how many of those are approved (or locked),
 * and how many have not submitted and are past the deadline. Per funder (a cluster funded by two
 * funders counts for each) and nationally (each cluster once), counted in SQL.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../db/client.ts';
import { uuidArray } from '../uuid-array.ts';
import { FUNDED_YEAR_DEADLINES } from './deadlines.ts';
import { TIMELINESS_SQL } from './timeliness.ts';

export interface Completeness {
  /** null: nationally. */
  funderId: string | null;
  funderName: string | null;
  year: number;
  /** Clusters funded in the year. */
  funded: number;
  submittedOnTime: number;
  /** Submitted on time and approved or locked. */
  approvedOnTime: number;
  submittedLate: number;
  /** Not submitted, past the deadline. */
  overdue: number;
}

/**
 * Completeness per year: nationally, and for each funder in `funders` (every funder when null).
 * Ordered by year, newest first, the national row first, then funders by name. `today` (YYYY-MM-DD)
 * decides which unsubmitted years are overdue.
 */
export async function reportingCompleteness(
  db: Queryable,
  opts: { funders: readonly string[] | null; today: string },
): Promise<Completeness[]> {
  const scope = opts.funders === null ? sql`true` : sql`g.funder_id = any(${uuidArray(opts.funders)})`;
  return queryRows<Completeness>(
    db,
    sql`with judged as (
          select d.cluster_id, d.year, coalesce(p.status::text, 'open') as status,
                 ${TIMELINESS_SQL(sql`d.deadline`, sql`p`, opts.today)} as timeliness
          from (${FUNDED_YEAR_DEADLINES}) d
          left join reporting_periods p on p.cluster_id = d.cluster_id and p.year = d.year
        )
        select g.funder_id as "funderId", o.name as "funderName", j.year::int as year,
               count(distinct j.cluster_id)::int as funded,
               count(distinct j.cluster_id) filter (where j.timeliness = 'onTime')::int as "submittedOnTime",
               count(distinct j.cluster_id) filter (where j.timeliness = 'onTime'
                                                     and j.status in ('approved', 'locked'))::int as "approvedOnTime",
               count(distinct j.cluster_id) filter (where j.timeliness = 'late')::int as "submittedLate",
               count(distinct j.cluster_id) filter (where j.timeliness = 'overdue')::int as overdue
        from judged j
        join funding_grants g on g.cluster_id = j.cluster_id and g.year = j.year
        join organisations o on o.id = g.funder_id
        group by grouping sets ((j.year), (j.year, g.funder_id, o.name))
        having grouping(g.funder_id) = 1 or bool_or(${scope})
        order by j.year desc, grouping(g.funder_id) desc, o.name, g.funder_id`,
  );
}
