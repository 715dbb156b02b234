-- Notifications about funding plans are for the funders of an organisation, not for its other
-- members (a funder organisation's assessors): the notifications sent so far say so too. The
-- change is audited under the migration as actor.
SELECT set_config('klynge.actor', 'system:migration 0043', true);--> statement-breakpoint
UPDATE "notifications"
SET "recipient_role" = 'funder'
WHERE "recipient_organisation_id" IS NOT NULL AND "link" LIKE '/finansiering/planer/%';--> statement-breakpoint
SELECT set_config('klynge.actor', '', true);
