-- Custom SQL migration file, put your code below! --
-- A cluster's services are audited row by row and refused without an actor.
CREATE TRIGGER cluster_services_audit AFTER INSERT OR UPDATE OR DELETE ON cluster_services
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
