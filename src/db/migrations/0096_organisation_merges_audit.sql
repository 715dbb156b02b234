-- Custom SQL migration file, put your code below! --
-- Each merge of two organisation records is audited with who merged them.
CREATE TRIGGER organisation_merges_audit AFTER INSERT OR UPDATE OR DELETE ON organisation_merges
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
