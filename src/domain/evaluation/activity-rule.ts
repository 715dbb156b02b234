/**
 * The activity rule as a data-quality measure (reporting format 1.1, docs/reporting-format.md):
 * the share of a cluster's activities of a year with fewer than two participants or no company,
 * met while it is at most the threshold of the evaluation rules. Counted in SQL.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { type ActivityRuleBreach, activityRuleBroken } from '../reporting/activities/rule.ts';
import type { DataQualityThresholds } from './config.ts';

/** At most this many breaking activities are listed per cluster; the count covers them all. */
export const LISTED_BREACHES = 20;

/**
 * The activities of the year of the given clusters (`ids`: a list of uuid parameters) with their
 * participant and company counts and whether they break the rule, as the relation `counted`.
 */
export const countedActivities = (year: number, ids: SQL): SQL => sql`counted as (
    select a.cluster_id, a.activity_ref, a.title,
      coalesce(p.participants, 0)::int as participants, coalesce(p.companies, 0)::int as companies,
      ${activityRuleBroken(sql`coalesce(p.participants, 0)`, sql`coalesce(p.companies, 0)`)} as broken
    from activities a
    left join (
      select activity_id, count(*) as participants,
        count(*) filter (where participant_type = 'company') as companies
      from participations where year = ${year} and cluster_id in (${ids}) group by 1
    ) p on p.activity_id = a.id
    where a.year = ${year} and a.cluster_id in (${ids})
  )`;

/** Per cluster, the first LISTED_BREACHES activities breaking the rule, by reference. */
export async function listedBreaches(
  db: Queryable,
  year: number,
  ids: SQL,
): Promise<Map<string, Omit<ActivityRuleBreach, 'clusterCvr'>[]>> {
  const rows = await queryRows<Omit<ActivityRuleBreach, 'clusterCvr'> & { clusterId: string }>(
    db,
    sql`with ${countedActivities(year, ids)},
        ranked as (
          select *, row_number() over (partition by cluster_id order by activity_ref collate "C") as n
          from counted where broken
        )
        select cluster_id as "clusterId", activity_ref as "activityRef", title, participants, companies
        from ranked where n <= ${LISTED_BREACHES}
        order by cluster_id, n`,
  );
  const byCluster = new Map<string, Omit<ActivityRuleBreach, 'clusterCvr'>[]>();
  for (const { clusterId, ...breach } of rows)
    byCluster.set(clusterId, [...(byCluster.get(clusterId) ?? []), breach]);
  return byCluster;
}

/** Whether a cluster's year meets the measure; null without activities, where there is no share. */
export const activityRuleMet = (share: number | null, config: DataQualityThresholds): boolean | null =>
  share === null ? null : share <= config.activityRuleSharePercent;
