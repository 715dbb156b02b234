-- Custom SQL migration file, put your code below! --
-- Audit: every insert, update and delete on the audited tables writes one audit_log row in the
-- same transaction. The actor comes from transaction-local settings made by withActor() in
-- src/db/actor.ts; a change without an actor is refused, so no write path can skip the audit.
CREATE FUNCTION klynge_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor_label text := nullif(current_setting('klynge.actor', true), '');
  actor_id text := nullif(current_setting('klynge.actor_id', true), '');
  request_id text := nullif(current_setting('klynge.request_id', true), '');
  old_row jsonb;
  new_row jsonb;
  entity_id text;
BEGIN
  IF actor_label IS NULL THEN
    RAISE EXCEPTION 'audit: change of % without an actor', TG_TABLE_NAME
      USING ERRCODE = 'KL001', HINT = 'Run the change inside withActor()';
  END IF;
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
  -- Secrets never enter the audit log; a changed secret is recorded as a flag.
  IF TG_OP = 'UPDATE' AND (old_row->>'password_hash') IS DISTINCT FROM (new_row->>'password_hash') THEN
    new_row := new_row || '{"password_changed": true}'::jsonb;
  END IF;
  old_row := old_row - 'password_hash';
  new_row := new_row - 'password_hash';
  IF TG_OP = 'UPDATE' AND (old_row - 'updated_at') = (new_row - 'updated_at') THEN
    RETURN NULL;
  END IF;
  SELECT string_agg(coalesce(new_row, old_row)->>k, '/') INTO entity_id FROM unnest(TG_ARGV) AS k;
  INSERT INTO audit_log (actor_user_id, actor_label, entity, entity_id, action, before, after, request_id)
  VALUES (actor_id::uuid, actor_label, TG_TABLE_NAME, entity_id, lower(TG_OP), old_row, new_row, request_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION klynge_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'KL002';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER organisations_audit AFTER INSERT OR UPDATE OR DELETE ON organisations
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER clusters_audit AFTER INSERT OR UPDATE OR DELETE ON clusters
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('organisation_id');
--> statement-breakpoint
CREATE TRIGGER cluster_labels_audit AFTER INSERT OR UPDATE OR DELETE ON cluster_labels
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER funding_grants_audit AFTER INSERT OR UPDATE OR DELETE ON funding_grants
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER memberships_audit AFTER INSERT OR UPDATE OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('user_id', 'organisation_id', 'role');
--> statement-breakpoint
CREATE TRIGGER activities_audit AFTER INSERT OR UPDATE OR DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER companies_audit AFTER INSERT OR UPDATE OR DELETE ON companies
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('cvr');
