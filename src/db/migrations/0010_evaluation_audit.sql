-- Custom SQL migration file, put your code below! --
-- Evaluation conclusions and cluster goals are administrative data: audited row by row.
CREATE TRIGGER cluster_evaluations_audit AFTER INSERT OR UPDATE OR DELETE ON cluster_evaluations
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER cluster_goals_audit AFTER INSERT OR UPDATE OR DELETE ON cluster_goals
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('cluster_id', 'year', 'key');
--> statement-breakpoint
-- A conclusion is never rewritten: a new decision is a new row, so the history stays complete.
CREATE FUNCTION klynge_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: record a new decision instead', TG_TABLE_NAME
    USING ERRCODE = 'KL002';
END
$$;
--> statement-breakpoint
CREATE TRIGGER cluster_evaluations_append_only BEFORE UPDATE OR DELETE ON cluster_evaluations
  FOR EACH ROW EXECUTE FUNCTION klynge_refuse_rewrite();
