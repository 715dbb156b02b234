-- Custom SQL migration file, put your code below! ---- Company profiles, sign-ups and marketplace items are audited row by row; a sign-up's password
-- hash and token hash are written as "redacted".
CREATE TRIGGER company_profiles_audit AFTER INSERT OR UPDATE OR DELETE ON company_profiles
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('organisation_id');
--> statement-breakpoint
CREATE TRIGGER company_signups_audit AFTER INSERT OR UPDATE OR DELETE ON company_signups
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row_redacted('id', 'password_hash', 'token_hash');
--> statement-breakpoint
CREATE TRIGGER marketplace_items_audit AFTER INSERT OR UPDATE OR DELETE ON marketplace_items
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
