-- Custom SQL migration file, put your code below! --
-- Reporting format 1.1: company data belongs to the delivery that reported it. Each participation
-- gets the attributes its company had in the portal until now (kept once per CVR, the latest
-- delivery winning), and foreign participants keep their name in the same column. The facts
-- triggers are off meanwhile: the facts are rebuilt once at the end.
ALTER TABLE participations DISABLE TRIGGER participations_facts_update;
--> statement-breakpoint
UPDATE participations p SET name = c.name, employees = c.employees, municipality_code = c.municipality_code,
  industry_code = c.industry_code
FROM companies c WHERE c.cvr = p.cvr;
--> statement-breakpoint
UPDATE participations SET name = foreign_name WHERE cvr IS NULL;
--> statement-breakpoint
ALTER TABLE participations ENABLE TRIGGER participations_facts_update;
--> statement-breakpoint

-- The accounts read a year's participations with what classifies their companies, from the
-- index alone (index-only scans), as before the attributes moved here.
DROP INDEX IF EXISTS participations_year_cluster_cover_idx;
--> statement-breakpoint
CREATE INDEX participations_year_cluster_cover_idx ON participations (year, cluster_id)
  INCLUDE (activity_id, participant_type, cvr, new_competence, new_idea, new_product, employees,
           municipality_code, industry_code, reported_at, institution_kind);
--> statement-breakpoint
DROP INDEX IF EXISTS participations_year_type_cvr_cover_idx;
--> statement-breakpoint
CREATE INDEX participations_year_type_cvr_cover_idx ON participations (year, participant_type, cvr)
  INCLUDE (activity_id, cluster_id, new_competence, new_idea, new_product, employees, municipality_code,
           industry_code, reported_at);
--> statement-breakpoint

-- Recomputes the facts of the given (year, CVR) pairs (parallel arrays) from participations, on
-- both bases: preliminary (every participation) and official (those of approved or locked
-- (cluster, year) periods). A company's attributes are those of its latest participation on the
-- basis: the latest activity start date, then the latest delivery (reported_at), then the lowest
-- activity_ref in byte order whatever the collation (docs/reporting-format.md), then the lowest
-- cluster CVR, so that two clusters' activities of the same reference and day give one answer.
CREATE OR REPLACE FUNCTION klynge_refresh_company_year_facts(years smallint[], cvrs char(8)[]) RETURNS void
LANGUAGE plpgsql SET jit = off SET work_mem = '64MB' AS $$
DECLARE
  ys smallint[] := (SELECT array_agg(DISTINCT y ORDER BY y) FROM unnest(years) y);
BEGIN
  -- Writers of the same year take turns from here to their commit. The statements below run after
  -- the lock is granted, so (READ COMMITTED) they see every earlier writer's committed rows and a
  -- recompute never overwrites facts with an older picture. Years are locked in order.
  PERFORM pg_advisory_xact_lock(724002, y) FROM unnest(ys) y;
  DELETE FROM company_year_facts f USING unnest(years, cvrs) AS k(year, cvr)
    WHERE f.year = ANY(ys) AND f.year = k.year AND f.cvr = k.cvr;
  INSERT INTO company_year_facts (year, official, cvr, flags, word_ids, word_bits, employees, municipality_code,
                                  industry_code)
  WITH parts AS MATERIALIZED (
    SELECT p.year, p.cvr, c.account_bit, a.start_date, p.reported_at, a.activity_ref, o.cvr AS cluster_cvr,
           p.employees, p.municipality_code, p.industry_code,
           (p.new_competence::int * 1) | (p.new_idea::int * 2) | (p.new_product::int * 4)
           | ((a.category = 'internationalisation')::int * 8)
           | ((a.category = 'innovation_collaboration' AND a.id IN (
                SELECT i.activity_id FROM participations i
                WHERE i.year = ANY(ys) AND i.participant_type = 'knowledge_institution'))::int * 16) AS flags,
           coalesce(rp.status IN ('approved', 'locked'), false) AS approved
    FROM (SELECT DISTINCT year, cvr FROM unnest(years, cvrs) AS u(year, cvr)) k
    JOIN participations p ON p.year = k.year AND p.participant_type = 'company' AND p.cvr = k.cvr
    JOIN clusters c ON c.organisation_id = p.cluster_id
    JOIN organisations o ON o.id = p.cluster_id
    JOIN activities a ON a.id = p.activity_id
    LEFT JOIN reporting_periods rp ON rp.cluster_id = p.cluster_id AND rp.year = p.year
  ),
  based AS (
    SELECT b.official, parts.* FROM parts JOIN (VALUES (false), (true)) AS b(official)
      ON NOT b.official OR parts.approved
  ),
  words AS (
    SELECT official, year, cvr, (account_bit / 64)::smallint AS word,
           bit_or(1::bigint << (account_bit % 64)) AS bits, bit_or(flags) AS flags
    FROM based GROUP BY 1, 2, 3, 4
  ),
  folded AS (
    SELECT official, year, cvr, bit_or(flags) AS flags, array_agg(word ORDER BY word) AS word_ids,
           array_agg(bits ORDER BY word) AS word_bits
    FROM words GROUP BY 1, 2, 3
  ),
  latest AS (
    SELECT DISTINCT ON (official, year, cvr) official, year, cvr, employees, municipality_code, industry_code
    FROM based ORDER BY official, year, cvr, start_date DESC, reported_at DESC, activity_ref COLLATE "C", cluster_cvr
  )
  SELECT f.year, f.official, f.cvr, f.flags, f.word_ids, f.word_bits, l.employees, l.municipality_code,
         l.industry_code
  FROM folded f JOIN latest l USING (official, year, cvr);
