-- Custom SQL migration file, put your code below! --
-- Reporting periods and API tokens are audited row by row like the other administrative tables.
CREATE TRIGGER reporting_periods_audit AFTER INSERT OR UPDATE OR DELETE ON reporting_periods
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('cluster_id', 'year');
--> statement-breakpoint
CREATE TRIGGER api_tokens_audit AFTER INSERT OR UPDATE OR DELETE ON api_tokens
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
-- Companies and activities arrive in bulk (deliveries of up to a million rows): audit them per
-- statement from the transition tables, one set-based INSERT instead of one trigger call per row.
CREATE FUNCTION klynge_audit_statement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor_label text := nullif(current_setting('klynge.actor', true), '');
  actor_id uuid := nullif(current_setting('klynge.actor_id', true), '')::uuid;
  request_id text := nullif(current_setting('klynge.request_id', true), '');
  key text := TG_ARGV[0];
BEGIN
  IF actor_label IS NULL THEN
    RAISE EXCEPTION 'audit: change of % without an actor', TG_TABLE_NAME
      USING ERRCODE = 'KL001', HINT = 'Run the change inside withActor()';
  END IF;
  IF TG_OP = 'INSERT' THEN
    EXECUTE format(
      'INSERT INTO audit_log (actor_user_id, actor_label, entity, entity_id, action, before, after, request_id)
       SELECT $1, $2, %L, n.%I::text, ''insert'', NULL, to_jsonb(n), $3 FROM new_rows n', TG_TABLE_NAME, key)
      USING actor_id, actor_label, request_id;
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE format(
      'INSERT INTO audit_log (actor_user_id, actor_label, entity, entity_id, action, before, after, request_id)
       SELECT $1, $2, %L, n.%I::text, ''update'', to_jsonb(o), to_jsonb(n), $3
       FROM old_rows o JOIN new_rows n ON o.%I = n.%I
       WHERE to_jsonb(o) - ''updated_at'' <> to_jsonb(n) - ''updated_at''', TG_TABLE_NAME, key, key, key)
      USING actor_id, actor_label, request_id;
  ELSE
    EXECUTE format(
      'INSERT INTO audit_log (actor_user_id, actor_label, entity, entity_id, action, before, after, request_id)
       SELECT $1, $2, %L, o.%I::text, ''delete'', to_jsonb(o), NULL, $3 FROM old_rows o', TG_TABLE_NAME, key)
      USING actor_id, actor_label, request_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER activities_audit ON activities;
--> statement-breakpoint
DROP TRIGGER companies_audit ON companies;
--> statement-breakpoint
CREATE TRIGGER activities_audit_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_audit_statement('id');
--> statement-breakpoint
CREATE TRIGGER activities_audit_update AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_audit_statement('id');
--> statement-breakpoint
CREATE TRIGGER activities_audit_delete AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_audit_statement('id');
--> statement-breakpoint
CREATE TRIGGER companies_audit_insert AFTER INSERT ON companies REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_audit_statement('cvr');
--> statement-breakpoint
CREATE TRIGGER companies_audit_update AFTER UPDATE ON companies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_audit_statement('cvr');
--> statement-breakpoint
CREATE TRIGGER companies_audit_delete AFTER DELETE ON companies REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION klynge_audit_statement('cvr');
