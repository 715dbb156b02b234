-- Custom SQL migration file, put your code below! --
-- The performance account reads one year's participations, per cluster or for all clusters.
-- Covering those columns lets PostgreSQL answer from the index alone (index-only scan) instead of
-- visiting every heap page of the year; (cluster_id, year) still serves one cluster's account.
CREATE INDEX IF NOT EXISTS participations_year_cluster_cover_idx ON participations (year, cluster_id)
  INCLUDE (activity_id, participant_type, cvr, new_competence, new_idea, new_product);
--> statement-breakpoint
-- The region scope keeps companies whose address municipality lies in the region.
CREATE INDEX IF NOT EXISTS companies_municipality_idx ON companies (municipality_code)
  INCLUDE (employees, industry_code);
--> statement-breakpoint
-- Labels valid on 31 December of the year, per level.
CREATE INDEX IF NOT EXISTS cluster_labels_level_validity_idx ON cluster_labels (level, valid_until, awarded_on)
  INCLUDE (organisation_id);
