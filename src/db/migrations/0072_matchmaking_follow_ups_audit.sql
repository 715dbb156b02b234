-- Custom SQL migration file, put your code below! --
-- Follow-up rounds of matchmaking events are audited row by row and refused without an actor.
CREATE TRIGGER matchmaking_follow_ups_audit AFTER INSERT OR UPDATE OR DELETE ON matchmaking_follow_ups
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('event_id', 'months_after');
