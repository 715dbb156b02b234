CREATE TYPE "public"."delivery_channel" AS ENUM('cli', 'web', 'api');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('loaded', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."period_status" AS ENUM('open', 'submitted', 'approved', 'returned', 'locked');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"token_prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"submitted_by" uuid,
	"actor_label" text NOT NULL,
	"channel" "delivery_channel" NOT NULL,
	"status" "delivery_status" NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"files" jsonb NOT NULL,
	"counts" jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cluster_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_periods" (
	"cluster_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"status" "period_status" DEFAULT 'open' NOT NULL,
	"comment" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_periods_cluster_id_year_pk" PRIMARY KEY("cluster_id","year")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_org_idx" ON "api_tokens" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "deliveries_started_idx" ON "deliveries" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "deliveries_org_idx" ON "deliveries" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_labels_award_key" ON "cluster_labels" USING btree ("organisation_id","level","awarded_on");