-- Custom SQL migration file, put your code below! --
-- Target sets and every version of a target are audited row by row: who set which number when.
CREATE TRIGGER target_sets_audit AFTER INSERT OR UPDATE OR DELETE ON target_sets
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER targets_audit AFTER INSERT OR UPDATE OR DELETE ON targets
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
