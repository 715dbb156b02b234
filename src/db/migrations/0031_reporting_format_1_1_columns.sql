CREATE TYPE "public"."institution_kind" AS ENUM('university', 'business_academy', 'university_college', 'gts', 'artistic', 'other');--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "cofinancing_fees_dkk" bigint;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "cofinancing_sponsorship_dkk" bigint;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "cofinancing_foundations_dkk" bigint;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "eu_application" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "company_year_facts" ADD COLUMN "official" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "company_year_facts" ADD COLUMN "employees" integer;--> statement-breakpoint
ALTER TABLE "company_year_facts" ADD COLUMN "municipality_code" smallint;--> statement-breakpoint
ALTER TABLE "company_year_facts" ADD COLUMN "industry_code" char(6);--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "employees" integer;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "municipality_code" smallint;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "industry_code" char(6);--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "institution_kind" "institution_kind";--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "reported_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_cofinancing_nonnegative" CHECK ("activities"."cofinancing_fees_dkk" >= 0 and "activities"."cofinancing_sponsorship_dkk" >= 0 and "activities"."cofinancing_foundations_dkk" >= 0);--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_employees_nonnegative" CHECK ("participations"."employees" >= 0);--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_industry_code_format" CHECK ("participations"."industry_code" ~ '^[0-9]{6}$');--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_institution_kind_only_knowledge" CHECK ("participations"."institution_kind" is null or "participations"."participant_type" = 'knowledge_institution');