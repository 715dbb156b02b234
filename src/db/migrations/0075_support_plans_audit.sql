-- Custom SQL migration file, put your code below! ---- A year's plan, its service decisions and the steering group's contributions are audited row by row.
CREATE TRIGGER support_plans_audit AFTER INSERT OR UPDATE OR DELETE ON support_plans
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('year');
--> statement-breakpoint
CREATE TRIGGER support_plan_services_audit AFTER INSERT OR UPDATE OR DELETE ON support_plan_services
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('year', 'service_id');
--> statement-breakpoint
CREATE TRIGGER support_steering_contributions_audit AFTER INSERT OR UPDATE OR DELETE ON support_steering_contributions
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('funder_id', 'year');
