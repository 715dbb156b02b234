-- Custom SQL migration file, put your code below! --
-- The joint decision chain's steps and the recommendation are audited row by row.
CREATE TRIGGER call_chain_steps_audit AFTER INSERT OR UPDATE OR DELETE ON call_chain_steps
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('call_id', 'step', 'organisation_id');
--> statement-breakpoint
CREATE TRIGGER call_recommendations_audit AFTER INSERT OR UPDATE OR DELETE ON call_recommendations
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('call_id', 'application_id');
