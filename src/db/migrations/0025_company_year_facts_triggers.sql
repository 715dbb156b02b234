-- company_year_facts (0024) is kept exact by the triggers below, in the transaction that changes
-- participations, activities or clusters: each change recomputes the rows of the (year, CVR) pairs
-- it touches from the participations themselves, never by adding or subtracting deltas.

-- One year's participations of one type, with what the account and the triggers read of them, so
-- both answer from the index alone (replaces participations_year_type_cvr_idx).
CREATE INDEX IF NOT EXISTS participations_year_type_cvr_cover_idx ON participations (year, participant_type, cvr)
  INCLUDE (activity_id, cluster_id, new_competence, new_idea, new_product);
--> statement-breakpoint

-- Recomputes the facts of the given (year, CVR) pairs (parallel arrays) from participations.
-- Measured on 10M participations: JIT compiling cost more than the whole refresh of a cluster's
-- year (0.8 s), and the two groupings spilled to disk at the default work_mem.
CREATE FUNCTION klynge_refresh_company_year_facts(years smallint[], cvrs char(8)[]) RETURNS void
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
  INSERT INTO company_year_facts (year, cvr, flags, word_ids, word_bits)
  SELECT year, cvr, bit_or(flags), array_agg(word ORDER BY word), array_agg(bits ORDER BY word)
  FROM (
    SELECT p.year, p.cvr, (c.account_bit / 64)::smallint AS word, bit_or(1::bigint << (c.account_bit % 64)) AS bits,
           bit_or(
             (p.new_competence::int * 1) | (p.new_idea::int * 2) | (p.new_product::int * 4)
             | ((a.category = 'internationalisation')::int * 8)
             | ((a.category = 'innovation_collaboration' AND a.id IN (
                  SELECT i.activity_id FROM participations i
                  WHERE i.year = ANY(ys) AND i.participant_type = 'knowledge_institution'))::int * 16)) AS flags
    FROM (SELECT DISTINCT year, cvr FROM unnest(years, cvrs) AS u(year, cvr)) k
    JOIN participations p ON p.year = k.year AND p.participant_type = 'company' AND p.cvr = k.cvr
    JOIN clusters c ON c.organisation_id = p.cluster_id
    JOIN activities a ON a.id = p.activity_id
    GROUP BY 1, 2, 3
  ) w
  GROUP BY 1, 2;
END
$$;
--> statement-breakpoint
-- The pairs a change of participations touches: its company rows, and every company in an
-- activity where a knowledge institution came or went (the collaboration bit).
CREATE FUNCTION klynge_participations_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  y smallint[] := '{}';
  c char(8)[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT y || coalesce(array_agg(k.year), '{}'), c || coalesce(array_agg(k.cvr), '{}') INTO y, c FROM (
      SELECT n.year, n.cvr FROM new_rows n WHERE n.participant_type = 'company'
      UNION
      SELECT p.year, p.cvr FROM participations p WHERE p.participant_type = 'company'
        AND p.activity_id IN (SELECT n.activity_id FROM new_rows n WHERE n.participant_type = 'knowledge_institution')
    ) k;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT y || coalesce(array_agg(k.year), '{}'), c || coalesce(array_agg(k.cvr), '{}') INTO y, c FROM (
      SELECT o.year, o.cvr FROM old_rows o WHERE o.participant_type = 'company'
      UNION
      SELECT p.year, p.cvr FROM participations p WHERE p.participant_type = 'company'
        AND p.activity_id IN (SELECT o.activity_id FROM old_rows o WHERE o.participant_type = 'knowledge_institution')
    ) k;
  END IF;
  PERFORM klynge_refresh_company_year_facts(y, c);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A changed category (international, collaboration bits) or cluster changes its companies' facts.
-- A changed year moves the participations too, and their own trigger covers both years.
CREATE FUNCTION klynge_activities_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM klynge_refresh_company_year_facts(array_agg(p.year), array_agg(p.cvr))
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  JOIN participations p ON p.activity_id = n.id AND p.participant_type = 'company'
  WHERE (o.category, o.cluster_id) IS DISTINCT FROM (n.category, n.cluster_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The national account counts the clusters that have a cluster profile.
CREATE FUNCTION klynge_clusters_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM klynge_refresh_company_year_facts(array_agg(p.year), array_agg(p.cvr))
    FROM new_rows n JOIN participations p ON p.cluster_id = n.organisation_id AND p.participant_type = 'company';
  ELSE
    PERFORM klynge_refresh_company_year_facts(array_agg(p.year), array_agg(p.cvr))
    FROM old_rows o JOIN participations p ON p.cluster_id = o.organisation_id AND p.participant_type = 'company';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION klynge_truncate_company_year_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE company_year_facts;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER participations_facts_insert AFTER INSERT ON participations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_participations_facts();
--> statement-breakpoint
CREATE TRIGGER participations_facts_update AFTER UPDATE ON participations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_participations_facts();
--> statement-breakpoint
CREATE TRIGGER participations_facts_delete AFTER DELETE ON participations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_participations_facts();
--> statement-breakpoint
CREATE TRIGGER participations_facts_truncate AFTER TRUNCATE ON participations
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_truncate_company_year_facts();
--> statement-breakpoint
CREATE TRIGGER activities_facts_update AFTER UPDATE ON activities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_activities_facts();
--> statement-breakpoint
CREATE TRIGGER clusters_facts_insert AFTER INSERT ON clusters REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_clusters_facts();
--> statement-breakpoint
CREATE TRIGGER clusters_facts_delete AFTER DELETE ON clusters REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_clusters_facts();
--> statement-breakpoint
SELECT klynge_refresh_company_year_facts(array_agg(year), array_agg(cvr))
FROM (SELECT DISTINCT year, cvr FROM participations WHERE participant_type = 'company') k;
