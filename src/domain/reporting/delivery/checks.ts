/**
 * The checks that need the whole delivery or the portal's data, run in SQL on the staging tables
 * once every row passed its own rules. Every check returns rows of (file, line, column, value,
 * code) so its errors carry the line like the row checks do.
 */
const LIMIT = 10_000;

const known = `(select o.cvr from organisations o join clusters c on c.organisation_id = o.id
               union select cvr from stage_clusters)`;

/** A staged row is for a cluster the submitter may report for ($1 = its CVRs, null = all). */
const inScope = (row: string) => `($1::text[] is null or ${row}.cluster_cvr = any($1::text[]))`;

/**
 * The checks. Parameters by name: `cvrs` = cluster CVRs the submitter may report for (null =
 * all), as $1; `register` = may deliver the cluster register, as $1. The checks that read a
 * cluster's own data in the portal (its locked years, its activities) look only at rows the
 * submitter may report for: of another cluster's rows only "not your cluster" may be said, never
 * whether its activity exists or its year is locked.
 */
export const CHECKS: { name: string; sql: string; param?: 'cvrs' | 'register' }[] = [
  {
    name: 'clusters not allowed',
    sql: `select file, line, 'cvr' as col, cvr as value, 'clustersNotAllowed' as code
          from stage_clusters where not $1::boolean order by file, line limit ${LIMIT}`,
    param: 'register',
  },
  {
    name: 'duplicate clusters',
    sql: `select file, line, 'cvr' as col, cvr as value, 'duplicateCluster' as code from (
            select file, line, cvr, row_number() over (partition by cvr order by file, line) as n
            from stage_clusters) s where n > 1 order by file, line limit ${LIMIT}`,
  },
  {
    name: 'duplicate activities',
    sql: `select file, line, 'activity_ref' as col, activity_ref as value, 'duplicateActivity' as code from (
            select file, line, activity_ref,
                   row_number() over (partition by cluster_cvr, activity_ref order by file, line) as n
            from stage_activities) s where n > 1 order by file, line limit ${LIMIT}`,
  },
  {
    name: 'unknown clusters',
    sql: `select file, line, 'cluster_cvr' as col, cluster_cvr as value, 'unknownCluster' as code
          from stage_activities where cluster_cvr not in ${known} order by file, line limit ${LIMIT}`,
  },
  {
    name: 'activities outside the submitter',
    sql: `select file, line, 'cluster_cvr' as col, cluster_cvr as value, 'notYourCluster' as code
          from stage_activities where $1::text[] is not null and cluster_cvr <> all($1::text[])
          union all
          select file, line, 'cluster_cvr', cluster_cvr, 'notYourCluster'
          from stage_participants where $1::text[] is not null and cluster_cvr <> all($1::text[])
          order by 1, 2 limit ${LIMIT}`,
    param: 'cvrs',
  },
  {
    name: 'locked periods',
    sql: `select s.file, s.line, 'start_date' as col, s.start_date::text as value, 'periodLocked' as code
          from stage_activities s
          join organisations o on o.cvr = s.cluster_cvr
          join reporting_periods p on p.cluster_id = o.id and p.year = extract(year from s.start_date)
          where p.status in ('approved', 'locked') and ${inScope('s')}
          union all
          select s.file, s.line, 'activity_ref', s.activity_ref, 'periodLocked'
          from stage_participants s
          join organisations o on o.cvr = s.cluster_cvr
          join activities a on a.cluster_id = o.id and a.activity_ref = s.activity_ref
          join reporting_periods p on p.cluster_id = o.id and p.year = a.year
          where p.status in ('approved', 'locked') and ${inScope('s')}
            and not exists (select 1 from stage_activities x where x.cluster_cvr = s.cluster_cvr and x.activity_ref = s.activity_ref)
          order by 1, 2 limit ${LIMIT}`,
    param: 'cvrs',
  },
  {
    name: 'duplicate participants',
    sql: `select file, line, case when cvr = '' then 'name' else 'cvr' end as col,
                 case when cvr = '' then name else cvr end as value, 'duplicateParticipant' as code from (
            select file, line, cvr, name, row_number() over (
              partition by cluster_cvr, activity_ref, cvr, case when cvr = '' then name end, case when cvr = '' then country end
              order by file, line) as n
            from stage_participants) s where n > 1 order by file, line limit ${LIMIT}`,
  },
  {
    name: 'unknown activities',
    sql: `select s.file, s.line, 'activity_ref' as col, s.activity_ref as value, 'unknownActivity' as code
          from stage_participants s
          where ${inScope('s')}
            and not exists (select 1 from stage_activities x
                            where x.cluster_cvr = s.cluster_cvr and x.activity_ref = s.activity_ref)
            and not exists (select 1 from activities a join organisations o on o.id = a.cluster_id
                            where o.cvr = s.cluster_cvr and a.activity_ref = s.activity_ref)
          order by s.file, s.line limit ${LIMIT}`,
    param: 'cvrs',
  },
];
