CREATE TYPE "public"."role" AS ENUM('admin', 'funder', 'assessor', 'cluster_staff', 'support_staff', 'business_service_staff');--> statement-breakpoint
CREATE TYPE "public"."cluster_league" AS ENUM('world_class', 'regional', 'emerging');--> statement-breakpoint
CREATE TYPE "public"."funder_level" AS ENUM('national', 'regional', 'municipal');--> statement-breakpoint
CREATE TYPE "public"."label_level" AS ENUM('bronze', 'silver', 'gold');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('cluster_organisation', 'funder', 'support_function', 'business_service');--> statement-breakpoint
CREATE TYPE "public"."activity_category" AS ENUM('innovation_collaboration', 'internationalisation', 'knowledge_dissemination', 'access_to_finance', 'entrepreneurs', 'networking', 'organisation_development');--> statement-breakpoint
CREATE TYPE "public"."participant_type" AS ENUM('company', 'knowledge_institution', 'public', 'other', 'foreign');--> statement-breakpoint
CREATE TABLE "memberships" (
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_id_organisation_id_role_pk" PRIMARY KEY("user_id","organisation_id","role")
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"auth_method" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"locale" text DEFAULT 'da' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "cluster_labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"level" "label_level" NOT NULL,
	"awarded_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"assessing_body" text NOT NULL,
	CONSTRAINT "cluster_labels_valid_after_award" CHECK ("cluster_labels"."valid_until" > "cluster_labels"."awarded_on")
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"league" "cluster_league" NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"stronghold_industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary_da" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"staff_fte" numeric(6, 1),
	"national_from" smallint,
	"national_to" smallint,
	"ended_on" date,
	CONSTRAINT "clusters_staff_fte_nonnegative" CHECK ("clusters"."staff_fte" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funding_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"funder_id" uuid NOT NULL,
	"cluster_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"amount_dkk" bigint NOT NULL,
	"responsible" boolean DEFAULT false NOT NULL,
	CONSTRAINT "funding_grants_amount_nonnegative" CHECK ("funding_grants"."amount_dkk" >= 0)
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"funder_level" "funder_level",
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"cvr" char(8),
	"municipality_code" smallint,
	"region_code" smallint,
	"website" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_funder_level_only_for_funders" CHECK (("organisations"."kind" = 'funder') = ("organisations"."funder_level" is not null)),
	CONSTRAINT "organisations_cvr_format" CHECK ("organisations"."cvr" ~ '^[1-9][0-9]{7}$')
);
--> statement-breakpoint
CREATE TABLE "db07_sections" (
	"section" char(1) PRIMARY KEY NOT NULL,
	"from_division" smallint NOT NULL,
	"to_division" smallint NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" smallint PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" smallint PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"cluster_id" uuid NOT NULL,
	"activity_ref" text NOT NULL,
	"title" text NOT NULL,
	"category" "activity_category" NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"year" smallint GENERATED ALWAYS AS ((extract(year from start_date))::smallint) STORED NOT NULL,
	"municipality_code" smallint,
	"grant_dkk" bigint,
	"external_funding_dkk" bigint,
	"private_cofinancing_hours" numeric(14, 2),
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_end_after_start" CHECK ("activities"."end_date" >= "activities"."start_date"),
	CONSTRAINT "activities_grant_nonnegative" CHECK ("activities"."grant_dkk" >= 0),
	CONSTRAINT "activities_external_nonnegative" CHECK ("activities"."external_funding_dkk" >= 0),
	CONSTRAINT "activities_hours_nonnegative" CHECK ("activities"."private_cofinancing_hours" >= 0)
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"cvr" char(8) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"employees" integer,
	"municipality_code" smallint,
	"industry_code" char(6),
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_cvr_format" CHECK ("companies"."cvr" ~ '^[1-9][0-9]{7}$'),
	CONSTRAINT "companies_industry_code_format" CHECK ("companies"."industry_code" ~ '^[0-9]{6}$'),
	CONSTRAINT "companies_employees_nonnegative" CHECK ("companies"."employees" >= 0)
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "participations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"activity_id" bigint NOT NULL,
	"cluster_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"participant_type" "participant_type" NOT NULL,
	"cvr" char(8),
	"foreign_name" text,
	"country" char(2),
	"new_competence" boolean DEFAULT false NOT NULL,
	"new_idea" boolean DEFAULT false NOT NULL,
	"new_product" boolean DEFAULT false NOT NULL,
	CONSTRAINT "participations_identity" CHECK (("participations"."participant_type" = 'foreign' and "participations"."cvr" is null and "participations"."foreign_name" is not null and "participations"."country" is not null and "participations"."country" <> 'DK')
       or ("participations"."participant_type" <> 'foreign' and "participations"."cvr" is not null and "participations"."country" is null))
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_labels" ADD CONSTRAINT "cluster_labels_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_grants" ADD CONSTRAINT "funding_grants_funder_id_organisations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_grants" ADD CONSTRAINT "funding_grants_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_cvr_companies_cvr_fk" FOREIGN KEY ("cvr") REFERENCES "public"."companies"("cvr") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_org_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "password_reset_tokens_user_idx" ON "password_reset_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "cluster_labels_org_idx" ON "cluster_labels" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_grants_funder_cluster_year_key" ON "funding_grants" USING btree ("funder_id","cluster_id","year");--> statement-breakpoint
CREATE INDEX "funding_grants_cluster_idx" ON "funding_grants" USING btree ("cluster_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_cvr_key" ON "organisations" USING btree ("cvr");--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_cluster_ref_key" ON "activities" USING btree ("cluster_id","activity_ref");--> statement-breakpoint
CREATE INDEX "activities_year_idx" ON "activities" USING btree ("year","cluster_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participations_activity_cvr_key" ON "participations" USING btree ("activity_id","cvr") WHERE "participations"."cvr" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "participations_activity_foreign_key" ON "participations" USING btree ("activity_id","foreign_name","country") WHERE "participations"."cvr" is null;--> statement-breakpoint
CREATE INDEX "participations_year_type_cvr_idx" ON "participations" USING btree ("year","participant_type","cvr");--> statement-breakpoint
CREATE INDEX "participations_cluster_year_idx" ON "participations" USING btree ("cluster_id","year");