-- Custom SQL migration file, put your code below! --
-- Every step of the call flow (set-up, applications, eligibility, conflicts, scores, decisions,
-- allocations) is administrative data: audited row by row, and refused without an actor.
CREATE TRIGGER call_setups_audit AFTER INSERT OR UPDATE OR DELETE ON call_setups
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('call_id');
--> statement-breakpoint
CREATE TRIGGER call_budgets_audit AFTER INSERT OR UPDATE OR DELETE ON call_budgets
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('call_id', 'funder_id', 'year');
--> statement-breakpoint
CREATE TRIGGER call_requirements_audit AFTER INSERT OR UPDATE OR DELETE ON call_requirements
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER call_criteria_audit AFTER INSERT OR UPDATE OR DELETE ON call_criteria
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER call_assessors_audit AFTER INSERT OR UPDATE OR DELETE ON call_assessors
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('call_id', 'user_id');
--> statement-breakpoint
CREATE TRIGGER applications_audit AFTER INSERT OR UPDATE OR DELETE ON applications
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER application_answers_audit AFTER INSERT OR UPDATE OR DELETE ON application_answers
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('application_id', 'requirement_id');
--> statement-breakpoint
CREATE TRIGGER application_criterion_texts_audit AFTER INSERT OR UPDATE OR DELETE ON application_criterion_texts
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('application_id', 'criterion_id');
--> statement-breakpoint
CREATE TRIGGER application_budget_lines_audit AFTER INSERT OR UPDATE OR DELETE ON application_budget_lines
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('application_id', 'year', 'category');
--> statement-breakpoint
CREATE TRIGGER application_attachments_audit AFTER INSERT OR UPDATE OR DELETE ON application_attachments
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER eligibility_checks_audit AFTER INSERT OR UPDATE OR DELETE ON eligibility_checks
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('application_id', 'requirement_id');
--> statement-breakpoint
CREATE TRIGGER conflict_declarations_audit AFTER INSERT OR UPDATE OR DELETE ON conflict_declarations
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('application_id', 'assessor_id');
--> statement-breakpoint
CREATE TRIGGER assessment_scores_audit AFTER INSERT OR UPDATE OR DELETE ON assessment_scores
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('application_id', 'assessor_id', 'criterion_id');
--> statement-breakpoint
CREATE TRIGGER consensus_scores_audit AFTER INSERT OR UPDATE OR DELETE ON consensus_scores
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('application_id', 'criterion_id');
--> statement-breakpoint
CREATE TRIGGER call_allocations_audit AFTER INSERT OR UPDATE OR DELETE ON call_allocations
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('application_id', 'funder_id', 'year');
