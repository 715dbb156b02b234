CREATE TYPE "public"."cluster_service_audience" AS ENUM('all_companies', 'startups', 'smes', 'large_companies', 'knowledge_institutions');--> statement-breakpoint
CREATE TYPE "public"."cluster_service_price" AS ENUM('free', 'paid');--> statement-breakpoint
CREATE TABLE "cluster_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title_da" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"description_da" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"target_group" "cluster_service_audience" NOT NULL,
	"price_kind" "cluster_service_price" NOT NULL,
	"price_text" text DEFAULT '' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_services_price" CHECK ("cluster_services"."price_kind" = 'free' or "cluster_services"."price_text" <> '')
);
--> statement-breakpoint
ALTER TABLE "cluster_services" ADD CONSTRAINT "cluster_services_organisation_id_clusters_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."clusters"("organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cluster_services_organisation_idx" ON "cluster_services" USING btree ("organisation_id","position");