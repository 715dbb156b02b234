/**
 * SQL of a delivery: staging tables (temporary, dropped at commit), the checks that need the
 * whole delivery or the portal's data, and the set-based merge. Every check returns rows of
 * (file, line, column, value, code) so its errors carry the line like the row checks do.
 */
export const STAGE_DDL = `
  create temp table stage_clusters (
    file smallint, line integer, cvr text, name text, league text, municipality_code smallint,
    website text, strongholds text[]
  ) on commit drop;
  create temp table stage_activities (
    file smallint, line integer, cluster_cvr text, activity_ref text, title text, category text,
    start_date date, end_date date, municipality_code smallint, grant_dkk bigint,
    external_funding_dkk bigint, hours numeric
  ) on commit drop;
  create temp table stage_participants (
    file smallint, line integer, cluster_cvr text, activity_ref text, participant_type text, cvr text,
    name text, country text, employees integer, municipality_code smallint, industry_code text,
    new_competence boolean, new_idea boolean, new_product boolean
  ) on commit drop;`;

export const STAGE_COLUMNS = {
  clusters: ['file', 'line', 'cvr', 'name', 'league', 'municipality_code', 'website', 'strongholds'],
  activities: [
    'file',
    'line',
    'cluster_cvr',
    'activity_ref',
    'title',
    'category',
    'start_date',
    'end_date',
    'municipality_code',
    'grant_dkk',
    'external_funding_dkk',
    'hours',
  ],
  participants: [
    'file',
    'line',
    'cluster_cvr',
    'activity_ref',
    'participant_type',
    'cvr',
    'name',
    'country',
    'employees',
    'municipality_code',
    'industry_code',
    'new_competence',
    'new_idea',
    'new_product',
  ],
} as const;

/**
 * Indexes and statistics for the checks and the merge, once the staging tables are full. The
 * participants are only ever read whole (hash joins, one sort per check), so they get no index.
 * Sorts and hashes get memory for this transaction only: at 64MB the sorts of a million-row
 * delivery spilled 40–70 MB each to disk; at 256MB they stay in memory (110–126 MB each).
 */
export const STAGE_INDEXES = `
  create index on stage_activities (cluster_cvr, activity_ref);
  analyze stage_clusters; analyze stage_activities; analyze stage_participants;
  set local work_mem = '256MB';`;

const LIMIT = 10_000;

const known = `(select o.cvr from organisations o join clusters c on c.organisation_id = o.id
               union select cvr from stage_clusters)`;

