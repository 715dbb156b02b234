-- Custom SQL migration file, put your code below! ---- Courses and their registrations are administrative data: audited row by row.
CREATE TRIGGER support_courses_audit AFTER INSERT OR UPDATE OR DELETE ON support_courses
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER course_registrations_audit AFTER INSERT OR UPDATE OR DELETE ON course_registrations
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
