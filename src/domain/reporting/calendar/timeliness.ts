import { type SQL, sql } from 'drizzle-orm';

/**
 * SQL of a funded year's timeliness ('onTime', 'late', 'overdue' or null; overview.ts Timeliness)
 * from its deadline (a date, null without a grant), its reporting_periods row (alias; maybe no
 * row) and the day it is judged on. A year counts as submitted in time when it was last submitted
 * on or before the deadline, in Danish time.
 */
export const TIMELINESS_SQL = (deadline: SQL, period: SQL, today: string): SQL => sql`
  case
    when ${deadline} is null then null
    when ${period}.status in ('submitted', 'approved', 'locked') then
      case
        when ${period}.submitted_at is null then null
        when (${period}.submitted_at at time zone 'Europe/Copenhagen')::date <= ${deadline} then 'onTime'
        else 'late'
      end
    when ${today}::date > ${deadline} then 'overdue'
  end`;
