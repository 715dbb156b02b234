-- Custom SQL migration file, put your code below! --
-- The knowledge base is administrative data: audited row by row. A template version's file is
-- written to the audit log as "redacted" (its size, name and type stay): the log records who
-- uploaded what and when without a second copy of every file.
CREATE TRIGGER knowledge_items_audit AFTER INSERT OR UPDATE OR DELETE ON knowledge_items
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER template_versions_audit AFTER INSERT OR UPDATE OR DELETE ON template_versions
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row_redacted('id', 'content');
--> statement-breakpoint
-- Knowledge items in the search (see 0006_search.sql): one document per item in both languages.
-- The search is public, so an item for signed-in users only is kept with no visibility moment
-- and never shown there. PL/pgSQL: the kind 'knowledge' added in the previous migration may not
-- be checked in a SQL function's body in the transaction that adds it.
CREATE FUNCTION search_sync_knowledge(keys uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents WHERE kind = 'knowledge' AND source_id = ANY (keys::text[]);
  INSERT INTO search_documents (kind, source_id, organisation_id, slug, title, summary, summary_en,
                                lang, occurs_at, visible_from, document)
  SELECT 'knowledge', k.id::text, k.organisation_id, k.slug, k.title_da, k.summary_da, k.summary_en,
         NULL, NULL, CASE WHEN k.access = 'public' THEN '-infinity'::timestamptz END,
         search_document(k.title_da || ' ' || k.title_en, k.summary_da || ' ' || k.summary_en,
                         k.body_da || ' ' || k.body_en, NULL)
  FROM knowledge_items k
  WHERE k.id = ANY (keys);
END
$$;
--> statement-breakpoint
CREATE TRIGGER knowledge_items_search_insert AFTER INSERT ON knowledge_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_knowledge', 'id');
--> statement-breakpoint
CREATE TRIGGER knowledge_items_search_update AFTER UPDATE ON knowledge_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_knowledge', 'id');
--> statement-breakpoint
CREATE TRIGGER knowledge_items_search_delete AFTER DELETE ON knowledge_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_knowledge', 'id');
