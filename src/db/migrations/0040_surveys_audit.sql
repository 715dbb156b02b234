-- Custom SQL migration file, put your code below! --
-- Surveys: the questionnaires, their versions, the surveys, their invitations, the opt-outs and
-- the contacts clusters supply are administrative data: audited row by row, refused without an
-- actor. Not audited, on purpose: survey_tokens (credentials, like sessions), and what
-- respondents write (survey_drafts, survey_responses, survey_answers): an audit row of an
-- anonymous answer, written in the transaction that marks its invitation answered, would be
-- exactly the link between answer and person that anonymous surveys must not store
-- (docs/surveys.md).
CREATE TRIGGER questionnaires_audit AFTER INSERT OR UPDATE OR DELETE ON questionnaires
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER questionnaire_versions_audit AFTER INSERT OR UPDATE OR DELETE ON questionnaire_versions
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER surveys_audit AFTER INSERT OR UPDATE OR DELETE ON surveys
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER survey_invitations_audit AFTER INSERT OR UPDATE OR DELETE ON survey_invitations
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER survey_opt_outs_audit AFTER INSERT OR UPDATE OR DELETE ON survey_opt_outs
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('email_hash');
--> statement-breakpoint
CREATE TRIGGER company_contacts_audit AFTER INSERT OR UPDATE OR DELETE ON company_contacts
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('cluster_id', 'cvr');
--> statement-breakpoint
-- A published questionnaire version is what its responses answered: it never changes and is
-- never deleted (a change makes a new version), whatever path tries.
CREATE FUNCTION klynge_questionnaire_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'questionnaire version % is published and cannot change', OLD.id
      USING ERRCODE = 'KL003', HINT = 'Make a new version instead';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER questionnaire_versions_frozen BEFORE UPDATE OR DELETE ON questionnaire_versions
  FOR EACH ROW EXECUTE FUNCTION klynge_questionnaire_version_frozen();
