CREATE TYPE "public"."company_size" AS ENUM('micro', 'small', 'medium', 'large');--> statement-breakpoint
CREATE TYPE "public"."marketplace_direction" AS ENUM('offer', 'request');--> statement-breakpoint
CREATE TYPE "public"."marketplace_type" AS ENUM('product_service', 'expertise', 'partnership', 'rd_project', 'investment', 'supplier');--> statement-breakpoint
CREATE TABLE "company_profiles" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"country" char(2) DEFAULT 'DK' NOT NULL,
	"registration_number" text,
	"description" text DEFAULT '' NOT NULL,
	"technologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"industry_code" text,
	"size" "company_size",
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"seeks" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_profiles_country_format" CHECK ("company_profiles"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "company_signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"organisation_name" text NOT NULL,
	"country" char(2) NOT NULL,
	"cvr" char(8),
	"registration_number" text,
	"municipality_code" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	CONSTRAINT "company_signups_email_lowercase" CHECK ("company_signups"."email" = lower("company_signups"."email")),
	CONSTRAINT "company_signups_identified" CHECK (("company_signups"."country" = 'DK' and "company_signups"."cvr" is not null) or ("company_signups"."country" <> 'DK' and "company_signups"."registration_number" is not null))
);
--> statement-breakpoint
CREATE TABLE "marketplace_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"direction" "marketplace_direction" NOT NULL,
	"type" "marketplace_type" NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"technologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_items_valid_order" CHECK ("marketplace_items"."valid_from" <= "marketplace_items"."valid_until")
);
--> statement-breakpoint
ALTER TABLE "company_profiles" ADD CONSTRAINT "company_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_signups" ADD CONSTRAINT "company_signups_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_items" ADD CONSTRAINT "marketplace_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_items" ADD CONSTRAINT "marketplace_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_profiles_country_idx" ON "company_profiles" USING btree ("country");--> statement-breakpoint
CREATE UNIQUE INDEX "company_signups_token_key" ON "company_signups" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "marketplace_items_valid_idx" ON "marketplace_items" USING btree ("valid_until","valid_from");--> statement-breakpoint
CREATE INDEX "marketplace_items_organisation_idx" ON "marketplace_items" USING btree ("organisation_id");