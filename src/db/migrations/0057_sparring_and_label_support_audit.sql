-- Custom SQL migration file, put your code below! --
-- The support function's comments on action plans, the label reminders sent, and the clusters' label
-- self-assessments and improvement actions are audited row by row, like the plans themselves: who
-- commented, who marked a comment handled, what was sent when, every earlier self-assessment.
CREATE TRIGGER action_plan_comments_audit AFTER INSERT OR UPDATE OR DELETE ON action_plan_comments
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER label_expiry_reminders_audit AFTER INSERT OR UPDATE OR DELETE ON label_expiry_reminders
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('label_id', 'months_before');
--> statement-breakpoint
CREATE TRIGGER label_self_assessments_audit AFTER INSERT OR UPDATE OR DELETE ON label_self_assessments
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('cluster_id');
--> statement-breakpoint
CREATE TRIGGER label_improvement_actions_audit AFTER INSERT OR UPDATE OR DELETE ON label_improvement_actions
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
