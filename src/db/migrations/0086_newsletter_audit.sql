-- Custom SQL migration file, put your code below! --
-- Subscribers (consent: who asked, when and how, and who unsubscribed) and issues are audited row
-- by row. The delivery log is itself a log, written by the sending job, and is not audited.
CREATE TRIGGER newsletter_subscribers_audit AFTER INSERT OR UPDATE OR DELETE ON newsletter_subscribers
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER newsletter_issues_audit AFTER INSERT OR UPDATE OR DELETE ON newsletter_issues
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
