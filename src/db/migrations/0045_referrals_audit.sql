-- Custom SQL migration file, put your code below! --
-- The outside actors clusters refer companies to, by their
-- public names and addresses; the support function keeps the list from here on.
INSERT INTO referral_targets (name, name_en, description_da, description_en, url) VALUES
  ('Eksportrådet', 'The Trade Council', 'Rådgivning om eksport og internationalisering.', 'Advice on exports and internationalisation.', 'https://thetradecouncil.dk'),
  ('Innovationsfonden', 'Innovation Fund Denmark', 'Investeringer i forskning og innovation.', 'Investments in research and innovation.', 'https://innovationsfonden.dk'),
  ('Enterprise Europe Network', 'Enterprise Europe Network', 'Partnere, marked og regler i EU (EEN).', 'Partners, markets and rules in the EU (EEN).', 'https://www.een.dk'),
  ('Innovationscentrene', 'Innovation Centre Denmark', 'Danmarks innovationscentre i udlandet.', 'Denmark''s innovation centres abroad.', 'https://icdk.um.dk'),
  ('Invest in Denmark', 'Invest in Denmark', 'Hjælp til udenlandske virksomheder, der etablerer sig i Danmark.', 'Help for foreign companies setting up in Denmark.', 'https://investindk.com');
--> statement-breakpoint
-- The audit trigger for rows that hold personal data under a retention rule: the same record as
-- klynge_audit_row, except that the named columns are written as "redacted" whenever they hold a
-- value. The append-only audit log then keeps who changed what and when, but never the personal
-- data itself, so deleting it from the table deletes it from the database.
-- Arguments: the entity id column, then the columns to redact.
CREATE FUNCTION klynge_audit_row_redacted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor_label text := nullif(current_setting('klynge.actor', true), '');
  actor_id text := nullif(current_setting('klynge.actor_id', true), '');
  request_id text := nullif(current_setting('klynge.request_id', true), '');
  old_row jsonb;
  new_row jsonb;
  col text;
BEGIN
  IF actor_label IS NULL THEN
    RAISE EXCEPTION 'audit: change of % without an actor', TG_TABLE_NAME
      USING ERRCODE = 'KL001', HINT = 'Run the change inside withActor()';
  END IF;
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
  IF TG_OP = 'UPDATE' AND old_row = new_row THEN
    RETURN NULL;
  END IF;
  FOR i IN 1 .. TG_NARGS - 1 LOOP
    col := TG_ARGV[i];
    IF old_row IS NOT NULL AND jsonb_typeof(old_row -> col) <> 'null' THEN
      old_row := jsonb_set(old_row, ARRAY[col], '"redacted"');
    END IF;
    IF new_row IS NOT NULL AND jsonb_typeof(new_row -> col) <> 'null' THEN
      new_row := jsonb_set(new_row, ARRAY[col], '"redacted"');
    END IF;
  END LOOP;
  INSERT INTO audit_log (actor_user_id, actor_label, entity, entity_id, action, before, after, request_id)
  VALUES (actor_id::uuid, actor_label, TG_TABLE_NAME, coalesce(new_row, old_row) ->> TG_ARGV[0],
          lower(TG_OP), old_row, new_row, request_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER referrals_audit AFTER INSERT OR UPDATE OR DELETE ON referrals
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row_redacted('id', 'need', 'contact_name', 'contact_email', 'contact_phone');
--> statement-breakpoint
CREATE TRIGGER referral_events_audit AFTER INSERT OR UPDATE OR DELETE ON referral_events
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row_redacted('id', 'note');
--> statement-breakpoint
CREATE TRIGGER referral_targets_audit AFTER INSERT OR UPDATE OR DELETE ON referral_targets
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
