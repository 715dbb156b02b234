-- Custom SQL migration file, put your code below! --
-- Grant agreements and payment plans are audited row by row.
CREATE TRIGGER grant_agreements_audit AFTER INSERT OR UPDATE OR DELETE ON grant_agreements
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('grant_id');
--> statement-breakpoint
CREATE TRIGGER grant_instalments_audit AFTER INSERT OR UPDATE OR DELETE ON grant_instalments
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
