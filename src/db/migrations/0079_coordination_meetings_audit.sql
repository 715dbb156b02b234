-- Custom SQL migration file, put your code below! ---- Funders' coordination meetings, their participants and decisions are audited row by row and
-- refused without an actor.
CREATE TRIGGER coordination_meetings_audit AFTER INSERT OR UPDATE OR DELETE ON coordination_meetings
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER coordination_meeting_participants_audit AFTER INSERT OR UPDATE OR DELETE ON coordination_meeting_participants
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('meeting_id', 'funder_id');
--> statement-breakpoint
CREATE TRIGGER coordination_decisions_audit AFTER INSERT OR UPDATE OR DELETE ON coordination_decisions
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
