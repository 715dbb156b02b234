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
    // The register of CVR holders; what each is like is kept with its participations below.
    name: 'companies',
    sql: `insert into companies (cvr)
          select distinct cvr from stage_participants where cvr <> '' order by cvr
          on conflict (cvr) do nothing`,
  },
  {
    name: 'activities',
    sql: `insert into activities (cluster_id, activity_ref, title, category, start_date, end_date, municipality_code,
                                  grant_dkk, external_funding_dkk, private_cofinancing_hours, cofinancing_fees_dkk,
                                  cofinancing_sponsorship_dkk, cofinancing_foundations_dkk, eu_application, updated_at)
          select o.id, s.activity_ref, s.title, s.category::activity_category, s.start_date, s.end_date,
                 s.municipality_code, s.grant_dkk, s.external_funding_dkk, s.hours, s.fees_dkk, s.sponsorship_dkk,
                 s.foundations_dkk, s.eu_application, now()
          from stage_activities s join organisations o on o.cvr = s.cluster_cvr
          on conflict (cluster_id, activity_ref) do update set title = excluded.title, category = excluded.category,
            start_date = excluded.start_date, end_date = excluded.end_date, municipality_code = excluded.municipality_code,
            grant_dkk = excluded.grant_dkk, external_funding_dkk = excluded.external_funding_dkk,
            private_cofinancing_hours = excluded.private_cofinancing_hours,
            cofinancing_fees_dkk = excluded.cofinancing_fees_dkk,
            cofinancing_sponsorship_dkk = excluded.cofinancing_sponsorship_dkk,
            cofinancing_foundations_dkk = excluded.cofinancing_foundations_dkk,
            eu_application = excluded.eu_application, is_synthetic = false, updated_at = now()
          where (activities.title, activities.category, activities.start_date, activities.end_date,
                 activities.municipality_code, activities.grant_dkk, activities.external_funding_dkk,
                 activities.private_cofinancing_hours, activities.cofinancing_fees_dkk,
                 activities.cofinancing_sponsorship_dkk, activities.cofinancing_foundations_dkk,
                 activities.eu_application)
                is distinct from (excluded.title, excluded.category, excluded.start_date, excluded.end_date,
                 excluded.municipality_code, excluded.grant_dkk, excluded.external_funding_dkk,
                 excluded.private_cofinancing_hours, excluded.cofinancing_fees_dkk,
                 excluded.cofinancing_sponsorship_dkk, excluded.cofinancing_foundations_dkk,
                 excluded.eu_application)`,
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
                and case when p.cvr is null then x.cvr = '' and x.name = p.name and x.country = p.country
                         else x.cvr = p.cvr::text end)`,
  },
  {
    // Rows already there with the same values are left alone: ON CONFLICT would still lock
    // (write) each of them, and their reported_at (the delivery that last reported them, which
    // decides a company's latest participation) stays. New rows go in in key order, which keeps
    // the index inserts local.
    name: 'participants with CVR',
    sql: `insert into participations (activity_id, cluster_id, year, participant_type, cvr, name, employees,
                                      municipality_code, industry_code, institution_kind, new_competence, new_idea,
                                      new_product, reported_at)
          select a.id, a.cluster_id, a.year, s.participant_type::participant_type, s.cvr, s.name, s.employees,
                 s.municipality_code, s.industry_code, s.institution_kind::institution_kind, s.new_competence,
                 s.new_idea, s.new_product, now()
          from stage_participants s
          join organisations o on o.cvr = s.cluster_cvr
          join activities a on a.cluster_id = o.id and a.activity_ref = s.activity_ref
          where s.cvr <> ''
            and not exists (
              select 1 from participations p
              where p.activity_id = a.id and p.cvr = s.cvr::char(8)
                and (p.cluster_id, p.year, p.participant_type, p.name, p.employees, p.municipality_code,
                     p.industry_code, p.institution_kind, p.new_competence, p.new_idea, p.new_product)
                    is not distinct from
                    (a.cluster_id, a.year, s.participant_type::participant_type, s.name, s.employees,
                     s.municipality_code, s.industry_code::char(6), s.institution_kind::institution_kind,
                     s.new_competence, s.new_idea, s.new_product))
          order by a.id, s.cvr
          on conflict (activity_id, cvr) where cvr is not null do update set
            cluster_id = excluded.cluster_id, year = excluded.year, participant_type = excluded.participant_type,
            name = excluded.name, employees = excluded.employees, municipality_code = excluded.municipality_code,
            industry_code = excluded.industry_code, institution_kind = excluded.institution_kind,
            new_competence = excluded.new_competence, new_idea = excluded.new_idea,
            new_product = excluded.new_product, reported_at = excluded.reported_at`,
  },
  {
    name: 'foreign participants',
    sql: `insert into participations (activity_id, cluster_id, year, participant_type, name, country, employees,
                                      municipality_code, industry_code, new_competence, new_idea, new_product,
                                      reported_at)
          select a.id, a.cluster_id, a.year, 'foreign', s.name, s.country, s.employees, s.municipality_code,
                 s.industry_code, s.new_competence, s.new_idea, s.new_product, now()
          from stage_participants s
          join organisations o on o.cvr = s.cluster_cvr
          join activities a on a.cluster_id = o.id and a.activity_ref = s.activity_ref
          where s.cvr = ''
            and not exists (
              select 1 from participations p
              where p.activity_id = a.id and p.cvr is null and p.name = s.name and p.country = s.country::char(2)
                and (p.cluster_id, p.year, p.employees, p.municipality_code, p.industry_code, p.new_competence,
                     p.new_idea, p.new_product)
                    is not distinct from
                    (a.cluster_id, a.year, s.employees, s.municipality_code, s.industry_code::char(6),
                     s.new_competence, s.new_idea, s.new_product))
          order by a.id, s.name, s.country
          on conflict (activity_id, name, country) where cvr is null do update set
            cluster_id = excluded.cluster_id, year = excluded.year, employees = excluded.employees,
            municipality_code = excluded.municipality_code, industry_code = excluded.industry_code,
            new_competence = excluded.new_competence, new_idea = excluded.new_idea,
            new_product = excluded.new_product, reported_at = excluded.reported_at`,
  },
];
