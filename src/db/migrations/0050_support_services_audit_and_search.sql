-- Custom SQL migration file, put your code below! ---- The support function's services are administrative data: audited row by row.
CREATE TRIGGER support_services_audit AFTER INSERT OR UPDATE OR DELETE ON support_services
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
-- Services in the search (see 0006_search.sql): one document per service in both languages,
-- visible until it is retired. PL/pgSQL, not SQL: a SQL function's body is checked when it is
-- created, and the search kind 'service' added in the previous migration may not be used in the
-- transaction that adds it.
CREATE FUNCTION search_sync_services(keys uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents WHERE kind = 'service' AND source_id = ANY (keys::text[]);
  INSERT INTO search_documents (kind, source_id, organisation_id, slug, title, summary, summary_en,
                                lang, occurs_at, visible_from, document)
  SELECT 'service', s.id::text, s.organisation_id, s.slug, s.title_da, s.summary_da, s.summary_en,
         NULL, NULL, CASE WHEN s.retired_at IS NULL THEN '-infinity'::timestamptz END,
         search_document(s.title_da || ' ' || s.title_en, s.summary_da || ' ' || s.summary_en,
                         s.description_da || ' ' || s.description_en, NULL)
  FROM support_services s
  WHERE s.id = ANY (keys);
END
$$;
--> statement-breakpoint
CREATE TRIGGER support_services_search_insert AFTER INSERT ON support_services REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_services', 'id');
--> statement-breakpoint
CREATE TRIGGER support_services_search_update AFTER UPDATE ON support_services REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_services', 'id');
--> statement-breakpoint
CREATE TRIGGER support_services_search_delete AFTER DELETE ON support_services REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_services', 'id');
