import { type SQL, sql } from 'drizzle-orm';

/**
 * The activity rule of the 2021-2024 call (reporting format 1.1): an activity should have at least
 * two participants, at least one of them a company. A delivery that breaks it still loads; the
 * delivery result, the activity lists, the data-quality pages and the funder's review of a year
 * list the activities that break it.
 */
export const MIN_PARTICIPANTS = 2;

/** An activity that breaks the rule, as the pages and the delivery log list it. */
export interface ActivityRuleBreach {
  clusterCvr: string;
  activityRef: string;
  title: string;
  participants: number;
  companies: number;
}

export const breaksActivityRule = (participants: number, companies: number): boolean =>
  participants < MIN_PARTICIPANTS || companies === 0;

/** The rule as a SQL condition over an activity's participant and company counts (SQL text). */
export const activityRuleBrokenSql = (participants: string, companies: string): string =>
  `(${participants} < ${MIN_PARTICIPANTS} or ${companies} = 0)`;

/** The same condition in a Drizzle query. */
export const activityRuleBroken = (participants: SQL, companies: SQL): SQL =>
  sql`(${participants} < ${MIN_PARTICIPANTS} or ${companies} = 0)`;
