-- Grants registered before the register knew sources: a national funder's money is the finance
-- act's, a regional funder's the regional development funds', a municipality's its own budget
-- (docs/grants.md). Audited under the migration as actor.
SELECT set_config('klynge.actor', 'system:migration 0061', true);--> statement-breakpoint
UPDATE "funding_grants" g
SET "source" = CASE f."funder_level"
  WHEN 'national' THEN 'finance_act'::grant_source
  WHEN 'regional' THEN 'regional_development_funds'::grant_source
  WHEN 'municipal' THEN 'municipal_budget'::grant_source
  ELSE 'other'::grant_source END
FROM "organisations" f
WHERE f."id" = g."funder_id";--> statement-breakpoint
SELECT set_config('klynge.actor', '', true);