/**
 * The checks. Parameters by name: `cvrs` = cluster CVRs the submitter may report for (null =
 * all), as $1; `register` = may deliver the cluster register, as $1.
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
          where p.status in ('approved', 'locked')
          union all
          select s.file, s.line, 'activity_ref', s.activity_ref, 'periodLocked'
          from stage_participants s
          join organisations o on o.cvr = s.cluster_cvr
          join activities a on a.cluster_id = o.id and a.activity_ref = s.activity_ref
          join reporting_periods p on p.cluster_id = o.id and p.year = a.year
          where p.status in ('approved', 'locked')
            and not exists (select 1 from stage_activities x where x.cluster_cvr = s.cluster_cvr and x.activity_ref = s.activity_ref)
          order by 1, 2 limit ${LIMIT}`,
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
          where not exists (select 1 from stage_activities x
                            where x.cluster_cvr = s.cluster_cvr and x.activity_ref = s.activity_ref)
            and not exists (select 1 from activities a join organisations o on o.id = a.cluster_id
                            where o.cvr = s.cluster_cvr and a.activity_ref = s.activity_ref)
          order by s.file, s.line limit ${LIMIT}`,
  },
];

/** The merge, in order. Updates skip rows whose values did not change, so a repeated delivery writes nothing. */
export const MERGE: { name: string; sql: string }[] = [
  {
    name: 'cluster organisations',
    sql: `insert into organisations (kind, name, slug, cvr, municipality_code, website)
          select 'cluster_organisation', name,
                 trim(both '-' from regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')) || '-' || cvr,
                 cvr, municipality_code, website
          from stage_clusters
          on conflict (cvr) do update set name = excluded.name, municipality_code = excluded.municipality_code,
            website = excluded.website, updated_at = now()
          where (organisations.name, organisations.municipality_code, organisations.website)
                is distinct from (excluded.name, excluded.municipality_code, excluded.website)`,
  },
  {
    name: 'cluster profiles',
    sql: `insert into clusters (organisation_id, league, stronghold_industries)
          select o.id, s.league::cluster_league, s.strongholds from stage_clusters s join organisations o on o.cvr = s.cvr
          on conflict (organisation_id) do update set league = excluded.league,
            stronghold_industries = excluded.stronghold_industries, updated_at = now()
          where (clusters.league, clusters.stronghold_industries)
                is distinct from (excluded.league, excluded.stronghold_industries)`,
  },
  {
    // Company attributes are kept once per CVR; within a delivery the last row wins.
    name: 'companies',
    sql: `insert into companies (cvr, name, employees, municipality_code, industry_code, updated_at)
          select distinct on (cvr) cvr, name, employees, municipality_code, industry_code, now()
          from stage_participants where cvr <> '' order by cvr, file desc, line desc
          on conflict (cvr) do update set name = excluded.name, employees = excluded.employees,
            municipality_code = excluded.municipality_code, industry_code = excluded.industry_code,
            is_synthetic = false, updated_at = excluded.updated_at
          where (companies.name, companies.employees, companies.municipality_code, companies.industry_code)
                is distinct from (excluded.name, excluded.employees, excluded.municipality_code, excluded.industry_code)`,
  },
  {
    name: 'activities',
    sql: `insert into activities (cluster_id, activity_ref, title, category, start_date, end_date, municipality_code,
                                  grant_dkk, external_funding_dkk, private_cofinancing_hours, updated_at)
          select o.id, s.activity_ref, s.title, s.category::activity_category, s.start_date, s.end_date,
                 s.municipality_code, s.grant_dkk, s.external_funding_dkk, s.hours, now()
          from stage_activities s join organisations o on o.cvr = s.cluster_cvr
          on conflict (cluster_id, activity_ref) do update set title = excluded.title, category = excluded.category,
            start_date = excluded.start_date, end_date = excluded.end_date, municipality_code = excluded.municipality_code,
            grant_dkk = excluded.grant_dkk, external_funding_dkk = excluded.external_funding_dkk,
            private_cofinancing_hours = excluded.private_cofinancing_hours, is_synthetic = false, updated_at = now()
          where (activities.title, activities.category, activities.start_date, activities.end_date,
                 activities.municipality_code, activities.grant_dkk, activities.external_funding_dkk,
                 activities.private_cofinancing_hours)
                is distinct from (excluded.title, excluded.category, excluded.start_date, excluded.end_date,
                 excluded.municipality_code, excluded.grant_dkk, excluded.external_funding_dkk,
                 excluded.private_cofinancing_hours)`,
  },
  // The participant merge joins a whole delivery against activities and participations that this
  // transaction may just have filled: with their statistics stale the planner expects a handful
  // of rows and picks nested loops that take minutes for a million. ANALYZE reads a bounded
  // sample (it counts this transaction's own rows) and takes no lock that blocks readers or writers.
  { name: 'activity statistics', sql: 'analyze activities' },
  { name: 'participation statistics', sql: 'analyze participations' },
  {
    // A delivered activity's participant list is replaced as a whole: participants no longer in
    // it go; those still in it are kept (and updated below only if they changed), so a repeated
    // delivery deletes and writes nothing.
    name: 'replaced participant lists',
    sql: `delete from participations p
          using activities a, organisations o, stage_activities s
          where p.activity_id = a.id and o.id = a.cluster_id and s.cluster_cvr = o.cvr and s.activity_ref = a.activity_ref
            and not exists (
              select 1 from stage_participants x
              where x.cluster_cvr = s.cluster_cvr and x.activity_ref = s.activity_ref
                and case when p.cvr is null then x.cvr = '' and x.name = p.foreign_name and x.country = p.country
                         else x.cvr = p.cvr::text end)`,
  },
  {
    // Rows already there with the same values are left alone: ON CONFLICT would still lock
    // (write) each of them. New rows go in in key order, which keeps the index inserts local.
    name: 'participants with CVR',
    sql: `insert into participations (activity_id, cluster_id, year, participant_type, cvr,
                                      new_competence, new_idea, new_product)
          select a.id, a.cluster_id, a.year, s.participant_type::participant_type, s.cvr,
                 s.new_competence, s.new_idea, s.new_product
          from stage_participants s
          join organisations o on o.cvr = s.cluster_cvr
          join activities a on a.cluster_id = o.id and a.activity_ref = s.activity_ref
          where s.cvr <> ''
            and not exists (
              select 1 from participations p
              where p.activity_id = a.id and p.cvr = s.cvr::char(8)
                and (p.cluster_id, p.year, p.participant_type, p.new_competence, p.new_idea, p.new_product)
                    = (a.cluster_id, a.year, s.participant_type::participant_type, s.new_competence, s.new_idea, s.new_product))
          order by a.id, s.cvr
          on conflict (activity_id, cvr) where cvr is not null do update set
            cluster_id = excluded.cluster_id, year = excluded.year,
            participant_type = excluded.participant_type, new_competence = excluded.new_competence,
            new_idea = excluded.new_idea, new_product = excluded.new_product`,
  },
  {
    name: 'foreign participants',
    sql: `insert into participations (activity_id, cluster_id, year, participant_type, foreign_name, country,
                                      new_competence, new_idea, new_product)
          select a.id, a.cluster_id, a.year, 'foreign', s.name, s.country, s.new_competence, s.new_idea, s.new_product
          from stage_participants s
          join organisations o on o.cvr = s.cluster_cvr
          join activities a on a.cluster_id = o.id and a.activity_ref = s.activity_ref
          where s.cvr = ''
            and not exists (
              select 1 from participations p
              where p.activity_id = a.id and p.cvr is null and p.foreign_name = s.name and p.country = s.country::char(2)
                and (p.cluster_id, p.year, p.new_competence, p.new_idea, p.new_product)
                    = (a.cluster_id, a.year, s.new_competence, s.new_idea, s.new_product))
          order by a.id, s.name, s.country
          on conflict (activity_id, foreign_name, country) where cvr is null do update set
            cluster_id = excluded.cluster_id, year = excluded.year,
            new_competence = excluded.new_competence, new_idea = excluded.new_idea, new_product = excluded.new_product`,
  },
];
