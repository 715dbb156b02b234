CREATE TYPE "public"."grant_source" AS ENUM('finance_act', 'regional_development_funds', 'eu_structural_funds', 'municipal_budget', 'other');--> statement-breakpoint
ALTER TABLE "funding_grants" ADD COLUMN "source" "grant_source" DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "funding_grants" ADD COLUMN "responsible_override_reason" text;--> statement-breakpoint
ALTER TABLE "funding_grants" ADD CONSTRAINT "funding_grants_override_only_when_responsible" CHECK ("funding_grants"."responsible_override_reason" is null or "funding_grants"."responsible");