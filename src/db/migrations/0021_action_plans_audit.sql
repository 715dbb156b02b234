-- Custom SQL migration file, put your code below! --
-- Action plans and their planned activities are administrative data: audited row by row, so the
-- plan's history (who submitted, accepted or returned it, with the comment) is in the audit log.
CREATE TRIGGER action_plans_audit AFTER INSERT OR UPDATE OR DELETE ON action_plans
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('cluster_id', 'year');
--> statement-breakpoint
CREATE TRIGGER action_plan_activities_audit AFTER INSERT OR UPDATE OR DELETE ON action_plan_activities
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('cluster_id', 'year', 'category');
