-- Custom SQL migration file, put your code below! --
-- Matchmaking: settings, slots, participants, their availability, meeting requests and placed
-- meetings are audited row by row and refused without an actor.
CREATE TRIGGER matchmaking_events_audit AFTER INSERT OR UPDATE OR DELETE ON matchmaking_events
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('event_id');
--> statement-breakpoint
CREATE TRIGGER matchmaking_slots_audit AFTER INSERT OR UPDATE OR DELETE ON matchmaking_slots
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER matchmaking_participants_audit AFTER INSERT OR UPDATE OR DELETE ON matchmaking_participants
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER matchmaking_availability_audit AFTER INSERT OR UPDATE OR DELETE ON matchmaking_availability
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('participant_id', 'slot_id');
--> statement-breakpoint
CREATE TRIGGER meeting_requests_audit AFTER INSERT OR UPDATE OR DELETE ON meeting_requests
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER matchmaking_meetings_audit AFTER INSERT OR UPDATE OR DELETE ON matchmaking_meetings
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('request_id');
