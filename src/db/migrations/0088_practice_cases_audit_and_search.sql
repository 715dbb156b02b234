-- Custom SQL migration file, put your code below! --
-- The best-practice catalogue is edited by the support function: audited row by row.
CREATE TRIGGER practice_cases_audit AFTER INSERT OR UPDATE OR DELETE ON practice_cases
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER practice_case_actors_audit AFTER INSERT OR UPDATE OR DELETE ON practice_case_actors
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('case_id', 'organisation_id');
--> statement-breakpoint
-- Cases in the search (see 0006_search.sql): visible from publication, so a proposed or rejected
-- case is never found. PL/pgSQL: the kind 'practice' added in the previous migration may not be
-- checked in a SQL function's body in the transaction that adds it.
CREATE FUNCTION search_sync_practices(keys uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents WHERE kind = 'practice' AND source_id = ANY (keys::text[]);
  INSERT INTO search_documents (kind, source_id, organisation_id, slug, title, summary, summary_en,
                                lang, occurs_at, visible_from, document)
  SELECT 'practice', p.id::text, p.proposer_organisation_id, p.slug, p.title, p.summary, '',
         NULL, p.published_at, CASE WHEN p.status = 'published' THEN p.published_at END,
         search_document(p.title, p.summary,
                         p.what_was_done || ' ' || p.what_worked || ' ' || p.what_did_not, NULL)
  FROM practice_cases p
  WHERE p.id = ANY (keys);
END
$$;
--> statement-breakpoint
CREATE TRIGGER practice_cases_search_insert AFTER INSERT ON practice_cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_practices', 'id');
--> statement-breakpoint
CREATE TRIGGER practice_cases_search_update AFTER UPDATE ON practice_cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_practices', 'id');
--> statement-breakpoint
CREATE TRIGGER practice_cases_search_delete AFTER DELETE ON practice_cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_practices', 'id');
