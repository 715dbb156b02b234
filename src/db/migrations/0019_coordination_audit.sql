-- Custom SQL migration file, put your code below! --
-- Funding coordination: planned initiatives, the other funders' comments and the notifications
-- sent about them are administrative data: audited row by row, and refused without an actor.
CREATE TRIGGER planned_initiatives_audit AFTER INSERT OR UPDATE OR DELETE ON planned_initiatives
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER initiative_comments_audit AFTER INSERT OR UPDATE OR DELETE ON initiative_comments
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER notifications_audit AFTER INSERT OR UPDATE OR DELETE ON notifications
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
