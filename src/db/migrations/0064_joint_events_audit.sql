-- Custom SQL migration file, put your code below! --
-- Joint event proposals between business hubs and clusters are audited row by row and refused
-- without an actor.
CREATE TRIGGER joint_event_proposals_audit AFTER INSERT OR UPDATE OR DELETE ON joint_event_proposals
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
