-- Custom SQL migration file, put your code below! --
-- Audit every change of the public entry's data (see 0002 for the trigger function).
CREATE TRIGGER cluster_profile_drafts_audit AFTER INSERT OR UPDATE OR DELETE ON cluster_profile_drafts
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('organisation_id');
--> statement-breakpoint
CREATE TRIGGER posts_audit AFTER INSERT OR UPDATE OR DELETE ON posts
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER events_audit AFTER INSERT OR UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER calls_audit AFTER INSERT OR UPDATE OR DELETE ON calls
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
-- Trigram similarity for typo-tolerant search; a trusted extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
