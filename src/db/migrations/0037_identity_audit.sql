-- Custom SQL migration file, put your code below! --
-- Identities, authenticators and recovery codes are audited row by row like users. Secrets never
-- enter the audit log: besides password hashes, a TOTP secret, a recovery code's hash and an
-- ID token are dropped from the recorded rows (a changed password is still recorded as a flag).
CREATE OR REPLACE FUNCTION klynge_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF TG_OP = 'UPDATE' AND (old_row->>'password_hash') IS DISTINCT FROM (new_row->>'password_hash') THEN
    new_row := new_row || '{"password_changed": true}'::jsonb;
  END IF;
  SELECT string_agg(coalesce(new_row, old_row)->>k, '/') INTO entity_id FROM unnest(TG_ARGV) AS k;
  old_row := old_row - 'password_hash' - 'secret' - 'code_hash' - 'id_token_hint';
  new_row := new_row - 'password_hash' - 'secret' - 'code_hash' - 'id_token_hint';
  IF TG_OP = 'UPDATE' AND (old_row - 'updated_at') = (new_row - 'updated_at') THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (actor_user_id, actor_label, entity, entity_id, action, before, after, request_id)
  VALUES (actor_id::uuid, actor_label, TG_TABLE_NAME, entity_id, lower(TG_OP), old_row, new_row, request_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The audit log stays append-only, with one exception: erasing a person's data (GDPR art. 17,
-- src/domain/personal-data/erasure.ts) pseudonymises that person's values in past entries too,
-- in the transaction that erases them, which sets `klynge.erasure`. Even then an entry keeps its
-- id, time, actor id, entity, action and request, and no entry is ever deleted.
CREATE OR REPLACE FUNCTION klynge_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('klynge.erasure', true) = 'on'
     AND (NEW.id, NEW.at, NEW.actor_user_id, NEW.entity, NEW.action, NEW.request_id)
         IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_user_id, OLD.entity, OLD.action, OLD.request_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'KL002';
END
$$;
--> statement-breakpoint
CREATE TRIGGER user_identities_audit AFTER INSERT OR UPDATE OR DELETE ON user_identities
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER totp_authenticators_audit AFTER INSERT OR UPDATE OR DELETE ON totp_authenticators
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('user_id');
--> statement-breakpoint
CREATE TRIGGER recovery_codes_audit AFTER INSERT OR UPDATE OR DELETE ON recovery_codes
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('user_id');
