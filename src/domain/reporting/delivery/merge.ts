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
