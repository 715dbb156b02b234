-- Custom SQL migration file, put your code below! --
-- The call deadline reminders sent are audited row by row, like the reporting reminders.
CREATE TRIGGER call_deadline_reminders_audit AFTER INSERT OR UPDATE OR DELETE ON call_deadline_reminders
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('call_id', 'phase', 'edge', 'user_id');
