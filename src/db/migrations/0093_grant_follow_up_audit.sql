-- Custom SQL migration file, put your code below! --
-- A grant's change requests, budget split and financial report are audited row by row.
CREATE TRIGGER grant_change_requests_audit AFTER INSERT OR UPDATE OR DELETE ON grant_change_requests
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER grant_budget_lines_audit AFTER INSERT OR UPDATE OR DELETE ON grant_budget_lines
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('grant_id', 'category');
--> statement-breakpoint
CREATE TRIGGER grant_financial_reports_audit AFTER INSERT OR UPDATE OR DELETE ON grant_financial_reports
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('grant_id');
--> statement-breakpoint
CREATE TRIGGER grant_financial_report_lines_audit AFTER INSERT OR UPDATE OR DELETE ON grant_financial_report_lines
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('grant_id', 'category');
