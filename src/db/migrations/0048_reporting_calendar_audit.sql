-- Custom SQL migration file, put your code below! --
-- The reporting calendar's deadline rules and the reminders sent are audited row by row.
CREATE TRIGGER reporting_deadline_rules_audit AFTER INSERT OR UPDATE OR DELETE ON reporting_deadline_rules
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('funder_id');
--> statement-breakpoint
CREATE TRIGGER reporting_reminders_audit AFTER INSERT OR UPDATE OR DELETE ON reporting_reminders
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('cluster_id', 'year', 'edge');
--> statement-breakpoint
SELECT set_config('klynge.actor', 'system:migration 0048', true);
--> statement-breakpoint
-- Years submitted before submitted_at existed: the last change to 'submitted' in the audit log.
UPDATE reporting_periods p SET submitted_at = s.at
FROM (
  SELECT entity_id, max(at) AS at FROM audit_log
  WHERE entity = 'reporting_periods' AND after->>'status' = 'submitted' AND before->>'status' IS DISTINCT FROM 'submitted'
  GROUP BY entity_id
) s
WHERE s.entity_id = p.cluster_id::text || '/' || p.year::text AND p.status IN ('submitted', 'approved', 'locked');
--> statement-breakpoint
SELECT set_config('klynge.actor', '', true);