END
$$;
--> statement-breakpoint
-- An activity's category (international, collaboration bits), cluster, start date and reference
-- (which participation is a company's latest) change its companies' facts. A changed year moves
-- the participations too, and their own trigger covers both years.
CREATE OR REPLACE FUNCTION klynge_activities_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM klynge_refresh_company_year_facts(array_agg(p.year), array_agg(p.cvr))
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  JOIN participations p ON p.activity_id = n.id AND p.participant_type = 'company'
  WHERE (o.category, o.cluster_id, o.start_date, o.activity_ref)
    IS DISTINCT FROM (n.category, n.cluster_id, n.start_date, n.activity_ref);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A (cluster, year) period that becomes approved or locked, or stops being so, moves its
-- companies in or out of the official facts.
CREATE FUNCTION klynge_periods_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  y smallint[];
  c char(8)[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(p.year), array_agg(p.cvr) INTO y, c
    FROM new_rows n JOIN participations p ON p.cluster_id = n.cluster_id AND p.year = n.year
    WHERE p.participant_type = 'company' AND n.status IN ('approved', 'locked');
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(p.year), array_agg(p.cvr) INTO y, c
    FROM old_rows o JOIN participations p ON p.cluster_id = o.cluster_id AND p.year = o.year
    WHERE p.participant_type = 'company' AND o.status IN ('approved', 'locked');
  ELSE
    SELECT array_agg(p.year), array_agg(p.cvr) INTO y, c
    FROM (
      (SELECT cluster_id, year FROM old_rows WHERE status IN ('approved', 'locked')
       EXCEPT SELECT cluster_id, year FROM new_rows WHERE status IN ('approved', 'locked'))
      UNION
      (SELECT cluster_id, year FROM new_rows WHERE status IN ('approved', 'locked')
       EXCEPT SELECT cluster_id, year FROM old_rows WHERE status IN ('approved', 'locked'))
    ) k JOIN participations p ON p.cluster_id = k.cluster_id AND p.year = k.year
    WHERE p.participant_type = 'company';
  END IF;
  PERFORM klynge_refresh_company_year_facts(y, c);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reporting_periods_facts_insert AFTER INSERT ON reporting_periods REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_periods_facts();
--> statement-breakpoint
CREATE TRIGGER reporting_periods_facts_update AFTER UPDATE ON reporting_periods
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_periods_facts();
--> statement-breakpoint
CREATE TRIGGER reporting_periods_facts_delete AFTER DELETE ON reporting_periods REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_periods_facts();
--> statement-breakpoint
SELECT klynge_refresh_company_year_facts(array_agg(year), array_agg(cvr))
FROM (SELECT DISTINCT year, cvr FROM participations WHERE participant_type = 'company') k;
