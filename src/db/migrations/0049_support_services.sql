CREATE TYPE "public"."service_form" AS ENUM('course', 'module_programme', 'workshop', 'sparring', 'tool', 'analysis');--> statement-breakpoint
CREATE TYPE "public"."service_language" AS ENUM('da', 'en', 'da_en');--> statement-breakpoint
CREATE TYPE "public"."service_payment" AS ENUM('free', 'user_payment', 'price');--> statement-breakpoint
CREATE TYPE "public"."service_target_group" AS ENUM('cluster_leaders', 'staff', 'boards', 'emerging_clusters', 'business_advisers');--> statement-breakpoint
ALTER TYPE "public"."search_kind" ADD VALUE 'service';--> statement-breakpoint
CREATE TABLE "support_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title_da" text NOT NULL,
	"title_en" text NOT NULL,
	"summary_da" text NOT NULL,
	"summary_en" text NOT NULL,
	"description_da" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"target_groups" "service_target_group"[] NOT NULL,
	"form" "service_form" NOT NULL,
	"payment" "service_payment" NOT NULL,
	"price_dkk" integer,
	"capacity" integer,
	"language" "service_language" NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_services_target_groups" CHECK (cardinality("support_services"."target_groups") > 0),
	CONSTRAINT "support_services_price" CHECK (("support_services"."payment" = 'free') = ("support_services"."price_dkk" is null)),
	CONSTRAINT "support_services_price_positive" CHECK ("support_services"."price_dkk" is null or "support_services"."price_dkk" > 0),
	CONSTRAINT "support_services_capacity" CHECK ("support_services"."capacity" is null or "support_services"."capacity" > 0)
);
--> statement-breakpoint
ALTER TABLE "support_services" ADD CONSTRAINT "support_services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "support_services_slug_idx" ON "support_services" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "support_services_form_idx" ON "support_services" USING btree ("form");