-- Custom SQL migration file, put your code below! --
-- Every version of the evaluation rules is audited: who changed which rule when.
CREATE TRIGGER evaluation_rule_versions_audit AFTER INSERT OR UPDATE OR DELETE ON evaluation_rule_versions
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
