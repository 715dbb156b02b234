-- A funder's planned initiatives become funding plans (finansieringsplaner), so that "initiative"
-- only means the national strategy's initiatives. Everything is renamed in place (types, tables,
-- a column, constraints, indexes, audit triggers): no row is copied, nothing is revalidated.
ALTER TYPE "public"."initiative_status" RENAME TO "funding_plan_status";--> statement-breakpoint
ALTER TABLE "initiative_comments" RENAME TO "funding_plan_comments";--> statement-breakpoint
ALTER TABLE "planned_initiatives" RENAME TO "funding_plans";--> statement-breakpoint
ALTER TABLE "funding_plan_comments" RENAME COLUMN "initiative_id" TO "funding_plan_id";--> statement-breakpoint
ALTER TABLE "funding_plans" RENAME CONSTRAINT "planned_initiatives_pkey" TO "funding_plans_pkey";--> statement-breakpoint
ALTER TABLE "funding_plans" RENAME CONSTRAINT "planned_initiatives_budget_nonnegative" TO "funding_plans_budget_nonnegative";--> statement-breakpoint
ALTER TABLE "funding_plans" RENAME CONSTRAINT "planned_initiatives_regions_present" TO "funding_plans_regions_present";--> statement-breakpoint
ALTER TABLE "funding_plans" RENAME CONSTRAINT "planned_initiatives_funder_id_organisations_id_fk" TO "funding_plans_funder_id_organisations_id_fk";--> statement-breakpoint
ALTER TABLE "funding_plans" RENAME CONSTRAINT "planned_initiatives_proposed_by_users_id_fk" TO "funding_plans_proposed_by_users_id_fk";--> statement-breakpoint
ALTER TABLE "funding_plan_comments" RENAME CONSTRAINT "initiative_comments_pkey" TO "funding_plan_comments_pkey";--> statement-breakpoint
ALTER TABLE "funding_plan_comments" RENAME CONSTRAINT "initiative_comments_initiative_id_planned_initiatives_id_fk" TO "funding_plan_comments_funding_plan_id_funding_plans_id_fk";--> statement-breakpoint
ALTER TABLE "funding_plan_comments" RENAME CONSTRAINT "initiative_comments_funder_id_organisations_id_fk" TO "funding_plan_comments_funder_id_organisations_id_fk";--> statement-breakpoint
ALTER TABLE "funding_plan_comments" RENAME CONSTRAINT "initiative_comments_author_id_users_id_fk" TO "funding_plan_comments_author_id_users_id_fk";--> statement-breakpoint
ALTER INDEX "planned_initiatives_funder_idx" RENAME TO "funding_plans_funder_idx";--> statement-breakpoint
ALTER INDEX "initiative_comments_initiative_idx" RENAME TO "funding_plan_comments_funding_plan_idx";--> statement-breakpoint
-- The audit triggers follow their tables and record the new names from now on (TG_TABLE_NAME).
ALTER TRIGGER "planned_initiatives_audit" ON "funding_plans" RENAME TO "funding_plans_audit";--> statement-breakpoint
ALTER TRIGGER "initiative_comments_audit" ON "funding_plan_comments" RENAME TO "funding_plan_comments_audit";--> statement-breakpoint
-- The audit log is append-only: earlier rows keep the names of their time. Where there are such
-- rows, one entry under each new name says which old name its history is recorded under.
INSERT INTO "audit_log" ("actor_label", "entity", "entity_id", "action", "before", "after")
SELECT 'system:migration 0029', renamed.new_name, renamed.old_name, 'rename',
       jsonb_build_object('table', renamed.old_name), jsonb_build_object('table', renamed.new_name)
FROM (VALUES ('planned_initiatives', 'funding_plans'),
             ('initiative_comments', 'funding_plan_comments')) AS renamed(old_name, new_name)
WHERE EXISTS (SELECT 1 FROM "audit_log" a WHERE a."entity" = renamed.old_name)
ORDER BY renamed.new_name;--> statement-breakpoint
-- Notifications link to the plans' new pages (the old paths redirect, but the English list maps
-- a stored link through the path table). The change is audited under the migration as actor.
SELECT set_config('klynge.actor', 'system:migration 0029', true);--> statement-breakpoint
UPDATE "notifications"
SET "link" = '/finansiering/planer/' || substr("link", length('/finansiering/initiativer/') + 1)
WHERE "link" LIKE '/finansiering/initiativer/%';--> statement-breakpoint
SELECT set_config('klynge.actor', '', true);
